import { describe, expect, it } from 'vitest';
import { createKitsuClient, KitsuApiError } from '../../lib/kitsu';
import { createPacer, MAX_RETRY_AFTER_MS, retryAfterMs } from '../../lib/kitsu/pacing';

const ORIGIN = 'https://kitsu.example.test';

/** A clock whose sleeps pass at once and move time on: waits are counted, not waited. */
function fakeClock() {
  const clock = {
    time: 1_000_000,
    sleeps: [] as number[],
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.time += ms;
    },
  };
  return clock;
}

type Fault = { status: number; retryAfter?: string };

/**
 * A Kitsu that answers `[]`, holding each request until the test lets it go (`answerAll`), and
 * answering the first requests with the faults given. Records when each request arrived and the
 * most requests it ever had in flight at once.
 */
function faultyKitsu(clock: ReturnType<typeof fakeClock>, faults: Fault[] = [], hold = false) {
  const arrivals: { at: number; method: string }[] = [];
  const held: (() => void)[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const fetch = async (_input: RequestInfo | URL, init: RequestInit = {}) => {
    arrivals.push({ at: clock.time, method: init.method ?? 'GET' });
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    try {
      if (hold) await new Promise<void>((resolve) => held.push(resolve));
      const fault = faults.shift();
      if (fault) {
        const headers: Record<string, string> = fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {};
        return new Response(JSON.stringify({ message: 'busy' }), { status: fault.status, headers });
      }
      return new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } });
    } finally {
      inFlight -= 1;
    }
  };
  const answerAll = () => {
    for (const resolve of held.splice(0)) resolve();
  };
  return { fetch: fetch as typeof globalThis.fetch, arrivals, answerAll, mostInFlight: () => mostInFlight, held };
}

function client(kitsu: ReturnType<typeof faultyKitsu>, clock: ReturnType<typeof fakeClock>, maxInFlight: number) {
  return createKitsuClient({
    origin: ORIGIN,
    token: 'token',
    fetch: kitsu.fetch,
    sleep: clock.sleep,
    random: () => 0,
    pacer: createPacer(maxInFlight, clock),
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates, caps long waits, ignores what it cannot read', () => {
    const now = Date.parse('2026-12-07T00:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3_000);
    expect(retryAfterMs('Mon, 07 Dec 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('Sun, 06 Dec 2026 23:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('86400', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs('-1', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});

describe('pacing one host', () => {
  it('keeps at most N requests in flight, and every request is answered', async () => {
    const clock = fakeClock();
    const kitsu = faultyKitsu(clock, [], true);
    const api = client(kitsu, clock, 3);
    const reads = Array.from({ length: 10 }, () => api.taskStatuses());
    for (let round = 0; round < 10; round++) {
      await settle();
      expect(kitsu.held.length).toBeLessThanOrEqual(3);
      kitsu.answerAll();
    }
    expect(await Promise.all(reads)).toEqual(Array.from({ length: 10 }, () => []));
    expect(kitsu.mostInFlight()).toBe(3);
    expect(kitsu.arrivals).toHaveLength(10);
  });

  it('on 429 with Retry-After, asks nothing of the host until then, then retries the read', async () => {
    const clock = fakeClock();
    const kitsu = faultyKitsu(clock, [{ status: 429, retryAfter: '7' }]);
    const api = client(kitsu, clock, 4);
    const start = clock.time;
    expect(await api.taskStatuses()).toEqual([]);
    expect(kitsu.arrivals).toHaveLength(2);
    expect((kitsu.arrivals[1]?.at ?? 0) - start).toBeGreaterThanOrEqual(7_000);
  });

  it('on 503, pauses every request to the host, not only the one refused', async () => {
    const clock = fakeClock();
    const kitsu = faultyKitsu(clock, [{ status: 503, retryAfter: '5' }]);
    const api = client(kitsu, clock, 4);
    const start = clock.time;
    // A write is never replayed (it may have landed): it fails, and the next request waits.
    const write = api.setPriority(['t1'], 2).catch((error: unknown) => error);
    expect(await write).toBeInstanceOf(KitsuApiError);
    await api.taskStatuses();
    expect(kitsu.arrivals.map((arrival) => arrival.method)).toEqual(['PUT', 'GET']);
    expect((kitsu.arrivals[1]?.at ?? 0) - start).toBeGreaterThanOrEqual(5_000);
  });

  it('without Retry-After still backs off, and a cancelled wait gives its slot back', async () => {
    const clock = fakeClock();
    const kitsu = faultyKitsu(clock, [], true);
    const api = client(kitsu, clock, 1);
    const first = api.taskStatuses();
    const controller = new AbortController();
    const second = api.taskStatuses({ signal: controller.signal });
    await settle();
    controller.abort(new Error('left the page'));
    await expect(second).rejects.toThrow('left the page');
    const third = api.taskStatuses();
    kitsu.answerAll();
    await first;
    await settle();
    kitsu.answerAll();
    expect(await third).toEqual([]);
    expect(kitsu.arrivals).toHaveLength(2);

    const busy = faultyKitsu(clock, [{ status: 429 }, { status: 429 }]);
    const paced = client(busy, clock, 2);
    const before = clock.time;
    expect(await paced.taskStatuses()).toEqual([]);
    expect(busy.arrivals).toHaveLength(3);
    expect((busy.arrivals[2]?.at ?? 0) - before).toBeGreaterThanOrEqual(2_000);
  });
});
