/**
 * The cache's decisions, kept pure so they can be tested without IndexedDB or a clock:
 * how long each kind of Kitsu read stays usable, and which entries to drop when over budget.
 */

export const cacheKinds = [
  'version',
  'authenticated',
  'user-context',
  'projects',
  'project',
  'team',
  'episodes',
  'sequences',
  'shots',
  'assets',
  'entities-with-tasks',
  'task-types',
  'task-statuses',
  'persons',
  'departments',
  'task',
  'full-task',
  'task-comments',
  'open-tasks',
] as const;
export type CacheKind = (typeof cacheKinds)[number];

/**
 * `freshMs`: age up to which an entry is served without asking Kitsu.
 * `maxStaleMs`: how much longer (after `freshMs`) a panel may still be shown the entry while it is
 * refreshed in the background, as HTTP's stale-while-revalidate. Past both, the entry is expired.
 */
export interface KindPolicy {
  freshMs: number;
  maxStaleMs: number;
}
export type CachePolicy = Readonly<Record<CacheKind, KindPolicy>>;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Studios edit reference data rarely; it can live long. */
const referenceData: KindPolicy = { freshMs: HOUR, maxStaleMs: DAY };
/** Productions and their breakdown change now and then, mostly by a few people. */
const productionData: KindPolicy = { freshMs: 10 * MINUTE, maxStaleMs: DAY };
/** Shots and assets are added and renamed during a production's day. */
const entityLists: KindPolicy = { freshMs: 2 * MINUTE, maxStaleMs: HOUR };
/**
 * Tasks change all day. Live events invalidate them anyway, so the short freshness only covers
 * moments when the event stream is down.
 */
const taskData: KindPolicy = { freshMs: 30 * SECOND, maxStaleMs: 10 * MINUTE };

export const defaultPolicy: CachePolicy = {
  version: referenceData,
  authenticated: { freshMs: 5 * MINUTE, maxStaleMs: HOUR },
  'user-context': productionData,
  projects: productionData,
  project: productionData,
  team: productionData,
  episodes: productionData,
  sequences: productionData,
  shots: entityLists,
  assets: entityLists,
  'entities-with-tasks': taskData,
  'task-types': referenceData,
  'task-statuses': referenceData,
  persons: referenceData,
  departments: referenceData,
  task: taskData,
  'full-task': taskData,
  'task-comments': taskData,
  'open-tasks': taskData,
};

export type Freshness = 'fresh' | 'stale' | 'expired';

export function freshness(entry: { kind: CacheKind; fetchedAt: number }, now: number, policy: CachePolicy): Freshness {
  const { freshMs, maxStaleMs } = policy[entry.kind];
  const age = now - entry.fetchedAt;
  // A clock set backwards makes the age meaningless; asking Kitsu again is the safe answer.
  if (age < 0) return 'expired';
  if (age <= freshMs) return 'fresh';
  if (age <= freshMs + maxStaleMs) return 'stale';
  return 'expired';
}

export interface EvictionCandidate {
  key: string;
  lastAccess: number;
  bytes: number;
}

/**
 * Least recently used first, until both bounds hold. Entries with the same `lastAccess` leave in
 * the order given, so callers pass them oldest-touched first. An entry bigger than `maxBytes` on
 * its own is chosen too: keeping it would break the bound.
 */
export function chooseEvictions(entries: Iterable<EvictionCandidate>, maxEntries: number, maxBytes: number): string[] {
  const byAge = [...entries].sort((a, b) => a.lastAccess - b.lastAccess);
  let count = byAge.length;
  let bytes = byAge.reduce((sum, entry) => sum + entry.bytes, 0);
  const evicted: string[] = [];
  for (const entry of byAge) {
    if (count <= maxEntries && bytes <= maxBytes) break;
    evicted.push(entry.key);
    count -= 1;
    bytes -= entry.bytes;
  }
  return evicted;
}

/** Size as the JSON text Kitsu sent: close enough to compare entries and bound the total. */
export function estimateBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}
