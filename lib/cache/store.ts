// The cache's records in IndexedDB: an entry's metadata and its value as two records, the index of
// metadata in memory (reloaded on the first use after a worker restart), evictions over budget.
import { delMany, get, getMany, keys, set, setMany, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import type { CacheDescriptor, CacheErrorContext, ReadSource } from './cache';
import { contentsOf, type HeldItems } from './matching';
import { cacheKinds, chooseEvictions, estimateBytes } from './policy';

/** Access times only order evictions, so writing each one to IndexedDB would be wasted work. */
const ACCESS_PERSIST_INTERVAL_MS = 60_000;

const META_PREFIX = 'meta:';
const VALUE_PREFIX = 'value:';

/** Stored records are read back after restarts and updates, so they are checked like any input. */
const entryMetaSchema = z.object({
  key: z.string().min(1),
  kind: z.enum(cacheKinds),
  tags: z.array(z.string()),
  /** The prefixes of the items a list holds (HeldItems), so an item's tag reaches it after a restart. */
  holds: z.array(z.string()).optional(),
  fetchedAt: z.number(),
  lastAccess: z.number(),
  bytes: z.number().nonnegative(),
  format: z.string(),
});
type EntryMeta = z.infer<typeof entryMetaSchema>;

/** The value is wrapped so that a missing record and a stored `undefined` stay distinguishable. */
export interface ValueRecord {
  value: unknown;
}

export interface IndexEntry {
  meta: EntryMeta;
  /**
   * Present while the value is in memory: written by this worker or read back from IndexedDB, until
   * the memory bound releases it (it stays in IndexedDB).
   */
  loaded?: ValueRecord;
  persistedAccess: number;
  /**
   * Events for it may have been missed (cache.outdateKind): served to panels only while it is read
   * again. In memory only: a new worker marks entries again when their production comes into view.
   */
  outdated?: boolean;
  /**
   * The ids of the items a list holds (meta.holds), once this worker has had its value; kept when the
   * value is released from memory. Unknown, an item's tag of the list's prefixes drops it.
   */
  contents?: ReadonlySet<string>;
}

export const zeroCounters = () => ({ hits: 0, misses: 0, staleServed: 0, requests: 0, dedupedWaits: 0, evictions: 0 });

/** What the cache's parts share: its settings, the index of entries and the counters. */
export interface CacheState {
  store: UseStore;
  format: string;
  now: () => number;
  maxEntries: number;
  maxBytes: number;
  maxMemoryBytes: number;
  report: (error: unknown, context: CacheErrorContext) => void;
  /** Touched entries move to the end, so within a worker's life Map order breaks access-time ties. */
  index: Map<string, IndexEntry>;
  counters: ReturnType<typeof zeroCounters>;
}

export const recordKeys = (key: string): string[] => [META_PREFIX + key, VALUE_PREFIX + key];

/** Writes to IndexedDB, the index's loading and the evictions over budget. */
export function createStorage(state: CacheState) {
  async function persist(key: string | undefined, write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      state.report(error, { during: 'storage', key });
    }
  }

  async function loadIndex(): Promise<void> {
    try {
      const storedKeys = (await keys(state.store)).filter((key): key is string => typeof key === 'string');
      const valueKeys = new Set(storedKeys.filter((key) => key.startsWith(VALUE_PREFIX)));
      const metaKeys = storedKeys.filter((key) => key.startsWith(META_PREFIX));
      for (const raw of await getMany(metaKeys, state.store)) {
        const parsed = entryMetaSchema.safeParse(raw);
        if (parsed.success && parsed.data.format === state.format && valueKeys.has(VALUE_PREFIX + parsed.data.key)) {
          state.index.set(parsed.data.key, { meta: parsed.data, persistedAccess: parsed.data.lastAccess });
        }
      }
      const orphans = storedKeys.filter((key) => !state.index.has(key.slice(key.indexOf(':') + 1)));
      if (orphans.length > 0) await persist(undefined, () => delMany(orphans, state.store));
      await evictOverBudget();
    } catch (error) {
      // Without IndexedDB the cache still works for this worker's lifetime, from memory.
      state.report(error, { during: 'storage' });
    }
  }

  function evictionsOverBudget(): string[] {
    const candidates = [...state.index.values()].map(({ meta }) => meta);
    const evicted = chooseEvictions(candidates, state.maxEntries, state.maxBytes);
    for (const key of evicted) state.index.delete(key);
    state.counters.evictions += evicted.length;
    return evicted;
  }

  async function evictOverBudget(): Promise<void> {
    const evicted = evictionsOverBudget();
    if (evicted.length > 0) await persist(undefined, () => delMany(evicted.flatMap(recordKeys), state.store));
  }

  return { persist, loadIndex, evictionsOverBudget };
}
export type Storage = ReturnType<typeof createStorage>;

/** Storing a fetched value, reading one back, and recording that an entry was used. */
export function createEntryAccess(state: CacheState, { persist, evictionsOverBudget }: Storage) {
  async function storeValue(descriptor: CacheDescriptor, value: unknown, fetchedAt: number): Promise<void> {
    const at = state.now();
    const meta: EntryMeta = {
      key: descriptor.key,
      kind: descriptor.kind,
      tags: [...descriptor.tags],
      ...(descriptor.holds ? { holds: [...descriptor.holds.prefixes] } : {}),
      fetchedAt,
      lastAccess: at,
      bytes: estimateBytes(value),
      format: state.format,
    };
    const record: ValueRecord = { value };
    state.index.delete(descriptor.key);
    const contents = contentsOf(descriptor.holds, value);
    const entry: IndexEntry = { meta, loaded: record, persistedAccess: at, contents };
    state.index.set(descriptor.key, entry);
    const evicted = evictionsOverBudget();
    releaseOverMemoryBudget(entry);
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
              state.store,
            )
          : undefined,
        evicted.length > 0 ? delMany(evicted.flatMap(recordKeys), state.store) : undefined,
      ]),
    );
  }

  /**
   * The entry's value, unless the entry was replaced, invalidated or lost while reading it back. `holds`:
   * the read's, so a list read back from IndexedDB learns what it holds.
   */
  async function loadValue(
    entry: IndexEntry,
    holds?: HeldItems,
  ): Promise<{ record: ValueRecord; source: ReadSource } | undefined> {
    if (entry.loaded) return { record: entry.loaded, source: 'memory' };
    const key = entry.meta.key;
    let record: ValueRecord | undefined;
    try {
      record = await get<ValueRecord>(VALUE_PREFIX + key, state.store);
    } catch (error) {
      state.report(error, { during: 'storage', key });
      return undefined;
    }
    if (state.index.get(key) !== entry) return undefined;
    if (record === undefined) {
      state.index.delete(key);
      await persist(key, () => delMany(recordKeys(key), state.store));
      return undefined;
    }
    entry.loaded = record;
    entry.contents ??= contentsOf(holds, record.value);
    releaseOverMemoryBudget(entry);
    return { record, source: 'idb' };
  }

  /**
   * Keeps the values held in memory within their bound: the least recently used are released (read
   * back from IndexedDB when next used), never `kept`, the one being used. Index order is use order.
   */
  function releaseOverMemoryBudget(kept: IndexEntry): void {
    let held = 0;
    for (const entry of state.index.values()) if (entry.loaded) held += entry.meta.bytes;
    for (const entry of state.index.values()) {
      if (held <= state.maxMemoryBytes) return;
      if (!entry.loaded || entry === kept) continue;
      entry.loaded = undefined;
      held -= entry.meta.bytes;
    }
  }

  function touch(entry: IndexEntry): void {
    const { meta } = entry;
    if (state.index.get(meta.key) !== entry) return;
    meta.lastAccess = state.now();
    state.index.delete(meta.key);
    state.index.set(meta.key, entry);
    if (meta.lastAccess - entry.persistedAccess < ACCESS_PERSIST_INTERVAL_MS) return;
    entry.persistedAccess = meta.lastAccess;
    void persist(meta.key, () => set(META_PREFIX + meta.key, meta, state.store));
  }

  return { storeValue, loadValue, touch };
}
