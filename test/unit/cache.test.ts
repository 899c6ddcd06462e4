import { createStore, keys, set } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { type CacheDescriptor, type CacheOptions, cacheStoreName, createCache } from '../../lib/cache';

// fake-indexeddb lives as long as the test file, so each test gets hosts of its own.
let hostCount = 0;
const newHost = () => `https://kitsu-${++hostCount}.studio.example`;

function fakeClock(start = 1_700_000_000_000) {
  let time = start;
  return {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

const fullTask = (id: string, project = 'p1'): CacheDescriptor => ({
  kind: 'full-task',
  key: `full-task:${id}`,
  tags: [`task:${id}`, `project:${project}`],
});
const statuses: CacheDescriptor = { kind: 'task-statuses', key: 'task-statuses', tags: ['task-statuses'] };

/** A fetcher that answers `{ id, version }`, the version counting its calls. */
function counting(id: string) {
  let version = 0;
  return vi.fn(async () => ({ id, version: ++version }));
}

const TASK_FRESH = 30_000;
const TASK_STALE = 10 * 60_000;

function setup(overrides: Partial<CacheOptions> = {}) {
  const clock = fakeClock();
  const host = overrides.host ?? newHost();
  const onRevalidated = vi.fn();
  const onError = vi.fn();
  const cache = createCache({ host, now: clock.now, onRevalidated, onError, ...overrides });
  return { cache, clock, host, onRevalidated, onError };
}

/** Background work (IndexedDB, revalidations) settles within a few event-loop turns; poll that often. */
/** A cache whose task t1 went stale, read in swr mode: its background revalidation waits for `answer`. */
async function staleTaskBeingRevalidated(overrides: Partial<CacheOptions> = {}) {
  const harness = setup(overrides);
  await harness.cache.read(fullTask('t1'), async () => ({ version: 1 }));
  harness.clock.advance(TASK_FRESH + 1);
  const answer = deferred<{ version: number }>();
  const revalidation = vi.fn(() => answer.promise);
  await harness.cache.read(fullTask('t1'), revalidation, { mode: 'swr' });
  return { ...harness, answer, revalidation };
}

const eventually = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { interval: 1, timeout: 1000 });

const storedKeys = (host: string) => keys<string>(createStore(cacheStoreName(host), 'entries'));

describe('reading through the cache', () => {
  it('asks Kitsu once, then serves the fresh entry from memory', async () => {
    const { cache, clock } = setup();
    const fetcher = counting('t1');

    expect(await cache.read(fullTask('t1'), fetcher)).toEqual({
      value: { id: 't1', version: 1 },
      source: 'network',
      stale: false,
    });
    clock.advance(TASK_FRESH);
    expect(await cache.read(fullTask('t1'), fetcher)).toEqual({
      value: { id: 't1', version: 1 },
      source: 'memory',
      stale: false,
    });
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('makes one request for ten concurrent reads of the same key', async () => {
    const { cache } = setup();
    const answer = deferred<{ id: string }>();
    const fetcher = vi.fn(() => answer.promise);

    const reads = Array.from({ length: 10 }, () => cache.read(fullTask('t1'), fetcher, { mode: 'swr' }));
    answer.resolve({ id: 't1' });
    const results = await Promise.all(reads);

    expect(fetcher).toHaveBeenCalledTimes(1);
    for (const result of results) expect(result).toEqual({ value: { id: 't1' }, source: 'network', stale: false });
    expect(await cache.stats()).toMatchObject({ misses: 10, dedupedWaits: 9, requests: 1, hits: 0 });
  });

  it('keeps different keys apart', async () => {
    const { cache } = setup();
    const one = await cache.read(fullTask('t1'), counting('t1'));
    const two = await cache.read(fullTask('t2'), counting('t2'));
    expect([one.value, two.value]).toEqual([
      { id: 't1', version: 1 },
      { id: 't2', version: 1 },
    ]);
  });

  it('in fresh mode waits for Kitsu once the entry is stale', async () => {
    const { cache, clock } = setup();
    const fetcher = counting('t1');
    await cache.read(fullTask('t1'), fetcher);
    clock.advance(TASK_FRESH + 1);

    expect(await cache.read(fullTask('t1'), fetcher, { mode: 'fresh' })).toEqual({
      value: { id: 't1', version: 2 },
      source: 'network',
      stale: false,
    });
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('in swr mode serves the stale entry at once, revalidates once and reports the new value', async () => {
    const { cache, clock, onRevalidated } = setup();
    await cache.read(fullTask('t1'), async () => ({ id: 't1', version: 1 }));
    clock.advance(TASK_FRESH + 1);

    const answer = deferred<{ id: string; version: number }>();
    const fetcher = vi.fn(() => answer.promise);
    const revalidated = new Promise((resolve) => onRevalidated.mockImplementation(resolve));
    const first = await cache.read(fullTask('t1'), fetcher, { mode: 'swr' });
    const second = await cache.read(fullTask('t1'), fetcher, { mode: 'swr' });

    for (const result of [first, second]) {
      expect(result).toEqual({ value: { id: 't1', version: 1 }, source: 'memory', stale: true });
    }
    expect(onRevalidated).not.toHaveBeenCalled();
    answer.resolve({ id: 't1', version: 2 });
    await revalidated;

    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(onRevalidated).toHaveBeenCalledTimes(1);
    expect(onRevalidated).toHaveBeenCalledWith(fullTask('t1'), { id: 't1', version: 2 });
    expect(await cache.read(fullTask('t1'), fetcher, { mode: 'swr' })).toEqual({
      value: { id: 't1', version: 2 },
      source: 'memory',
      stale: false,
    });
    expect(await cache.stats()).toMatchObject({ hits: 1, staleServed: 2, misses: 1, requests: 2 });
  });

  it('waits for Kitsu on an expired entry, even in swr mode', async () => {
    const { cache, clock, onRevalidated } = setup();
    const fetcher = counting('t1');
    await cache.read(fullTask('t1'), fetcher);
    clock.advance(TASK_FRESH + TASK_STALE + 1);

    expect(await cache.read(fullTask('t1'), fetcher, { mode: 'swr' })).toEqual({
      value: { id: 't1', version: 2 },
      source: 'network',
      stale: false,
    });
    expect(onRevalidated).not.toHaveBeenCalled();
  });

  it('trusts a task entry past its age while the event stream has been live since it was fetched', async () => {
    let liveSince: number | null = null;
    const { cache, clock } = setup({ liveSince: () => liveSince });
    liveSince = clock.now() - 1;
    const fetcher = counting('t1');
    await cache.read(fullTask('t1'), fetcher);
    clock.advance(TASK_FRESH + TASK_STALE + 1);
    expect(await cache.read(fullTask('t1'), fetcher)).toMatchObject({ source: 'memory', stale: false });
    expect(fetcher).toHaveBeenCalledTimes(1);
    // The stream broke: the entry's age counts again.
    liveSince = null;
    expect(await cache.read(fullTask('t1'), fetcher)).toMatchObject({ source: 'network' });
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('applies the freshness of the kind: statuses are still fresh when tasks are not', async () => {
    const { cache, clock } = setup();
    const taskFetcher = counting('t1');
    const statusFetcher = counting('statuses');
    await cache.read(fullTask('t1'), taskFetcher);
    await cache.read(statuses, statusFetcher);
    clock.advance(30 * 60_000);

    expect((await cache.read(statuses, statusFetcher)).source).toBe('memory');
    expect((await cache.read(fullTask('t1'), taskFetcher)).source).toBe('network');
  });

  it('shares one request between a background revalidation and a fresh-mode read', async () => {
    const { cache, onRevalidated, answer, revalidation } = await staleTaskBeingRevalidated();
    const waiting = cache.read(fullTask('t1'), revalidation, { mode: 'fresh' });
    answer.resolve({ version: 2 });

    expect(await waiting).toEqual({ value: { version: 2 }, source: 'network', stale: false });
    expect(revalidation).toHaveBeenCalledTimes(1);
    await eventually(() => expect(onRevalidated).toHaveBeenCalledTimes(1));
  });
});

describe('errors', () => {
  it('propagates a failed fetch to every waiter and never caches it', async () => {
    const { cache } = setup();
    const failure = deferred<never>();
    const failing = vi.fn(() => failure.promise);

    const reads = [cache.read(fullTask('t1'), failing), cache.read(fullTask('t1'), failing)];
    // Rejected only once asked for: a rejected promise nobody holds yet is an unhandled rejection.
    await eventually(() => expect(failing).toHaveBeenCalledTimes(1));
    failure.reject(new Error('Kitsu said 500'));
    const settled = await Promise.allSettled(reads);
    expect(settled.map((result) => result.status === 'rejected' && String(result.reason))).toEqual([
      'Error: Kitsu said 500',
      'Error: Kitsu said 500',
    ]);
    expect(failing).toHaveBeenCalledTimes(1);

    const fetcher = counting('t1');
    expect(await cache.read(fullTask('t1'), fetcher)).toMatchObject({ source: 'network', value: { version: 1 } });
    expect(await cache.stats()).toMatchObject({ entries: 1, requests: 2, misses: 3, dedupedWaits: 1 });
  });

  it('propagates a fetcher that throws before returning a promise', async () => {
    const { cache } = setup();
    const throwsAtOnce = () => {
      throw new Error('no connection for this host');
    };
    await expect(cache.read(fullTask('t1'), throwsAtOnce)).rejects.toThrow('no connection for this host');
    expect((await cache.read(fullTask('t1'), counting('t1'))).source).toBe('network');
  });

  it('keeps the stale value when a background revalidation fails, and reports it', async () => {
    const { cache, clock, onError, onRevalidated } = setup();
    await cache.read(fullTask('t1'), async () => ({ version: 1 }));
    clock.advance(TASK_FRESH + 1);
    const failure = new Error('Kitsu is down');
    const reported = new Promise((resolve) => onError.mockImplementation(resolve));

    const read = await cache.read(fullTask('t1'), () => Promise.reject(failure), { mode: 'swr' });
    expect(read).toEqual({ value: { version: 1 }, source: 'memory', stale: true });
    await reported;

    expect(onError).toHaveBeenCalledWith(failure, { during: 'revalidate', key: 'full-task:t1' });
    expect(onRevalidated).not.toHaveBeenCalled();
    const retry = counting('t1');
    expect(await cache.read(fullTask('t1'), retry, { mode: 'swr' })).toEqual({
      value: { version: 1 },
      source: 'memory',
      stale: true,
    });
    await eventually(() => expect(onRevalidated).toHaveBeenCalledWith(fullTask('t1'), { id: 't1', version: 1 }));
    expect(retry).toHaveBeenCalledTimes(1);
  });
});

describe('invalidation', () => {
  async function filled() {
    const context = setup();
    const fetchers = {
      t1: counting('t1'),
      t2: counting('t2'),
      t3: counting('t3'),
      statuses: counting('statuses'),
    };
    await context.cache.read(fullTask('t1', 'p1'), fetchers.t1);
    await context.cache.read(fullTask('t2', 'p1'), fetchers.t2);
    await context.cache.read(fullTask('t3', 'p2'), fetchers.t3);
    await context.cache.read(statuses, fetchers.statuses);
    const sources = async () => ({
      t1: (await context.cache.read(fullTask('t1', 'p1'), fetchers.t1)).source,
      t2: (await context.cache.read(fullTask('t2', 'p1'), fetchers.t2)).source,
      t3: (await context.cache.read(fullTask('t3', 'p2'), fetchers.t3)).source,
      statuses: (await context.cache.read(statuses, fetchers.statuses)).source,
    });
    return { ...context, sources };
  }

  it('by tag refetches exactly the entries that carry it', async () => {
    const { cache, sources } = await filled();
    await cache.invalidateTags(['task:t2']);
    expect(await sources()).toEqual({ t1: 'memory', t2: 'network', t3: 'memory', statuses: 'memory' });
    await cache.invalidateTags(['project:p1', 'nothing:here']);
    expect(await sources()).toEqual({ t1: 'network', t2: 'network', t3: 'memory', statuses: 'memory' });
  });

  it('by kind', async () => {
    const { cache, sources } = await filled();
    await cache.invalidateKind('full-task');
    expect(await sources()).toEqual({ t1: 'network', t2: 'network', t3: 'network', statuses: 'memory' });
  });

  it('by key', async () => {
    const { cache, sources } = await filled();
    await cache.invalidateKey('task-statuses');
    expect(await sources()).toEqual({ t1: 'memory', t2: 'memory', t3: 'memory', statuses: 'network' });
  });

  it('also removes the entries from IndexedDB', async () => {
    const { cache, host } = await filled();
    await cache.invalidateKind('full-task');
    expect((await storedKeys(host)).sort()).toEqual(['meta:task-statuses', 'value:task-statuses']);
  });

  it.each([
    ['tag', (cache: ReturnType<typeof createCache>) => cache.invalidateTags(['task:t1'])],
    ['kind', (cache: ReturnType<typeof createCache>) => cache.invalidateKind('full-task')],
    ['key', (cache: ReturnType<typeof createCache>) => cache.invalidateKey('full-task:t1')],
    ['clear', (cache: ReturnType<typeof createCache>) => cache.clear()],
  ])(
    'by %s during a fetch: the older answer is not stored; later reads share one fetch, started after it',
    async (_, invalidate) => {
      const { cache } = setup();
      const before = deferred<{ version: string }>();
      const after = deferred<{ version: string }>();
      const fetcher = vi.fn().mockReturnValueOnce(before.promise).mockReturnValueOnce(after.promise);

      const early = cache.read(fullTask('t1'), fetcher);
      await eventually(() => expect(fetcher).toHaveBeenCalledTimes(1));
      const invalidated = invalidate(cache);
      const late = [cache.read(fullTask('t1'), fetcher), cache.read(fullTask('t1'), fetcher)];
      await invalidated;
      await cache.invalidateTags(['task:t1']);
      late.push(cache.read(fullTask('t1'), fetcher));
      // One request per key in flight: the re-read waits for the superseded one to end.
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(fetcher).toHaveBeenCalledTimes(1);

      before.resolve({ version: 'before the change' });
      expect((await early).value).toEqual({ version: 'before the change' });
      await eventually(() => expect(fetcher).toHaveBeenCalledTimes(2));
      after.resolve({ version: 'after the change' });
      for (const read of late) expect((await read).value).toEqual({ version: 'after the change' });
      expect(fetcher).toHaveBeenCalledTimes(2);
      expect(await cache.read(fullTask('t1'), fetcher)).toEqual({
        value: { version: 'after the change' },
        source: 'memory',
        stale: false,
      });
    },
  );

  it('during a fetch, with nothing read after it: the entry stays empty', async () => {
    const { cache, host } = setup();
    const answer = deferred<{ version: number }>();
    const fetcher = vi.fn(() => answer.promise);
    const read = cache.read(fullTask('t1'), fetcher);
    await eventually(() => expect(fetcher).toHaveBeenCalled());
    await cache.invalidateTags(['project:p1']);
    answer.resolve({ version: 1 });
    await read;

    expect(await storedKeys(host)).toEqual([]);
    expect((await cache.read(fullTask('t1'), counting('t1'))).source).toBe('network');
  });

  it('during a background revalidation: no update is pushed; an swr read takes the outdated answer, and the entry is refetched after', async () => {
    const onServedOutdated = vi.fn();
    const { cache, onRevalidated, answer } = await staleTaskBeingRevalidated({ onServedOutdated });
    await cache.invalidateTags(['task:t1']);
    const unused = counting('t1');
    const during = cache.read(fullTask('t1'), unused, { mode: 'swr' });
    answer.resolve({ version: 2 });
    expect(await during).toEqual({ value: { version: 2 }, source: 'network', stale: true });
    expect(unused).not.toHaveBeenCalled();
    await eventually(() => expect(onServedOutdated).toHaveBeenCalledWith(fullTask('t1')));

    const next = counting('t1');
    expect(await cache.read(fullTask('t1'), next, { mode: 'swr' })).toMatchObject({ source: 'network', stale: false });
    expect(next).toHaveBeenCalledTimes(1);
    expect(onRevalidated).not.toHaveBeenCalled();
    expect(onServedOutdated).toHaveBeenCalledTimes(1);
  });

  describe('swr reads during a fetch an invalidation outdated (a burst of live events)', () => {
    async function outdatedFetch(overrides: Partial<CacheOptions> = {}) {
      const onServedOutdated = vi.fn();
      const { cache } = setup({ onServedOutdated, ...overrides });
      const answer = deferred<{ version: string }>();
      const first = cache.read(fullTask('t1'), () => answer.promise, { mode: 'swr' });
      await eventually(() => expect(cache.stats()).resolves.toMatchObject({ requests: 1 }));
      await cache.invalidateTags(['project:p1']);
      return { cache, answer, first, onServedOutdated };
    }

    it('share its answer, ask nothing more, and the pages are told once to read again', async () => {
      const { cache, answer, first, onServedOutdated } = await outdatedFetch();
      const fetcher = counting('t1');
      const panels = [1, 2, 3].map(() => cache.read(fullTask('t1'), fetcher, { mode: 'swr' }));
      answer.resolve({ version: 'before the change' });
      await first;
      for (const panel of panels) {
        expect(await panel).toEqual({ value: { version: 'before the change' }, source: 'network', stale: true });
      }
      expect(fetcher).not.toHaveBeenCalled();
      await eventually(() => expect(onServedOutdated).toHaveBeenCalledTimes(1));
      expect(onServedOutdated).toHaveBeenCalledWith(fullTask('t1'));
      // The answer was not stored: the read the notice causes asks Kitsu.
      expect(await cache.read(fullTask('t1'), fetcher, { mode: 'swr' })).toMatchObject({ value: { version: 1 } });
    });

    it('a fresh read does not take it: it asks Kitsu once the outdated fetch ended', async () => {
      const { cache, answer, onServedOutdated } = await outdatedFetch();
      const fetcher = counting('t1');
      const fresh = cache.read(fullTask('t1'), fetcher);
      answer.resolve({ version: 'before the change' });
      expect((await fresh).value).toEqual({ id: 't1', version: 1 });
      expect(fetcher).toHaveBeenCalledTimes(1);
      expect(onServedOutdated).not.toHaveBeenCalled();
    });

    it('when the outdated fetch fails, the swr read asks Kitsu itself', async () => {
      const { cache, answer, first } = await outdatedFetch();
      const fetcher = counting('t1');
      const panel = cache.read(fullTask('t1'), fetcher, { mode: 'swr' });
      answer.reject(new Error('connection reset'));
      await expect(first).rejects.toThrow('connection reset');
      expect(await panel).toMatchObject({ value: { id: 't1', version: 1 }, stale: false });
      expect(fetcher).toHaveBeenCalledTimes(1);
    });

    it('never after clear(): what was read for a connection that went is not served', async () => {
      const { cache, answer } = await outdatedFetch();
      await cache.clear();
      const fetcher = counting('t1');
      const panel = cache.read(fullTask('t1'), fetcher, { mode: 'swr' });
      answer.resolve({ version: 'before the change' });
      expect((await panel).value).toEqual({ id: 't1', version: 1 });
    });
  });
});

describe('outdating a kind (its production comes into view again: events may have been missed)', () => {
  /** t1 and the statuses read by a worker, then a new worker on the same host outdates the task-level kind. */
  async function outdatedAfterRestart() {
    const onServedOutdated = vi.fn();
    const { host, clock } = setup();
    const before = createCache({ host, now: clock.now });
    await before.read(fullTask('t1'), counting('t1'));
    await before.read(statuses, counting('statuses'));
    const cache = createCache({ host, now: clock.now, onServedOutdated });
    await cache.outdateKind('full-task');
    return { cache, onServedOutdated };
  }

  it('an swr read gets the stored value at once, marked stale; Kitsu is asked once and the pages told once it answered', async () => {
    const { cache, onServedOutdated } = await outdatedAfterRestart();
    const answer = deferred<{ id: string; version: number }>();
    const fetcher = vi.fn(() => answer.promise);
    const panels = [await cache.read(fullTask('t1'), fetcher, { mode: 'swr' })];
    panels.push(await cache.read(fullTask('t1'), fetcher, { mode: 'swr' }));
    expect(panels).toEqual([
      { value: { id: 't1', version: 1 }, source: 'idb', stale: true },
      { value: { id: 't1', version: 1 }, source: 'memory', stale: true },
    ]);
    expect(onServedOutdated).not.toHaveBeenCalled();
    answer.resolve({ id: 't1', version: 2 });
    await eventually(() => expect(onServedOutdated).toHaveBeenCalledTimes(1));
    expect(onServedOutdated).toHaveBeenCalledWith(fullTask('t1'));
    expect(fetcher).toHaveBeenCalledTimes(1);
    // The read the notice causes gets the new value, fresh.
    expect(await cache.read(fullTask('t1'), fetcher, { mode: 'swr' })).toEqual({
      value: { id: 't1', version: 2 },
      source: 'memory',
      stale: false,
    });
  });

  it('a fresh read (a plan being built) waits for Kitsu, though the entry is young', async () => {
    const { cache, onServedOutdated } = await outdatedAfterRestart();
    const fetcher = counting('t1');
    expect(await cache.read(fullTask('t1'), fetcher)).toEqual({
      value: { id: 't1', version: 1 },
      source: 'network',
      stale: false,
    });
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(onServedOutdated).not.toHaveBeenCalled();
  });

  it('leaves other kinds as they were, and an expired entry is not shown', async () => {
    const { cache } = await outdatedAfterRestart();
    expect(await cache.read(statuses, counting('statuses'))).toMatchObject({ source: 'idb', stale: false });
    const { cache: later, clock } = setup();
    await later.read(fullTask('t2'), counting('t2'));
    clock.advance(TASK_FRESH + TASK_STALE + 1);
    await later.outdateKind('full-task');
    expect(await later.read(fullTask('t2'), counting('t2'), { mode: 'swr' })).toMatchObject({ source: 'network' });
  });

  it('a fetch under way is not stored as fresh: its answer may predate the changes missed', async () => {
    const { cache } = setup();
    const answer = deferred<{ version: string }>();
    const first = cache.read(fullTask('t1'), () => answer.promise);
    await eventually(() => expect(cache.stats()).resolves.toMatchObject({ requests: 1 }));
    await cache.outdateKind('full-task');
    answer.resolve({ version: 'asked before' });
    await first;
    const fetcher = counting('t1');
    expect(await cache.read(fullTask('t1'), fetcher)).toMatchObject({ value: { version: 1 }, source: 'network' });
  });
});

describe('persistence across worker restarts', () => {
  it('a new cache object on the same host reads the entries back from IndexedDB', async () => {
    const { host, clock } = setup();
    const before = createCache({ host, now: clock.now });
    await before.read(fullTask('t1'), counting('t1'));
    await before.read(statuses, counting('statuses'));

    const after = createCache({ host, now: clock.now });
    const fetcher = counting('t1');
    expect(await after.read(fullTask('t1'), fetcher)).toEqual({
      value: { id: 't1', version: 1 },
      source: 'idb',
      stale: false,
    });
    expect(await after.read(fullTask('t1'), fetcher)).toMatchObject({ source: 'memory' });
    expect(fetcher).not.toHaveBeenCalled();
    expect(await after.stats()).toMatchObject({ hits: 2, misses: 0, entries: 2 });
  });

  it('keeps the time an entry was fetched, so age counts across the restart', async () => {
    const { host, clock } = setup();
    await createCache({ host, now: clock.now }).read(fullTask('t1'), counting('t1'));
    clock.advance(TASK_FRESH + 1);

    const after = createCache({ host, now: clock.now });
    expect(await after.read(fullTask('t1'), counting('t1'), { mode: 'swr' })).toMatchObject({
      source: 'idb',
      stale: true,
    });
  });

  it('keeps the recency of use across the restart for eviction', async () => {
    const { host, clock } = setup();
    const before = createCache({ host, now: clock.now });
    await before.read(statuses, counting('statuses'));
    clock.advance(1);
    await before.read({ ...statuses, kind: 'persons', key: 'persons' }, counting('persons'));
    clock.advance(2 * 60_000);
    expect((await before.read(statuses, counting('statuses'))).source).toBe('memory');

    const after = createCache({ host, now: clock.now, maxEntries: 2 });
    await after.read({ ...statuses, kind: 'departments', key: 'departments' }, counting('departments'));
    expect((await storedKeys(host)).filter((key) => key.startsWith('meta:')).sort()).toEqual([
      'meta:departments',
      'meta:task-statuses',
    ]);
  });

  it('dates an entry from when it was asked for, not when the answer came', async () => {
    const { cache, clock } = setup();
    const answer = deferred<string>();
    const fetcher = vi.fn(() => answer.promise);
    const read = cache.read(fullTask('t1'), fetcher);
    await eventually(() => expect(fetcher).toHaveBeenCalled());
    clock.advance(20_000);
    answer.resolve('slow answer');
    await read;
    clock.advance(TASK_FRESH - 20_000 + 1);

    expect(await cache.read(fullTask('t1'), async () => 'new', { mode: 'swr' })).toMatchObject({ stale: true });
  });

  it('drops entries written under another format and records that do not parse', async () => {
    const { host, clock } = setup();
    await createCache({ host, now: clock.now, format: 'old' }).read(fullTask('t1'), counting('t1'));
    const store = createStore(cacheStoreName(host), 'entries');
    await set('meta:broken', { key: 'broken', kind: 'no-such-kind' }, store);
    await set('value:broken', { value: 1 }, store);

    const after = createCache({ host, now: clock.now, format: 'new' });
    expect(await after.read(fullTask('t1'), counting('t1'))).toMatchObject({ source: 'network' });
    expect((await storedKeys(host)).sort()).toEqual(['meta:full-task:t1', 'value:full-task:t1']);
  });

  it('keeps hosts apart', async () => {
    const clock = fakeClock();
    const [hostA, hostB] = [newHost(), newHost()];
    await createCache({ host: hostA, now: clock.now }).read(fullTask('t1'), async () => 'from A');

    const onB = createCache({ host: hostB, now: clock.now });
    expect(await onB.read(fullTask('t1'), async () => 'from B')).toEqual({
      value: 'from B',
      source: 'network',
      stale: false,
    });
    const onA = createCache({ host: hostA, now: clock.now });
    expect(await onA.read(fullTask('t1'), async () => 'wrong')).toEqual({
      value: 'from A',
      source: 'idb',
      stale: false,
    });
  });

  it('clear() wipes memory and the IndexedDB store of that host only', async () => {
    const clock = fakeClock();
    const [host, other] = [newHost(), newHost()];
    const cache = createCache({ host, now: clock.now });
    await cache.read(fullTask('t1'), counting('t1'));
    await createCache({ host: other, now: clock.now }).read(fullTask('t1'), counting('t1'));

    await cache.clear();

    expect(await storedKeys(host)).toEqual([]);
    expect(await storedKeys(other)).toHaveLength(2);
    expect(await cache.stats()).toMatchObject({ entries: 0, approxBytes: 0 });
    expect((await cache.read(fullTask('t1'), counting('t1'))).source).toBe('network');
    const restarted = createCache({ host, now: clock.now });
    await restarted.clear();
    expect((await restarted.read(fullTask('t1'), counting('t1'))).source).toBe('network');
  });
});

describe('without IndexedDB', () => {
  it('still reads through and de-duplicates from memory, reporting each storage failure', async () => {
    const broken = new Error('QuotaExceededError');
    const { cache, onError } = setup({ store: () => Promise.reject(broken) });
    const fetcher = counting('t1');

    expect(await cache.read(fullTask('t1'), fetcher)).toMatchObject({ source: 'network' });
    expect(await cache.read(fullTask('t1'), fetcher)).toMatchObject({ source: 'memory' });
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(broken, { during: 'storage' });
    expect(onError).toHaveBeenCalledWith(broken, { during: 'storage', key: 'full-task:t1' });
  });
});

describe('size bound', () => {
  it('evicts the least recently used entry beyond maxEntries, in memory and in IndexedDB', async () => {
    const { cache, clock, host } = setup({ maxEntries: 2 });
    const fetchers = { a: counting('a'), b: counting('b'), c: counting('c') };
    await cache.read(fullTask('a'), fetchers.a);
    clock.advance(1);
    await cache.read(fullTask('b'), fetchers.b);
    clock.advance(1);
    await cache.read(fullTask('a'), fetchers.a);
    clock.advance(1);
    await cache.read(fullTask('c'), fetchers.c);

    expect((await storedKeys(host)).sort()).toEqual([
      'meta:full-task:a',
      'meta:full-task:c',
      'value:full-task:a',
      'value:full-task:c',
    ]);
    expect(await cache.stats()).toMatchObject({ entries: 2, evictions: 1 });
    expect((await cache.read(fullTask('a'), fetchers.a)).source).toBe('memory');
    expect((await cache.read(fullTask('b'), fetchers.b)).source).toBe('network');
    expect(fetchers.b).toHaveBeenCalledTimes(2);
  });

  it('evicts beyond maxBytes, and does not keep an entry bigger than the bound', async () => {
    const value = (id: string) => ({ id, body: 'x'.repeat(80) });
    const size = JSON.stringify(value('a')).length;
    const { cache } = setup({ maxBytes: size * 2 });

    await cache.read(fullTask('a'), async () => value('a'));
    await cache.read(fullTask('b'), async () => value('b'));
    expect(await cache.stats()).toMatchObject({ entries: 2, approxBytes: size * 2, evictions: 0 });
    await cache.read(fullTask('c'), async () => value('c'));
    expect(await cache.stats()).toMatchObject({ entries: 2, approxBytes: size * 2, evictions: 1 });
    expect((await cache.read(fullTask('a'), async () => value('a'))).source).toBe('network');

    const huge = { id: 'huge', body: 'x'.repeat(size * 3) };
    expect(await cache.read(fullTask('huge'), async () => huge)).toEqual({
      value: huge,
      source: 'network',
      stale: false,
    });
    expect((await cache.read(fullTask('huge'), async () => huge)).source).toBe('network');
  });
});

describe('counters', () => {
  it('count each read once, every request, and reset on demand', async () => {
    const { cache, clock } = setup();
    const fetcher = counting('t1');
    await cache.read(fullTask('t1'), fetcher); // miss, request
    await cache.read(fullTask('t1'), fetcher); // hit
    clock.advance(TASK_FRESH + 1);
    await cache.read(fullTask('t1'), fetcher, { mode: 'swr' }); // stale served, background request
    await eventually(() => expect(fetcher).toHaveBeenCalledTimes(2));
    await Promise.all([cache.read(fullTask('t2'), counting('t2')), cache.read(fullTask('t2'), counting('t2'))]);

    const bytes = JSON.stringify({ id: 't1', version: 2 }).length + JSON.stringify({ id: 't2', version: 1 }).length;
    await eventually(async () =>
      expect(await cache.stats()).toEqual({
        hits: 1,
        misses: 3,
        staleServed: 1,
        requests: 3,
        dedupedWaits: 1,
        evictions: 0,
        entries: 2,
        approxBytes: bytes,
      }),
    );

    cache.resetStats();
    expect(await cache.stats()).toEqual({
      hits: 0,
      misses: 0,
      staleServed: 0,
      requests: 0,
      dedupedWaits: 0,
      evictions: 0,
      entries: 2,
      approxBytes: bytes,
    });
  });
});
