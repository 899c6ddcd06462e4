// The event stream at work (the types, the backoff and what a failure means are in ./stream.ts): the
// status it publishes, the socket of each attempt, the retries, and the events' notices.
import { isInView, mapEvent, mergeNotices, type TabNotice } from './invalidation';
import {
  type BackoffOptions,
  backoffDelay,
  classify,
  DEFAULT_BACKOFF,
  DEFAULT_TRANSPORTS,
  defaultIo,
  type EventSocket,
  type EventStream,
  type EventStreamOptions,
  type EventStreamReason,
  type EventStreamStatus,
  type MaybePromise,
  NAMESPACE,
  SOCKET_PATH,
} from './stream';

/** The options, resolved, and what changes while the stream runs. */
function streamState(options: EventStreamOptions) {
  const now = options.now ?? Date.now;
  const origin = new URL(options.origin).origin;
  const current: EventStreamStatus = {
    origin,
    state: 'off',
    since: now(),
    lastEventAt: null,
    transport: null,
    attempt: 0,
    nextRetryAt: null,
    reason: { code: 'stopped' },
  };
  return {
    options,
    origin,
    now,
    io: options.io ?? defaultIo,
    transports: options.transports ?? DEFAULT_TRANSPORTS,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff } satisfies BackoffOptions,
    offRetryMs: options.offRetryMs ?? 10 * 60_000,
    connectTimeoutMs: options.connectTimeoutMs ?? 20_000,
    noticeDelayMs: options.noticeDelayMs ?? 100,
    random: options.random ?? Math.random,
    log: options.log ?? ((message: string) => console.warn(`[events] ${message}`)),
    started: false,
    /** Bumped by each attempt and by stop(): callbacks of an older attempt are ignored. */
    generation: 0,
    socket: null as EventSocket | null,
    retryTimer: null as ReturnType<typeof setTimeout> | null,
    noticeTimer: null as ReturnType<typeof setTimeout> | null,
    pendingNotices: [] as TabNotice[],
    /** Events arrived since the last flush (the status' lastEventAt changed). */
    unpublishedEvents: false,
    /** When the connection was lost (or the stream stopped) after being live: the gap's start. */
    lostAt: options.gapSince ?? (null as number | null),
    /** The last token used, only to scrub it from error texts. */
    lastToken: '',
    listeners: new Set<(status: EventStreamStatus) => void>(),
    current,
  };
}
type StreamState = ReturnType<typeof streamState>;

/** The status the stream publishes, and what it says of errors (never the token). */
function statusOf(state: StreamState) {
  const scrub = (text: string) => {
    let clean = text;
    if (state.lastToken) clean = clean.split(state.lastToken).join('[token]');
    return clean.replace(/Bearer\s+\S+/gi, 'Bearer [token]').slice(0, 200);
  };

  function describe(error: unknown): string {
    if (error instanceof Error) {
      const withStatus = error as Error & { description?: unknown; type?: unknown };
      const status = typeof withStatus.description === 'number' ? ` (HTTP ${withStatus.description})` : '';
      return scrub(`${error.message}${status}`);
    }
    return scrub(String(error));
  }

  function publish(change: Partial<EventStreamStatus>) {
    const stateChanged = change.state !== undefined && change.state !== state.current.state;
    state.current = { ...state.current, ...change, ...(stateChanged ? { since: state.now() } : {}) };
    const snapshot = { ...state.current };
    for (const listener of state.listeners) {
      try {
        listener(snapshot);
      } catch (error) {
        state.log(`status listener failed: ${describe(error)}`);
      }
    }
  }

  /** Run a caller's callback; its failure is logged, never thrown into socket.io. */
  function safely(what: string, run: () => MaybePromise<void>) {
    try {
      const result = run();
      if (result instanceof Promise) result.catch((error) => state.log(`${what} failed: ${describe(error)}`));
    } catch (error) {
      state.log(`${what} failed: ${describe(error)}`);
    }
  }

  return { scrub, describe, publish, safely };
}
type Status = ReturnType<typeof statusOf>;

/** Closing sockets, retrying, and the notices of events (a burst is heard of once). */
function lifecycleOf(state: StreamState, { describe, publish, safely }: Status, connect: () => Promise<void>) {
  function closeSocket() {
    const closing = state.socket;
    state.socket = null;
    if (!closing) return;
    try {
      closing.disconnect();
    } catch (error) {
      state.log(`closing the socket failed: ${describe(error)}`);
    }
  }

  function clearRetry() {
    if (state.retryTimer !== null) clearTimeout(state.retryTimer);
    state.retryTimer = null;
  }

  function flushNotices() {
    if (state.noticeTimer !== null) clearTimeout(state.noticeTimer);
    state.noticeTimer = null;
    const notices = mergeNotices(state.pendingNotices);
    state.pendingNotices = [];
    for (const notice of notices) safely('onNotice', () => state.options.onNotice(notice));
    if (state.unpublishedEvents) {
      state.unpublishedEvents = false;
      publish({});
    }
  }

  function scheduleRetry(kind: 'reconnecting' | 'off', reason: EventStreamReason) {
    closeSocket();
    clearRetry();
    const attempt = state.current.attempt + 1;
    const delay = kind === 'off' ? state.offRetryMs : backoffDelay(attempt, state.backoff, state.random());
    const mine = state.generation;
    state.retryTimer = setTimeout(() => {
      state.retryTimer = null;
      if (state.started && mine === state.generation) void connect();
    }, delay);
    publish({ state: kind, attempt, reason, nextRetryAt: state.now() + delay, transport: null });
  }

  function onEvent(name: string, payload: unknown) {
    state.current = { ...state.current, lastEventAt: state.now() };
    state.unpublishedEvents = true;
    const effect = mapEvent(name, payload);
    // An event Sidekick's own running job caused is held for the job's end (./own-writes.ts).
    if (effect && isInView(effect, state.options.projectsInView()) && !state.options.hold?.(effect)) {
      // Invalidate at once: a read in flight when the event arrives must not be stored.
      safely('onInvalidate', () => state.options.onInvalidate(effect.invalidation, effect));
      state.pendingNotices.push(effect.notice);
    }
    // Notices and status listeners hear of a burst once.
    if (state.noticeDelayMs <= 0) flushNotices();
    else state.noticeTimer ??= setTimeout(flushNotices, state.noticeDelayMs);
  }

  return { closeSocket, clearRetry, flushNotices, scheduleRetry, onEvent };
}
type Lifecycle = ReturnType<typeof lifecycleOf>;

/** Listens to one attempt's socket: events of a socket closed or replaced since are not ours any more. */
function listenTo(created: EventSocket, mine: number, state: StreamState, status: Status, lifecycle: Lifecycle) {
  const { describe, publish, safely, scrub } = status;
  const stale = () => !state.started || mine !== state.generation || state.socket !== created;

  created.io?.engine?.on?.('upgrade', (transport) => {
    if (!stale()) publish({ transport: transport?.name ?? null });
  });

  created.on('connect', () => {
    if (stale()) return;
    const gapSince = state.lostAt;
    state.lostAt = null;
    lifecycle.clearRetry();
    publish({
      state: 'live',
      attempt: 0,
      reason: null,
      nextRetryAt: null,
      transport: created.io?.engine?.transport?.name ?? state.current.transport,
    });
    if (gapSince !== null) safely('onGap', () => state.options.onGap(gapSince));
  });

  created.on('connect_error', (error: unknown) => {
    if (stale()) return;
    const detail = describe(error);
    const failure = classify(error);
    if (failure === 'network') {
      lifecycle.scheduleRetry('reconnecting', { code: 'network', detail });
    } else {
      const { origin } = state;
      state.log(failure === 'unavailable' ? `no event stream at ${origin}: ${detail}` : `${origin} refused: ${detail}`);
      lifecycle.scheduleRetry('off', { code: failure, detail });
    }
  });

  created.on('disconnect', (reason: unknown) => {
    if (stale()) return;
    if (state.current.state === 'live') state.lostAt ??= state.now();
    lifecycle.scheduleRetry('reconnecting', { code: 'disconnected', detail: scrub(String(reason)) });
  });

  created.onAny((name, payload) => {
    if (!stale()) safely('handling an event', () => lifecycle.onEvent(name, payload));
  });
}

/** One attempt: a fresh handshake with the current token. */
async function connect(state: StreamState, status: Status, lifecycle: Lifecycle) {
  const { describe, publish } = status;
  const mine = ++state.generation;
  lifecycle.closeSocket();
  publish({ nextRetryAt: null });

  let token: string | null | undefined;
  try {
    const { token: given } = state.options;
    token = typeof given === 'function' ? await given() : given;
  } catch (error) {
    state.log(`reading the token failed: ${describe(error)}`);
    token = null;
  }
  if (!state.started || mine !== state.generation) return;
  if (!token) {
    publish({ state: 'off', reason: { code: 'no-token' }, transport: null });
    return;
  }
  state.lastToken = token;

  let created: EventSocket;
  try {
    created = state.io(`${state.origin}${NAMESPACE}`, {
      path: SOCKET_PATH,
      transports: state.transports,
      extraHeaders: { Authorization: `Bearer ${token}` },
      auth: { token },
      withCredentials: false,
      reconnection: false,
      forceNew: true,
      timeout: state.connectTimeoutMs,
    });
  } catch (error) {
    state.log(`creating the socket failed: ${describe(error)}`);
    lifecycle.scheduleRetry('reconnecting', { code: 'network', detail: describe(error) });
    return;
  }
  state.socket = created;
  listenTo(created, mine, state, status, lifecycle);
}

export function createEventStream(options: EventStreamOptions): EventStream {
  const state = streamState(options);
  const status = statusOf(state);
  const attempt = () => connect(state, status, lifecycle);
  const lifecycle = lifecycleOf(state, status, attempt);
  const { publish } = status;

  return {
    origin: state.origin,
    start() {
      if (state.started) return;
      state.started = true;
      publish({ state: 'connecting', attempt: 0, reason: null });
      void attempt();
    },
    stop() {
      if (!state.started) return;
      state.started = false;
      state.generation += 1;
      lifecycle.clearRetry();
      if (state.current.state === 'live') state.lostAt ??= state.now();
      lifecycle.closeSocket();
      lifecycle.flushNotices();
      publish({ state: 'off', reason: { code: 'stopped' }, nextRetryAt: null, transport: null, attempt: 0 });
    },
    status: () => ({ ...state.current }),
    subscribe(listener) {
      state.listeners.add(listener);
      return () => state.listeners.delete(listener);
    },
  };
}
