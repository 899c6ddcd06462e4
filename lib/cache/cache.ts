import { clear as clearStore, createStore, delMany, type UseStore } from 'idb-keyval';
import { type HeldItems, type MatchTarget, type TargetMatcher, tagMatcher } from './matching';
import { type CacheKind, type CachePolicy, defaultPolicy, freshness } from './policy';
import {
  type CacheState,
  createEntryAccess,
  createStorage,
  type IndexEntry,
  recordKeys,
  type Storage,
  zeroCounters,
} from './store';
import { createSupersededFetches, type Flight } from './superseded';

/**
 * The background's read-through cache of Kitsu reads, one IndexedDB store per host.
 *
 * The worker is killed after ~30 s idle, so memory is only a fast path: every entry is written to
 * IndexedDB (an entry's metadata and its value as two records) and the index of metadata is
 * reloaded from there on the first use after a restart. Values come back lazily, one per read.
 */

/** What one read depends on: `tags` are the ids whose change makes the entry wrong. */
export interface CacheDescriptor<T = unknown> {
  kind: CacheKind;
  /** Unique per read, e.g. `full-task:<id>`. */
  key: string;
  /** e.g. `['task:<id>', 'project:<pid>']`. The key is not a tag unless listed. */
  tags: readonly string[];
  /** A list's items: a tag of one of them drops it too (matching.ts). */
  holds?: HeldItems<T>;
}

/**
 * `fresh`: only fresh entries are served, anything else waits for Kitsu (before a plan is built).
 * `swr`: stale entries are served at once and refreshed in the background (panels).
 */
export type ReadMode = 'fresh' | 'swr';
export type ReadSource = 'memory' | 'idb' | 'network';

export interface CacheRead<T> {
  value: T;
  source: ReadSource;
  stale: boolean;
}

/** Every read counts as exactly one of hits, staleServed or misses. */
export interface CacheStats {
  hits: number;
  misses: number;
  staleServed: number;
  /** Fetcher calls, background revalidations included. */
  requests: number;
  /** Misses that joined a fetch already under way instead of starting one. */
  dedupedWaits: number;
  evictions: number;
  entries: number;
  approxBytes: number;
}

export interface CacheErrorContext {
  during: 'revalidate' | 'storage';
  key?: string;
}

export interface CacheOptions {
  /** The Kitsu origin; each gets its own IndexedDB database so hosts never see each other's data. */
  host: string;
  now?: () => number;
  policy?: CachePolicy;
  maxEntries?: number;
  /** Bound on the sum of entries' sizes (estimated JSON lengths, policy.ts estimateBytes), in IndexedDB. */
  maxBytes?: number;
  /** Bound on the sizes of the values held in memory; the others are read back from IndexedDB when used. */
  maxMemoryBytes?: number;
  /**
   * Stored entries written under another format are dropped when the index loads, so an update of
   * the extension that changes the shape of parsed Kitsu data never serves the old shape.
   */
  format?: string;
  /**
   * Since when the host's live event stream has been connected without a break, or null: the entries
   * it keeps right (policy.ts, KEPT_BY_EVENTS) are trusted past their age while it stays so.
   */
  liveSince?: () => number | null;
  /** For tests; defaults to the host's own store. */
  store?: UseStore;
  /** A background revalidation stored a newer value: the background pushes it to panels. */
  onRevalidated?: (descriptor: CacheDescriptor, value: unknown) => void;
  /**
   * An 'swr' read was answered by a fetch that an invalidation outdated while it was under way (see
   * createReader): the panels that read it must read again, so the background tells their pages.
   */
  onServedOutdated?: (descriptor: CacheDescriptor) => void;
  /** Failures nobody awaits: background revalidations and IndexedDB writes. */
  onError?: (error: unknown, context: CacheErrorContext) => void;
}

export interface Cache {
  /** Values are shared between readers, not copied: treat them as read-only. */
  read<T>(
    descriptor: CacheDescriptor<T>,
    fetcher: () => Promise<T>,
    options?: { mode?: ReadMode },
  ): Promise<CacheRead<T>>;
  /** Entries carrying one of the tags, and lists holding an item one of them names (CacheDescriptor.holds). */
  invalidateTags(tags: readonly string[]): Promise<void>;
  invalidateKind(kind: CacheKind): Promise<void>;
  invalidateKey(key: string): Promise<void>;
  /**
   * Entries of the kind may have missed changes (their production comes into view again): never fresh
   * now, though an 'swr' read still gets one at once, marked stale, while it is read again; once the
   * new value is in, its pages are told to read again (onServedOutdated). Fetches under way are
   * superseded, as by an invalidation.
   */
  outdateKind(kind: CacheKind): Promise<void>;
  /** Drops everything for the host, in memory and in IndexedDB (the connection was removed). */
  clear(): Promise<void>;
  stats(): Promise<CacheStats>;
  resetStats(): void;
}

export const DEFAULT_MAX_ENTRIES = 1000;
/**
 * Room for a 75,000-task production's list (about 50 MB of JSON as Kitsu sends it, 650 bytes a task)
 * and the smaller reads around it; a 20,000-task list is about 13 MB.
 */
export const DEFAULT_MAX_BYTES = 128_000_000;
/** The worker holds at most one such list in memory with the reads of the page; the rest stays in IndexedDB. */
export const DEFAULT_MAX_MEMORY_BYTES = 64_000_000;
/** '2': lists record the kinds of items they hold (meta.holds); an entry of '1' would never be dropped by an item's tag. */
export const CACHE_FORMAT = '2';

export function cacheStoreName(host: string): string {
  return `sidekick-cache:${host}`;
}

export function createCache(options: CacheOptions): Cache {
  const state: CacheState = {
    now: options.now ?? Date.now,
    maxEntries: options.maxEntries ?? DEFAULT_MAX_ENTRIES,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxMemoryBytes: options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES,
    format: options.format ?? CACHE_FORMAT,
    store: options.store ?? createStore(cacheStoreName(options.host), 'entries'),
    report:
      options.onError ??
      ((error: unknown, context: CacheErrorContext) => console.warn('Sidekick cache:', context, error)),
    index: new Map<string, IndexEntry>(),
    counters: zeroCounters(),
  };
  const storage = createStorage(state);
  let loading: Promise<void> | undefined;
  const ready = () => {
    loading ??= storage.loadIndex();
    return loading;
  };
  const flights = createFlights(state, storage, ready, options);
  const read = createReader(state, options.policy ?? defaultPolicy, ready, flights, options.liveSince);

  return {
    read,

    invalidateTags(tags) {
      return flights.invalidate(tagMatcher(tags));
    },

    invalidateKind(kind) {
      return flights.invalidate((target) => target.kind === kind);
    },

    invalidateKey(key) {
      return flights.invalidate((target) => target.key === key);
    },

    outdateKind(kind) {
      return flights.outdate((target) => target.kind === kind);
    },

    async clear() {
      flights.supersedeAll();
      await ready();
      state.index.clear();
      await storage.persist(undefined, () => clearStore(state.store));
    },

    async stats() {
      await ready();
      let approxBytes = 0;
      for (const { meta } of state.index.values()) approxBytes += meta.bytes;
      return { ...state.counters, entries: state.index.size, approxBytes };
    },

    resetStats() {
      state.counters = zeroCounters();
    },
  };
}

/** Fetches under way, one per key, and what invalidations do to them and to the stored entries. */
function createFlights(
  state: CacheState,
  storage: Storage,
  ready: () => Promise<void>,
  { onRevalidated, onServedOutdated }: Pick<CacheOptions, 'onRevalidated' | 'onServedOutdated'>,
) {
  const flights = new Map<string, Flight>();
  const superseded = createSupersededFetches(onServedOutdated);
  const entries = createEntryAccess(state, storage);

  function start(descriptor: CacheDescriptor, fetcher: () => Promise<unknown>): Flight {
    const before = superseded.before(descriptor.key);
    const flight: Flight = {
      descriptor,
      superseded: false,
      fetching: false,
      notifiesRevalidation: false,
      refreshesOutdated: false,
      servedOutdated: false,
      promise: fetchAndStore(),
    };
    async function fetchAndStore() {
      try {
        // Always one await first, so `flight` is assigned before it is used.
        await before;
        if (flight.superseded) {
          // Invalidated before it asked anything: its readers share the fetch that replaced it, if any.
          const newer = flights.get(descriptor.key);
          if (newer) return { value: (await newer.promise).value, current: false };
        }
        flight.fetching = true;
        state.counters.requests += 1;
        if (flight.superseded) superseded.add(descriptor.key, flight, { offer: false });
        // Data can be older than the moment it arrives, never older than the moment it was asked for.
        const askedAt = state.now();
        // Through a resolved promise, so a fetcher that throws at once still finds `flight` assigned.
        const value = await Promise.resolve().then(fetcher);
        const current = !flight.superseded;
        if (current) await entries.storeValue(descriptor, value, askedAt);
        return { value, current };
      } finally {
        if (flights.get(descriptor.key) === flight) flights.delete(descriptor.key);
      }
    }
    flights.set(descriptor.key, flight);
    return flight;
  }

  return {
    entries,
    start,
    get: (key: string) => flights.get(key),

    outdatedAnswer: superseded.answer,

    /** `outdated`: the entry served was outdated (outdate()); its readers are told once the new value is in. */
    revalidateInBackground(descriptor: CacheDescriptor, fetcher: () => Promise<unknown>, outdated: boolean): void {
      const flight = flights.get(descriptor.key) ?? start(descriptor, fetcher);
      if (outdated) tellReadersOnceStored(flight, onServedOutdated);
      if (flight.notifiesRevalidation) return;
      flight.notifiesRevalidation = true;
      flight.promise
        .then(({ value, current }) => {
          if (current) onRevalidated?.(descriptor, value);
        })
        .catch((error: unknown) => state.report(error, { during: 'revalidate', key: descriptor.key }));
    },

    async invalidate(matches: TargetMatcher): Promise<void> {
      supersedeMatching(flights, superseded, matches);
      await ready();
      const dropped: string[] = [];
      for (const [key, { meta, contents }] of state.index) {
        if (matches(meta, contents)) dropped.push(key);
      }
      for (const key of dropped) state.index.delete(key);
      if (dropped.length > 0) await storage.persist(undefined, () => delMany(dropped.flatMap(recordKeys), state.store));
    },

    async outdate(matches: TargetMatcher): Promise<void> {
      supersedeMatching(flights, superseded, matches);
      await ready();
      for (const entry of state.index.values()) if (matches(entry.meta, entry.contents)) entry.outdated = true;
    },

    supersedeAll() {
      superseded.withdrawAll();
      for (const [key, flight] of flights) {
        flight.superseded = true;
        superseded.add(key, flight, { offer: false });
      }
      flights.clear();
    },
  };
}

/**
 * Synchronously, before any await: a fetch answering after the change that called it must not be stored.
 * What a list under way will hold is not known yet, so an item's tag supersedes every list of its kind.
 */
function supersedeMatching(
  flights: Map<string, Flight>,
  superseded: ReturnType<typeof createSupersededFetches>,
  matches: TargetMatcher,
): void {
  for (const [key, flight] of flights) {
    const { descriptor } = flight;
    const target: MatchTarget = { ...descriptor, holds: descriptor.holds?.prefixes };
    if (!matches(target)) continue;
    flight.superseded = true;
    flights.delete(key);
    superseded.add(key, flight, { offer: true });
  }
}

/** Once the flight stored a current value, the readers of the outdated entry it replaces are told to read again. */
function tellReadersOnceStored(flight: Flight, onServedOutdated: CacheOptions['onServedOutdated']): void {
  if (flight.refreshesOutdated) return;
  flight.refreshesOutdated = true;
  flight.promise.then(
    ({ current }) => {
      if (current) onServedOutdated?.(flight.descriptor);
    },
    // A failure is reported by the revalidation's own handler.
    () => {},
  );
}

/** A read: a fresh entry (or a stale one, for 'swr') from memory or IndexedDB, else Kitsu, once per key. */
function createReader(
  state: CacheState,
  policy: CachePolicy,
  ready: () => Promise<void>,
  flights: ReturnType<typeof createFlights>,
  liveSince: () => number | null = () => null,
): Cache['read'] {
  const { entries } = flights;
  return async <T>(
    descriptor: CacheDescriptor<T>,
    fetcher: () => Promise<T>,
    { mode = 'fresh' }: { mode?: ReadMode } = {},
  ): Promise<CacheRead<T>> => {
    await ready();
    const entry = state.index.get(descriptor.key);
    if (entry) {
      const { kind, fetchedAt } = entry.meta;
      const age = freshness({ kind, fetchedAt, outdated: entry.outdated }, state.now(), policy, liveSince());
      if (age === 'fresh' || (age === 'stale' && mode === 'swr')) {
        const found = await entries.loadValue(entry, descriptor.holds);
        if (found) {
          entries.touch(entry);
          if (age === 'fresh') {
            state.counters.hits += 1;
          } else {
            state.counters.staleServed += 1;
            flights.revalidateInBackground(descriptor, fetcher, entry.outdated === true);
          }
          return { value: found.record.value as T, source: found.source, stale: age === 'stale' };
        }
      }
    }
    if (mode === 'swr' && !flights.get(descriptor.key)) {
      // During a burst of events every fetch of a list is outdated before it ends, and each panel of a
      // refresh would ask again. A panel may show a little stale: it takes the outdated answer under
      // way, and the refresh its invalidation caused (or the cache's notice) brings the newer one.
      const answer = await flights.outdatedAnswer(descriptor.key);
      if (answer) {
        state.counters.staleServed += 1;
        return { value: answer.value as T, source: 'network', stale: true };
      }
    }
    state.counters.misses += 1;
    const existing = flights.get(descriptor.key);
    if (existing) state.counters.dedupedWaits += 1;
    const { value } = await (existing ?? flights.start(descriptor, fetcher)).promise;
    return { value: value as T, source: 'network', stale: false };
  };
}
