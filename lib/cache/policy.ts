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
  'day-offs',
  'event-log',
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
  // People's days off are entered ahead of time, rarely on the day.
  'day-offs': productionData,
  // The production's recent events (the human-decisions guard): a change of a task adds to it.
  'event-log': taskData,
};

export type Freshness = 'fresh' | 'stale' | 'expired';

/**
 * Reads the live event stream keeps right for as long as it stays connected: task-level reads (their
 * events are applied for the productions in view, and outdated when a production comes into view) and
 * the studio's reference lists (their events are applied whatever is in view). Their freshness limits
 * only matter when the stream is down. Entity lists and productions are not in it: the events of a
 * production out of view are not applied to them.
 */
export const KEPT_BY_EVENTS: ReadonlySet<CacheKind> = new Set<CacheKind>([
  'task',
  'full-task',
  'task-comments',
  'open-tasks',
  'entities-with-tasks',
  'event-log',
  'task-types',
  'task-statuses',
  'persons',
  'departments',
]);

/**
 * How usable an entry is at `now`. `liveSince`: since when the host's event stream has been live
 * without a break (null when it is not): an entry of a kind it keeps, fetched since, is fresh whatever
 * its age; no event dropped it, so nothing changed it. `outdated`: events for the entry may have been
 * missed (its production came into view again): never fresh, though a panel may still be shown it.
 */
export function freshness(
  entry: { kind: CacheKind; fetchedAt: number; outdated?: boolean },
  now: number,
  policy: CachePolicy,
  liveSince: number | null = null,
): Freshness {
  const { freshMs, maxStaleMs } = policy[entry.kind];
  const age = now - entry.fetchedAt;
  // A clock set backwards makes the age meaningless; asking Kitsu again is the safe answer.
  if (age < 0) return 'expired';
  if (entry.outdated) return age <= freshMs + maxStaleMs ? 'stale' : 'expired';
  if (age <= freshMs) return 'fresh';
  if (liveSince !== null && entry.fetchedAt >= liveSince && KEPT_BY_EVENTS.has(entry.kind)) return 'fresh';
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

/** Arrays longer than this are measured from an even sample of their elements. */
const SAMPLED_ARRAY_LENGTH = 64;
const SAMPLE_SIZE = 32;

/**
 * Size of the value's JSON text, close enough to compare entries and bound the total. Exact for values
 * without long arrays; a long array (a production's task list) is measured from an even sample of its
 * rows scaled to its length, so a 75,000-task list costs a few dozen rows of work, not a ~50 MB string.
 */
export function estimateBytes(value: unknown): number {
  if (Array.isArray(value)) {
    if (value.length === 0) return 2;
    const separators = value.length + 1;
    if (value.length <= SAMPLED_ARRAY_LENGTH) {
      return value.reduce((sum: number, element) => sum + elementBytes(element), separators);
    }
    const step = value.length / SAMPLE_SIZE;
    let sampled = 0;
    for (let index = 0; index < SAMPLE_SIZE; index++) sampled += elementBytes(value[Math.floor(index * step)]);
    return Math.round(separators + (sampled / SAMPLE_SIZE) * value.length);
  }
  if (isPlainObject(value)) {
    let bytes = 1;
    for (const [key, field] of Object.entries(value)) {
      const fieldBytes = estimateBytes(field);
      // JSON leaves out fields it cannot write (undefined, functions).
      if (fieldBytes > 0) bytes += JSON.stringify(key).length + 2 + fieldBytes;
    }
    return Math.max(bytes, 2);
  }
  return JSON.stringify(value)?.length ?? 0;
}

/** In an array, JSON writes what it cannot write as null. */
const elementBytes = (element: unknown) => estimateBytes(element) || 4;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { toJSON?: unknown }).toJSON !== 'function' &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);
