import { clear as clearStore, createStore, delMany, get, getMany, keys, set, setMany, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import {
  type CacheKind,
  type CachePolicy,
  cacheKinds,
  chooseEvictions,
  defaultPolicy,
  estimateBytes,
  freshness,
} from './policy';

/**
 * The background's read-through cache of Kitsu reads, one IndexedDB store per host.
 *
 * The worker is killed after ~30 s idle, so memory is only a fast path: every entry is written to
 * IndexedDB (an entry's metadata and its value as two records) and the index of metadata is
 * reloaded from there on the first use after a restart. Values come back lazily, one per read.
 */

/** What one read depends on: `tags` are the ids whose change makes the entry wrong. */
export interface CacheDescriptor {
  kind: CacheKind;
  /** Unique per read, e.g. `full-task:<id>`. */
  key: string;
  /** e.g. `['task:<id>', 'project:<pid>']`. The key is not a tag unless listed. */
  tags: readonly string[];
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
  /** Bound on the sum of entries' JSON lengths. */
  maxBytes?: number;
  /**
   * Stored entries written under another format are dropped when the index loads, so an update of
   * the extension that changes the shape of parsed Kitsu data never serves the old shape.
   */
  format?: string;
  /** For tests; defaults to the host's own store. */
  store?: UseStore;
  /** A background revalidation stored a newer value: the background pushes it to panels. */
  onRevalidated?: (descriptor: CacheDescriptor, value: unknown) => void;
  /** Failures nobody awaits: background revalidations and IndexedDB writes. */
  onError?: (error: unknown, context: CacheErrorContext) => void;
}

export interface Cache {
  /** Values are shared between readers, not copied: treat them as read-only. */
  read<T>(descriptor: CacheDescriptor, fetcher: () => Promise<T>, options?: { mode?: ReadMode }): Promise<CacheRead<T>>;
  invalidateTags(tags: readonly string[]): Promise<void>;
  invalidateKind(kind: CacheKind): Promise<void>;
  invalidateKey(key: string): Promise<void>;
  /** Drops everything for the host, in memory and in IndexedDB (the connection was removed). */
  clear(): Promise<void>;
  stats(): Promise<CacheStats>;
  resetStats(): void;
}

export const DEFAULT_MAX_ENTRIES = 1000;
export const DEFAULT_MAX_BYTES = 10_000_000;
export const CACHE_FORMAT = '1';

/** Access times only order evictions, so writing each one to IndexedDB would be wasted work. */
const ACCESS_PERSIST_INTERVAL_MS = 60_000;

const META_PREFIX = 'meta:';
const VALUE_PREFIX = 'value:';

export function cacheStoreName(host: string): string {
  return `sidekick-cache:${host}`;
}

/** Stored records are read back after restarts and updates, so they are checked like any input. */
const entryMetaSchema = z.object({
  key: z.string().min(1),
  kind: z.enum(cacheKinds),
  tags: z.array(z.string()),
  fetchedAt: z.number(),
  lastAccess: z.number(),
  bytes: z.number().nonnegative(),
  format: z.string(),
});
type EntryMeta = z.infer<typeof entryMetaSchema>;

/** The value is wrapped so that a missing record and a stored `undefined` stay distinguishable. */
interface ValueRecord {
  value: unknown;
}

interface IndexEntry {
  meta: EntryMeta;
  /** Present once the value is in memory: written by this worker or read back from IndexedDB. */
  loaded?: ValueRecord;
  persistedAccess: number;
}

interface Flight {
  descriptor: CacheDescriptor;
  promise: Promise<{ value: unknown; current: boolean }>;
  /** Set by an invalidation that came while the fetch was under way: its answer may predate it. */
  superseded: boolean;
  notifiesRevalidation: boolean;
}

type Target = Pick<CacheDescriptor, 'key' | 'kind' | 'tags'>;

const zeroCounters = () => ({ hits: 0, misses: 0, staleServed: 0, requests: 0, dedupedWaits: 0, evictions: 0 });

export function createCache(options: CacheOptions): Cache {
  const now = options.now ?? Date.now;
  const policy = options.policy ?? defaultPolicy;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const format = options.format ?? CACHE_FORMAT;
  const store = options.store ?? createStore(cacheStoreName(options.host), 'entries');
  const report =
    options.onError ??
    ((error: unknown, context: CacheErrorContext) => console.warn('Sidekick cache:', context, error));

  /** Touched entries move to the end, so within a worker's life Map order breaks access-time ties. */
  const index = new Map<string, IndexEntry>();
  const flights = new Map<string, Flight>();
  let counters = zeroCounters();
  let loading: Promise<void> | undefined;

  const ready = () => {
    loading ??= loadIndex();
    return loading;
  };

  async function persist(key: string | undefined, write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      report(error, { during: 'storage', key });
    }
  }

  async function loadIndex(): Promise<void> {
    try {
      const storedKeys = (await keys(store)).filter((key): key is string => typeof key === 'string');
      const valueKeys = new Set(storedKeys.filter((key) => key.startsWith(VALUE_PREFIX)));
      const metaKeys = storedKeys.filter((key) => key.startsWith(META_PREFIX));
      for (const raw of await getMany(metaKeys, store)) {
        const parsed = entryMetaSchema.safeParse(raw);
        if (parsed.success && parsed.data.format === format && valueKeys.has(VALUE_PREFIX + parsed.data.key)) {
          index.set(parsed.data.key, { meta: parsed.data, persistedAccess: parsed.data.lastAccess });
        }
      }
      const orphans = storedKeys.filter((key) => !index.has(key.slice(key.indexOf(':') + 1)));
      if (orphans.length > 0) await persist(undefined, () => delMany(orphans, store));
      await evictOverBudget();
    } catch (error) {
      // Without IndexedDB the cache still works for this worker's lifetime, from memory.
      report(error, { during: 'storage' });
    }
  }

  function recordKeys(key: string): string[] {
    return [META_PREFIX + key, VALUE_PREFIX + key];
  }

  function evictionsOverBudget(): string[] {
    const candidates = [...index.values()].map(({ meta }) => meta);
    const evicted = chooseEvictions(candidates, maxEntries, maxBytes);
    for (const key of evicted) index.delete(key);
    counters.evictions += evicted.length;
    return evicted;
  }

  async function evictOverBudget(): Promise<void> {
    const evicted = evictionsOverBudget();
    if (evicted.length > 0) await persist(undefined, () => delMany(evicted.flatMap(recordKeys), store));
  }

  async function storeValue(descriptor: CacheDescriptor, value: unknown, fetchedAt: number): Promise<void> {
    const at = now();
    const meta: EntryMeta = {
      key: descriptor.key,
      kind: descriptor.kind,
      tags: [...descriptor.tags],
      fetchedAt,
      lastAccess: at,
      bytes: estimateBytes(value),
      format,
    };
    const record: ValueRecord = { value };
    index.delete(descriptor.key);
    index.set(descriptor.key, { meta, loaded: record, persistedAccess: at });
    const evicted = evictionsOverBudget();
    const kept = !evicted.includes(descriptor.key);
    // Both transactions are opened in this tick, so IndexedDB applies them in this order.
    await persist(descriptor.key, () =>
      Promise.all([
        kept
          ? setMany(
              [
                [META_PREFIX + descriptor.key, meta],
                [VALUE_PREFIX + descriptor.key, record],
              ],
              store,
            )
          : undefined,
        evicted.length > 0 ? delMany(evicted.flatMap(recordKeys), store) : undefined,
      ]),
    );
  }

  function startFlight(descriptor: CacheDescriptor, fetcher: () => Promise<unknown>): Flight {
    // Data can be older than the moment it arrives, never older than the moment it was asked for.
    const askedAt = now();
    counters.requests += 1;
    const flight: Flight = { descriptor, superseded: false, notifiesRevalidation: false, promise: fetchAndStore() };
    async function fetchAndStore() {
      try {
        // Through a resolved promise, so a fetcher that throws at once still finds `flight` assigned.
        const value = await Promise.resolve().then(fetcher);
        const current = !flight.superseded;
        if (current) await storeValue(descriptor, value, askedAt);
        return { value, current };
      } finally {
        if (flights.get(descriptor.key) === flight) flights.delete(descriptor.key);
      }
    }
    flights.set(descriptor.key, flight);
    return flight;
  }

  function revalidateInBackground(descriptor: CacheDescriptor, fetcher: () => Promise<unknown>): void {
    const flight = flights.get(descriptor.key) ?? startFlight(descriptor, fetcher);
    if (flight.notifiesRevalidation) return;
    flight.notifiesRevalidation = true;
    flight.promise
      .then(({ value, current }) => {
        if (current) options.onRevalidated?.(descriptor, value);
      })
      .catch((error: unknown) => report(error, { during: 'revalidate', key: descriptor.key }));
  }

  /** The entry's value, unless the entry was replaced, invalidated or lost while reading it back. */
  async function loadValue(entry: IndexEntry): Promise<{ record: ValueRecord; source: ReadSource } | undefined> {
    if (entry.loaded) return { record: entry.loaded, source: 'memory' };
    const key = entry.meta.key;
    let record: ValueRecord | undefined;
    try {
      record = await get<ValueRecord>(VALUE_PREFIX + key, store);
    } catch (error) {
      report(error, { during: 'storage', key });
      return undefined;
    }
    if (index.get(key) !== entry) return undefined;
    if (record === undefined) {
      index.delete(key);
      await persist(key, () => delMany(recordKeys(key), store));
      return undefined;
    }
    entry.loaded = record;
    return { record, source: 'idb' };
  }

  function touch(entry: IndexEntry): void {
    const { meta } = entry;
    if (index.get(meta.key) !== entry) return;
    meta.lastAccess = now();
    index.delete(meta.key);
    index.set(meta.key, entry);
    if (meta.lastAccess - entry.persistedAccess < ACCESS_PERSIST_INTERVAL_MS) return;
    entry.persistedAccess = meta.lastAccess;
    void persist(meta.key, () => set(META_PREFIX + meta.key, meta, store));
  }

  async function invalidate(matches: (target: Target) => boolean): Promise<void> {
    // Synchronously, before any await: a fetch answering after this call must not be stored.
    for (const [key, flight] of flights) {
      if (!matches(flight.descriptor)) continue;
      flight.superseded = true;
      flights.delete(key);
    }
    await ready();
    const dropped: string[] = [];
    for (const [key, { meta }] of index) {
      if (matches(meta)) dropped.push(key);
    }
    for (const key of dropped) index.delete(key);
    if (dropped.length > 0) await persist(undefined, () => delMany(dropped.flatMap(recordKeys), store));
  }

  return {
    async read<T>(
      descriptor: CacheDescriptor,
      fetcher: () => Promise<T>,
      { mode = 'fresh' }: { mode?: ReadMode } = {},
    ): Promise<CacheRead<T>> {
      await ready();
      const entry = index.get(descriptor.key);
      if (entry) {
        const state = freshness(entry.meta, now(), policy);
        if (state === 'fresh' || (state === 'stale' && mode === 'swr')) {
          const found = await loadValue(entry);
          if (found) {
            touch(entry);
            if (state === 'fresh') {
              counters.hits += 1;
            } else {
              counters.staleServed += 1;
              revalidateInBackground(descriptor, fetcher);
            }
            return { value: found.record.value as T, source: found.source, stale: state === 'stale' };
          }
        }
      }
      counters.misses += 1;
      const existing = flights.get(descriptor.key);
      if (existing) counters.dedupedWaits += 1;
      const { value } = await (existing ?? startFlight(descriptor, fetcher)).promise;
      return { value: value as T, source: 'network', stale: false };
    },

    invalidateTags(tags) {
      const wanted = new Set(tags);
      return invalidate((target) => target.tags.some((tag) => wanted.has(tag)));
    },

    invalidateKind(kind) {
      return invalidate((target) => target.kind === kind);
    },

    invalidateKey(key) {
      return invalidate((target) => target.key === key);
    },

    async clear() {
      for (const flight of flights.values()) flight.superseded = true;
      flights.clear();
      await ready();
      index.clear();
      await persist(undefined, () => clearStore(store));
    },

    async stats() {
      await ready();
      let approxBytes = 0;
      for (const { meta } of index.values()) approxBytes += meta.bytes;
      return { ...counters, entries: index.size, approxBytes };
    },

    resetStats() {
      counters = zeroCounters();
    },
  };
}
