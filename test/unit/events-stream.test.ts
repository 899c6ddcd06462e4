import { Fetch, WebSocket as WebSocketTransport } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Invalidation, TabNotice } from '../../lib/events/invalidation';
import {
  backoffDelay,
  classify,
  DEFAULT_BACKOFF,
  type EventSocket,
  type EventSocketOptions,
  type EventStreamOptions,
  type EventStreamStatus,
} from '../../lib/events/stream';
import { createEventStream } from '../../lib/events/stream-run';

const ORIGIN = 'https://kitsu.studio.example';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.SECRET-PAYLOAD.SECRET-SIGNATURE';
const P = 'ae1053d8-b7db-4923-a418-d93894c5a48f';
const OTHER = '11111111-2222-3333-4444-555555555555';
const T = 'aaaaaaaa-0000-0000-0000-000000000001';
const C = 'cccccccc-0000-0000-0000-000000000001';

type Listener = (...args: unknown[]) => void;

class FakeSocket implements EventSocket {
  readonly handlers = new Map<string, Listener[]>();
  readonly anyHandlers: ((event: string, ...args: unknown[]) => void)[] = [];
  readonly upgradeHandlers: ((transport: { name?: string }) => void)[] = [];
  disconnectCalls = 0;
  readonly io = {
    engine: {
      transport: { name: 'polling' },
      on: (_event: 'upgrade', listener: (transport: { name?: string }) => void) => this.upgradeHandlers.push(listener),
    },
  };
  on(event: string, listener: (...args: never[]) => void) {
    const list = this.handlers.get(event) ?? [];
    list.push(listener as Listener);
    this.handlers.set(event, list);
    return this;
  }
  onAny(listener: (event: string, ...args: unknown[]) => void) {
    this.anyHandlers.push(listener);
    return this;
  }
  disconnect() {
    this.disconnectCalls += 1;
    return this;
  }
  // Test side: what the server / socket.io would do.
  fire(event: string, ...args: unknown[]) {
    for (const listener of this.handlers.get(event) ?? []) listener(...args);
  }
  serverEvent(name: string, payload: unknown) {
    for (const listener of this.anyHandlers) listener(name, payload);
  }
  upgrade() {
    this.io.engine.transport.name = 'websocket';
    for (const listener of this.upgradeHandlers) listener({ name: 'websocket' });
  }
}

function harness(overrides: Partial<EventStreamOptions> = {}) {
  const sockets: FakeSocket[] = [];
  const calls: { uri: string; options: EventSocketOptions }[] = [];
  const invalidations: Invalidation[] = [];
  const notices: TabNotice[] = [];
  const gaps: number[] = [];
  const logs: string[] = [];
  const statuses: EventStreamStatus[] = [];
  let inView = new Set([P]);
  const stream = createEventStream({
    origin: `${ORIGIN}/some/page?x=1`,
    token: TOKEN,
    projectsInView: () => inView,
    onInvalidate: (invalidation) => {
      invalidations.push(invalidation);
    },
    onNotice: (notice) => notices.push(notice),
    onGap: (since) => {
      gaps.push(since);
    },
    io: (uri, options) => {
      calls.push({ uri, options });
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    log: (message) => logs.push(message),
    random: () => 0.5,
    ...overrides,
  });
  stream.subscribe((status) => statuses.push(status));
  return {
    stream,
    sockets,
    calls,
    invalidations,
    notices,
    gaps,
    logs,
    statuses,
    last: () => sockets[sockets.length - 1] as FakeSocket,
    setInView: (ids: string[]) => {
      inView = new Set(ids);
    },
  };
}

/** Let the async connect (token getter) run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_700_000_000_000);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('backoffDelay', () => {
  it('grows exponentially up to the cap', () => {
    const raw = [1, 2, 3, 4, 5, 6, 7, 8, 12].map((attempt) => backoffDelay(attempt, DEFAULT_BACKOFF, 0));
    expect(raw).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('stays within [d·(1-jitter), d] for any random draw', () => {
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const d = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.baseMs * 2 ** (attempt - 1));
      for (const random of [0, 0.1, 0.25, 0.5, 0.75, 0.999999]) {
        const delay = backoffDelay(attempt, DEFAULT_BACKOFF, random);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(d * (1 - DEFAULT_BACKOFF.jitter)));
        expect(delay).toBeLessThanOrEqual(d);
      }
    }
    // Out-of-range inputs are clamped.
    expect(backoffDelay(1, { ...DEFAULT_BACKOFF, jitter: 5 }, 2)).toBe(0);
    expect(backoffDelay(0, DEFAULT_BACKOFF, 0)).toBe(1_000);
  });
});

describe('classify', () => {
  const transportError = (status: number) =>
    Object.assign(new Error('fetch read error'), { type: 'TransportError', description: status });
  it.each([400, 404, 405, 403])('HTTP %s on the handshake → unavailable', (status) => {
    expect(classify(transportError(status))).toBe('unavailable');
  });
  it('an HTML page instead of engine.io → unavailable', () => {
    expect(classify(Object.assign(new Error('server error'), { code: 'parser error' }))).toBe('unavailable');
  });
  it('a CONNECT_ERROR packet → refused', () => {
    expect(classify(Object.assign(new Error('Access token expired.'), { data: undefined }))).toBe('refused');
  });
  it.each([
    ['502', transportError(502)],
    ['timeout', new Error('timeout')],
    ['network', Object.assign(new Error('fetch read error'), { type: 'TransportError', description: new TypeError() })],
    ['string', 'weird'],
  ])('%s → network', (_label, error) => {
    expect(classify(error)).toBe('network');
  });
});

describe('createEventStream', () => {
  it('connects to <origin>/events over fetch polling then websocket, with the token as header and auth', async () => {
    const h = harness();
    expect(h.stream.status()).toMatchObject({ state: 'off', reason: { code: 'stopped' } });
    h.stream.start();
    expect(h.stream.status().state).toBe('connecting');
    await settle();
    expect(h.calls).toHaveLength(1);
    const [{ uri, options }] = h.calls as [(typeof h.calls)[number]];
    expect(uri).toBe(`${ORIGIN}/events`);
    expect(options).toMatchObject({
      path: '/socket.io',
      extraHeaders: { Authorization: `Bearer ${TOKEN}` },
      auth: { token: TOKEN },
      withCredentials: false,
      reconnection: false,
      forceNew: true,
    });
    expect(options.transports).toEqual([Fetch, WebSocketTransport]);

    h.last().fire('connect');
    expect(h.stream.status()).toMatchObject({ state: 'live', transport: 'polling', attempt: 0, reason: null });
    h.last().upgrade();
    expect(h.stream.status().transport).toBe('websocket');
    expect(h.gaps).toEqual([]);
  });

  it('applies an event of a production in view: invalidation at once, one merged notice per burst', async () => {
    const h = harness();
    h.stream.start();
    await settle();
    h.last().fire('connect');

    h.last().serverEvent('comment:new', { comment_id: C, task_id: T, task_status_id: C, project_id: P });
    h.last().serverEvent('task:update', { task_id: T, project_id: P });
    expect(h.invalidations).toEqual([
      { tags: [`task:${T}`, `comment:${C}`], kinds: ['open-tasks', 'event-log'] },
      { tags: [`task:${T}`], kinds: ['open-tasks', 'event-log'] },
    ]);
    expect(h.notices).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(h.notices).toEqual([
      { projectId: P, tags: [`task:${T}`, `comment:${C}`, 'open-tasks', 'event-log', 'entities-with-tasks'] },
    ]);
    expect(h.stream.status().lastEventAt).toBe(Date.now() - 100);
  });

  it('does nothing for an event of a production nobody is looking at (but notes lastEventAt)', async () => {
    const h = harness();
    h.stream.start();
    await settle();
    h.last().fire('connect');
    h.last().serverEvent('comment:new', { comment_id: C, task_id: T, project_id: OTHER });
    h.last().serverEvent('notification:new', { notification_id: C, person_id: T });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.invalidations).toEqual([]);
    expect(h.notices).toEqual([]);
    expect(h.stream.status().lastEventAt).not.toBeNull();
    // Global reference data applies with nothing in view.
    h.setInView([]);
    h.last().serverEvent('task-status:update', { task_status_id: C });
    expect(h.invalidations).toEqual([{ tags: [`task-status:${C}`], kinds: ['task-statuses'] }]);
  });

  it('neither applies nor notices an event someone holds (Sidekick’s own job), and still notes lastEventAt', async () => {
    const held: string[] = [];
    const h = harness({
      hold: (effect) => {
        held.push(effect.name);
        return effect.invalidation.tags.includes(`task:${T}`);
      },
    });
    h.stream.start();
    await settle();
    h.last().fire('connect');
    h.last().serverEvent('task:update', { task_id: T, project_id: P });
    h.last().serverEvent('task:update', { task_id: C, project_id: P });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(held).toEqual(['task:update', 'task:update']);
    expect(h.invalidations).toEqual([{ tags: [`task:${C}`], kinds: ['open-tasks', 'event-log'] }]);
    expect(h.notices).toEqual([
      { projectId: P, tags: [`task:${C}`, 'open-tasks', 'event-log', 'entities-with-tasks'] },
    ]);
    expect(h.stream.status().lastEventAt).not.toBeNull();
  });

  it('delivers each notice at once with noticeDelayMs 0', async () => {
    const h = harness({ noticeDelayMs: 0 });
    h.stream.start();
    await settle();
    h.last().fire('connect');
    h.last().serverEvent('task:update', { task_id: T, project_id: P });
    expect(h.notices).toHaveLength(1);
  });

  it('reconnects after a lost connection with backoff, then reports the gap', async () => {
    const h = harness();
    h.stream.start();
    await settle();
    h.last().fire('connect');
    const lostAt = Date.now() + 5_000;
    await vi.advanceTimersByTimeAsync(5_000);
    h.last().fire('disconnect', 'transport close');
    expect(h.stream.status()).toMatchObject({
      state: 'reconnecting',
      attempt: 1,
      reason: { code: 'disconnected', detail: 'transport close' },
      nextRetryAt: lostAt + backoffDelay(1, DEFAULT_BACKOFF, 0.5),
    });
    expect(h.sockets[0]?.disconnectCalls).toBe(1);
    await vi.advanceTimersByTimeAsync(backoffDelay(1, DEFAULT_BACKOFF, 0.5) - 1);
    expect(h.sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.sockets).toHaveLength(2);
    expect(h.stream.status().state).toBe('reconnecting');
    h.last().fire('connect');
    expect(h.stream.status()).toMatchObject({ state: 'live', attempt: 0 });
    expect(h.gaps).toEqual([lostAt]);
    // Events of the old socket are not ours any more.
    h.sockets[0]?.serverEvent('task:update', { task_id: T, project_id: P });
    expect(h.invalidations).toEqual([]);
  });

  it('backs off exponentially with jitter while the server stays unreachable', async () => {
    const draws = [0, 0.999, 0.3, 0.7, 0, 0.5, 0.1, 0.9];
    let i = 0;
    const h = harness({ random: () => draws[i++ % draws.length] as number });
    h.stream.start();
    await settle();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      h.last().fire('connect_error', Object.assign(new Error('fetch read error'), { type: 'TransportError' }));
      const status = h.stream.status();
      expect(status).toMatchObject({ state: 'reconnecting', attempt, reason: { code: 'network' } });
      const delay = (status.nextRetryAt as number) - Date.now();
      const d = Math.min(60_000, 1_000 * 2 ** (attempt - 1));
      expect(delay).toBeGreaterThanOrEqual(d / 2);
      expect(delay).toBeLessThanOrEqual(d);
      delays.push(delay);
      await vi.advanceTimersByTimeAsync(delay);
      expect(h.sockets).toHaveLength(attempt + 1);
    }
    expect(delays).toEqual(draws.map((random, n) => backoffDelay(n + 1, DEFAULT_BACKOFF, random)));
    // Never a gap: it was never live.
    h.last().fire('connect');
    expect(h.gaps).toEqual([]);
  });

  it('goes off when the host has no event stream (HTTP 404), and retries slowly', async () => {
    const h = harness({ offRetryMs: 600_000 });
    h.stream.start();
    await settle();
    h.last().fire(
      'connect_error',
      Object.assign(new Error('fetch read error'), { type: 'TransportError', description: 404 }),
    );
    expect(h.stream.status()).toMatchObject({
      state: 'off',
      reason: { code: 'unavailable', detail: 'fetch read error (HTTP 404)' },
    });
    expect(h.logs.some((line) => line.includes('no event stream'))).toBe(true);
    await vi.advanceTimersByTimeAsync(599_999);
    expect(h.sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.sockets).toHaveLength(2);
    expect(h.stream.status().state).toBe('off');
    h.last().fire('connect');
    expect(h.stream.status()).toMatchObject({ state: 'live', reason: null });
  });

  it('goes off when the server refuses the connection', async () => {
    const h = harness();
    h.stream.start();
    await settle();
    h.last().fire('connect_error', Object.assign(new Error('Access token expired.'), { data: undefined }));
    expect(h.stream.status()).toMatchObject({ state: 'off', reason: { code: 'refused' } });
  });

  it('stop() closes the socket, cancels retries and ignores late events', async () => {
    const h = harness();
    h.stream.start();
    await settle();
    h.last().fire('connect');
    h.last().serverEvent('task:update', { task_id: T, project_id: P });
    h.stream.stop();
    expect(h.sockets[0]?.disconnectCalls).toBe(1);
    expect(h.stream.status()).toMatchObject({ state: 'off', reason: { code: 'stopped' }, transport: null });
    // The pending notice was delivered before stopping.
    expect(h.notices).toHaveLength(1);
    h.sockets[0]?.fire('disconnect', 'io client disconnect');
    h.sockets[0]?.serverEvent('task:update', { task_id: T, project_id: P });
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(h.sockets).toHaveLength(1);
    expect(h.invalidations).toHaveLength(1);
    expect(h.stream.status().state).toBe('off');
  });

  it('stop() during a retry wait cancels it; start() again reports the gap since the loss', async () => {
    const h = harness();
    h.stream.start();
    await settle();
    h.last().fire('connect');
    const lostAt = Date.now();
    h.last().fire('disconnect', 'ping timeout');
    h.stream.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(h.sockets).toHaveLength(1);
    h.stream.start();
    expect(h.stream.status().state).toBe('connecting');
    await settle();
    h.last().fire('connect');
    expect(h.gaps).toEqual([lostAt]);
  });

  it('start() twice opens one connection; a start after stop while live reports the gap from the stop', async () => {
    const h = harness();
    h.stream.start();
    h.stream.start();
    await settle();
    expect(h.sockets).toHaveLength(1);
    h.last().fire('connect');
    await vi.advanceTimersByTimeAsync(1_000);
    const stoppedAt = Date.now();
    h.stream.stop();
    await vi.advanceTimersByTimeAsync(30_000);
    h.stream.start();
    await settle();
    h.last().fire('connect');
    expect(h.gaps).toEqual([stoppedAt]);
  });

  it('reports a gap known from before (gapSince) on the first connection', async () => {
    const h = harness({ gapSince: 1_600_000_000_000 });
    h.stream.start();
    await settle();
    h.last().fire('connect');
    expect(h.gaps).toEqual([1_600_000_000_000]);
  });

  it('reads the token before each handshake, and stays off without one', async () => {
    const tokens = ['first-token', 'second-token'];
    const h = harness({ token: async () => tokens.shift() });
    h.stream.start();
    await settle();
    expect(h.calls[0]?.options.extraHeaders.Authorization).toBe('Bearer first-token');
    h.last().fire('connect_error', new Error('timeout'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.calls[1]?.options.extraHeaders.Authorization).toBe('Bearer second-token');
    h.last().fire('connect_error', new Error('timeout'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.calls).toHaveLength(2);
    expect(h.stream.status()).toMatchObject({ state: 'off', reason: { code: 'no-token' } });
  });

  it('a stop() while the token is being read opens nothing', async () => {
    let release!: (token: string) => void;
    const h = harness({ token: () => new Promise<string>((resolve) => (release = resolve)) });
    h.stream.start();
    h.stream.stop();
    release(TOKEN);
    await settle();
    expect(h.sockets).toHaveLength(0);
  });

  it('survives failing callbacks', async () => {
    const h = harness({
      onInvalidate: () => Promise.reject(new Error('idb closed')),
      onNotice: () => {
        throw new Error('no tab');
      },
      noticeDelayMs: 0,
    });
    h.stream.start();
    await settle();
    h.last().fire('connect');
    h.last().serverEvent('task:update', { task_id: T, project_id: P });
    await settle();
    expect(h.logs).toEqual(expect.arrayContaining(['onInvalidate failed: idb closed', 'onNotice failed: no tab']));
    expect(h.stream.status().state).toBe('live');
  });

  it('never puts the token in a log line, a status or a reason', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const h = harness({ log: undefined });
    h.stream.start();
    await settle();
    h.last().fire('connect_error', Object.assign(new Error(`refused Bearer ${TOKEN}`), { data: { token: TOKEN } }));
    await vi.advanceTimersByTimeAsync(600_000);
    h.last().fire(
      'connect_error',
      Object.assign(new Error(`bad request for ${TOKEN}`), { type: 'TransportError', description: 400 }),
    );
    await vi.advanceTimersByTimeAsync(600_000);
    h.last().fire('connect');
    h.last().fire('disconnect', `server said ${TOKEN}`);
    h.stream.stop();
    const seen = JSON.stringify([
      h.statuses,
      h.stream.status(),
      warn.mock.calls,
      error.mock.calls,
      h.notices,
      h.invalidations,
    ]);
    expect(warn).toHaveBeenCalled();
    expect(seen).not.toContain(TOKEN);
    expect(seen).not.toContain('SECRET');
    expect(seen).toContain('[token]');
  });
});
