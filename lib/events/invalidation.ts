/**
 * Zou live events → what to drop from the cache and what to tell the tabs. Pure: no I/O, no clock.
 *
 * Zou broadcasts every event of every production to every socket, with ids only (+ `project_id`),
 * so the work here is (1) naming the cached reads an event can have made wrong, by tag (one id) or by
 * kind (every entry of a read), and (2) deciding cheaply whether anyone is looking at it.
 *
 * Tag conventions (shared with the reads in lib/connections/session.ts, which tag each entry):
 * `task:<id>`, `comment:<id>`, `entity:<id>` (shot, asset, sequence, episode, edit, concept),
 * `person:<id>`, `project:<id>`, `preview-file:<id>`, `time-spent:<id>`; global reference lists are
 * tagged with their kind name ('task-types', 'task-statuses', ...). A read added later only has to
 * use these tags; an event family added later is one row of `families` below.
 *
 * Per-project lists are tagged `project:<pid>` + their kind, and tags are OR-ed by the cache, so an
 * event about one shot cannot say "the shots list of project P" only: it drops the `shots` kind (of
 * every project; only in-view productions' events get here, and a list is one refetch), not
 * `project:P` (which would also drop P's episodes, sequences, assets, ...).
 * Task events are finer: the with-tasks lists tell the cache which tasks they hold (lib/cache/matching.ts),
 * so `task:<id>` drops the one list holding the task, and only a new task drops them all.
 *
 * Unknown events: IGNORED (mapEvent returns null), except an unknown action of a known family
 * (`task:whatever` with a `task_id`), which gets that family's default row. Why not invalidate
 * conservatively: zou emits many events Sidekick caches nothing for (notification:*, news:* on
 * every comment, playlist:*, chat:*, build-job:*, preview-room:* ...), so "drop everything on an
 * unknown event" would turn ordinary traffic into refetch storms; the cache's freshness limits
 * (30 s for task data) already bound the staleness of anything a missing row would miss.
 */
import { z } from 'zod';
import type { CacheKind } from '../cache';

/** What to drop from one host's cache: entries having any of `tags`, and every entry of `kinds`. */
export interface Invalidation {
  tags: string[];
  kinds: CacheKind[];
}

/** What changed, for the tabs: panels showing data with one of `tags` (or of this project) refresh. */
export interface TabNotice {
  projectId?: string;
  tags: string[];
}

/**
 * 'project': about one production's data; applied only when that production is in view.
 * 'global': studio reference data (task types, statuses, people, departments, projects list) that
 * any tab may show; always applied.
 */
export type EventScope = 'project' | 'global';

export interface EventEffect {
  /** The event name, lower-cased as zou emits it. */
  name: string;
  scope: EventScope;
  projectId?: string;
  invalidation: Invalidation;
  notice: TabNotice;
}

/** Every task-level read: what a gap in the stream (a reconnect) may have made wrong. */
export const TASK_LEVEL_KINDS = [
  'task',
  'full-task',
  'task-comments',
  'open-tasks',
  'entities-with-tasks',
  'event-log',
] as const satisfies readonly CacheKind[];

/** Lists holding tasks (statuses, assignees, last comment dates): every one of them is dropped on a new task. */
const TASK_LISTS = ['entities-with-tasks', 'open-tasks'] as const satisfies readonly CacheKind[];

/**
 * Lists the cache knows the tasks of (CacheDescriptor.holds): a task's tag drops only those holding it,
 * so a burst of changes to shot tasks leaves the assets list cached.
 */
const LISTS_HOLDING_TASKS = ['entities-with-tasks'] as const satisfies readonly CacheKind[];
/**
 * Task reads the cache does not know the contents of, dropped whole on any change of a task: the open
 * tasks lists, and the production's event log (a change of a task is a new event in it).
 */
const OTHER_TASK_LISTS = ['open-tasks', 'event-log'] as const satisfies readonly CacheKind[];

/** A payload field holding an id, and the tag prefix for it: ['task_id', 'task'] → `task:<id>`. */
type IdTag = readonly [field: string, prefix: string];

interface Rule {
  scope: EventScope;
  /** Ids of the payload to tag; a missing field is skipped. */
  tags?: readonly IdTag[];
  kinds?: readonly CacheKind[];
  /** Extra kinds when the payload lacks `field` (the precise tag is unknown: drop the kind instead). */
  orKinds?: { field: string; kinds: readonly CacheKind[] };
  /** Lists reached through the tags (the ones holding the item are dropped), named in the notice. */
  lists?: readonly CacheKind[];
  /** Also tag `project:<project_id>` (everything cached about the production); notice its pages only. */
  wholeProject?: boolean;
  /** Tag the global reference list itself (its kind name), for the notice. */
  selfTag?: string;
}

interface Family {
  default: Rule;
  actions?: Record<string, Rule>;
}

/** A task event without a (valid) task id: every task read may hold it. */
const ANY_TASK = ['task', 'full-task', 'task-comments', ...LISTS_HOLDING_TASKS] as const satisfies readonly CacheKind[];

const task = (extra: readonly IdTag[] = []): Rule => ({
  scope: 'project',
  tags: [['task_id', 'task'], ...extra],
  kinds: OTHER_TASK_LISTS,
  lists: LISTS_HOLDING_TASKS,
  orKinds: { field: 'task_id', kinds: ANY_TASK },
});

/**
 * A comment without its task id (older zou, a task already gone): every comment list may hold it.
 * `changesTask`: it can change the task's status, retakes and last comment date, as the task lists show them.
 */
const comment = ({ changesTask }: { changesTask: boolean }): Rule => ({
  scope: 'project',
  tags: [
    ['task_id', 'task'],
    ['comment_id', 'comment'],
  ],
  ...(changesTask ? { kinds: OTHER_TASK_LISTS, lists: LISTS_HOLDING_TASKS } : {}),
  orKinds: {
    field: 'task_id',
    kinds: ['task-comments', 'full-task', ...(changesTask ? LISTS_HOLDING_TASKS : [])],
  },
});

const entity = (field: string, kinds: readonly CacheKind[]): Family => {
  const changed: Rule = { scope: 'project', tags: [[field, 'entity']], kinds: [...kinds, 'entities-with-tasks'] };
  return {
    default: changed,
    actions: {
      // Its tasks go with it, and their ids are not in the payload.
      delete: { ...changed, kinds: [...kinds, ...TASK_LISTS, 'task', 'full-task'] },
      // Which assets a shot/episode uses: only the entities named change.
      'casting-update': {
        scope: 'project',
        tags: [
          [field, 'entity'],
          ['added_asset_ids', 'entity'],
          ['removed_asset_ids', 'entity'],
        ],
      },
    },
  };
};

const reference = (kind: CacheKind, field: string, prefix: string, kinds: readonly CacheKind[] = []): Family => ({
  default: { scope: 'global', tags: [[field, prefix]], kinds: [kind, ...kinds], selfTag: kind },
});

/** Families of no interest to any cached read; ignored without a second look. */
const IGNORED_FAMILIES = new Set([
  'main',
  'notification',
  'news',
  'playlist',
  'build-job',
  'preview-room',
  'chat',
  'schedule-item',
  'budget',
  'budget-entry',
  'metadata-descriptor',
  'output-file',
  'working-file',
  'preview-background-file',
  'organisation',
  'tile-build',
  'search-filter',
  'search-filter-group',
  'subscription',
]);

const families: Record<string, Family> = {
  task: {
    default: task(),
    actions: {
      // No cached list holds it yet.
      new: { ...task(), kinds: [...TASK_LISTS, 'event-log'], lists: [] },
      delete: task([['entity_id', 'entity']]),
      assign: task([['person_id', 'person']]),
      unassign: task([['person_id', 'person']]),
      'to-review': task([['comment_id', 'comment']]),
      'update-casting-stats': {
        scope: 'project',
        tags: [['task_id', 'task']],
        lists: LISTS_HOLDING_TASKS,
        orKinds: { field: 'task_id', kinds: ANY_TASK },
      },
    },
  },
  comment: {
    default: comment({ changesTask: false }),
    actions: {
      new: comment({ changesTask: true }),
      delete: comment({ changesTask: true }),
      reply: comment({ changesTask: false }),
      'delete-reply': comment({ changesTask: false }),
    },
  },
  'preview-file': {
    default: {
      scope: 'project',
      tags: [
        ['task_id', 'task'],
        ['comment_id', 'comment'],
        ['preview_file_id', 'preview-file'],
        ['entity_id', 'entity'],
      ],
      orKinds: { field: 'task_id', kinds: ['task-comments'] },
    },
    actions: {
      // The entity's thumbnail changes in every list showing it.
      'set-main': {
        scope: 'project',
        tags: [
          ['entity_id', 'entity'],
          ['preview_file_id', 'preview-file'],
        ],
        kinds: ['shots', 'assets', 'entities-with-tasks'],
      },
    },
  },
  // zou follows each time-spent change with a task:update of its task.
  'time-spent': { default: { scope: 'project', tags: [['time_spent_id', 'time-spent']] } },
  shot: entity('shot_id', ['shots']),
  asset: entity('asset_id', ['assets']),
  // Shots show their sequence and episode names.
  sequence: entity('sequence_id', ['sequences', 'shots']),
  episode: entity('episode_id', ['episodes', 'sequences', 'shots', 'assets']),
  edit: entity('edit_id', []),
  concept: entity('concept_id', []),
  scene: entity('scene_id', []),
  // Generic CRUD on /data/entities.
  entity: entity('entity_id', ['shots', 'assets', 'sequences', 'episodes']),
  // Everything cached about the production, and the productions list: applied even when the
  // production is not in view (a project picker shows every production; the event is rare). Only
  // the production's own pages re-read: a panel shows no other production.
  project: { default: { scope: 'global', kinds: ['projects'], wholeProject: true } },
  'task-type': reference('task-types', 'task_type_id', 'task-type'),
  'task-status': reference('task-statuses', 'task_status_id', 'task-status'),
  person: reference('persons', 'person_id', 'person', ['team']),
  department: reference('departments', 'department_id', 'department', ['persons']),
  'asset-type': reference('assets', 'asset_type_id', 'asset-type'),
};

/** zou ids are UUIDs; anything else is not used as a tag (a hostile payload cannot forge tags). */
const idSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const payloadSchema = z.record(z.string(), z.unknown());

function idsOf(payload: Record<string, unknown>, field: string): string[] {
  const value = payload[field];
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((candidate) => {
    const parsed = idSchema.safeParse(candidate);
    return parsed.success ? [parsed.data] : [];
  });
}

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

/**
 * The effect of one zou event, or null when it is ignored (unknown family, or nothing cached
 * depends on it). `payload` is untrusted: anything not an object counts as `{}`.
 */
export function mapEvent(name: string, payload: unknown): EventEffect | null {
  const lowered = name.toLowerCase();
  const colon = lowered.indexOf(':');
  if (colon <= 0) return null;
  const familyName = lowered.slice(0, colon);
  const action = lowered.slice(colon + 1);
  if (IGNORED_FAMILIES.has(familyName)) return null;
  const family = families[familyName];
  if (!family) return null;
  const rule = family.actions?.[action] ?? family.default;

  const parsed = payloadSchema.safeParse(payload);
  const data = parsed.success ? parsed.data : {};
  const projectId = idsOf(data, 'project_id')[0];

  const tags: string[] = [];
  for (const [field, prefix] of rule.tags ?? []) {
    for (const id of idsOf(data, field)) tags.push(`${prefix}:${id}`);
  }
  if (rule.wholeProject && projectId) tags.push(`project:${projectId}`);
  const kinds: CacheKind[] = [...(rule.kinds ?? [])];
  if (rule.orKinds && idsOf(data, rule.orKinds.field).length === 0) kinds.push(...rule.orKinds.kinds);

  const invalidation: Invalidation = { tags: unique(tags), kinds: unique(kinds) };
  if (invalidation.tags.length === 0 && invalidation.kinds.length === 0) return null;
  // A panel matches by what it shows: an id tag, or (for lists) the kind name.
  const forProductionPages = rule.scope === 'project' || rule.wholeProject;
  const notice: TabNotice = {
    ...(projectId && forProductionPages ? { projectId } : {}),
    tags: unique([
      ...invalidation.tags,
      ...(rule.selfTag ? [rule.selfTag] : []),
      ...invalidation.kinds,
      ...(rule.lists ?? []),
    ]),
  };
  return {
    name: lowered,
    scope: rule.scope,
    ...(projectId ? { projectId } : {}),
    invalidation,
    notice,
  };
}

/**
 * Whether an event's effect concerns anything shown: global reference data always; project data
 * only when its production is in `projectsInView` (the productions open in the host's tabs). A
 * project event without `project_id` (rare in zou 1.0.97) is applied: it cannot be ruled out.
 */
export function isInView(effect: EventEffect, projectsInView: ReadonlySet<string>): boolean {
  if (effect.scope === 'global') return true;
  if (effect.projectId === undefined) return true;
  return projectsInView.has(effect.projectId);
}

/** mapEvent + isInView: the effect to apply, or null to ignore the event. */
export function routeEvent(name: string, payload: unknown, projectsInView: ReadonlySet<string>): EventEffect | null {
  const effect = mapEvent(name, payload);
  return effect && isInView(effect, projectsInView) ? effect : null;
}

/** What to drop after a gap in the stream (events may have been missed): every task-level read. */
export function gapInvalidation(): Invalidation {
  return { tags: [], kinds: [...TASK_LEVEL_KINDS] };
}

/** Several invalidations as one (tags and kinds are OR-ed by the cache). */
export function mergeInvalidations(items: Iterable<Invalidation>): Invalidation {
  const tags = new Set<string>();
  const kinds = new Set<CacheKind>();
  for (const item of items) {
    for (const tag of item.tags) tags.add(tag);
    for (const kind of item.kinds) kinds.add(kind);
  }
  return { tags: [...tags], kinds: [...kinds] };
}

/** Notices of a burst, one per production (and one for global data), tags merged. */
export function mergeNotices(items: Iterable<TabNotice>): TabNotice[] {
  const byProject = new Map<string | undefined, Set<string>>();
  for (const item of items) {
    let tags = byProject.get(item.projectId);
    if (!tags) {
      tags = new Set();
      byProject.set(item.projectId, tags);
    }
    for (const tag of item.tags) tags.add(tag);
  }
  return [...byProject].map(([projectId, tags]) => ({
    ...(projectId === undefined ? {} : { projectId }),
    tags: [...tags],
  }));
}
