import { describe, expect, it } from 'vitest';
import {
  type EventEffect,
  gapInvalidation,
  isInView,
  mapEvent,
  mergeInvalidations,
  mergeNotices,
  routeEvent,
  TASK_LEVEL_KINDS,
} from '../../lib/events/invalidation';

const P = 'ae1053d8-b7db-4923-a418-d93894c5a48f';
const OTHER = '11111111-2222-3333-4444-555555555555';
const T = 'aaaaaaaa-0000-0000-0000-000000000001';
const C = 'cccccccc-0000-0000-0000-000000000001';
const R = 'dddddddd-0000-0000-0000-000000000001';
const E = 'eeeeeeee-0000-0000-0000-000000000001';
const E2 = 'eeeeeeee-0000-0000-0000-000000000002';
const PER = 'ffffffff-0000-0000-0000-000000000001';
const PF = '99999999-0000-0000-0000-000000000001';
const ID = '88888888-0000-0000-0000-000000000001';

const TASK_LISTS = ['entities-with-tasks', 'open-tasks'];
/** Lists the cache knows the tasks of: reached through the task's tag, named in the notice. */
const HOLDING_TASKS = ['entities-with-tasks'];
/** Task reads dropped whole: the open tasks, and the event log (the change is a new event in it). */
const UNKNOWN_CONTENTS = ['open-tasks', 'event-log'];

interface Row {
  name: string;
  payload: Record<string, unknown>;
  scope: 'project' | 'global';
  tags: string[];
  kinds: string[];
  /** Lists dropped only where they hold the item (no kind invalidation), named in the notice. */
  lists?: string[];
}

// The mapping table, one row per event Sidekick reacts to. Payloads are zou 1.0.97's (all scoped
// events also carry project_id).
const table: Row[] = [
  // Tasks
  {
    name: 'task:new',
    payload: { task_id: T },
    scope: 'project',
    tags: [`task:${T}`],
    kinds: [...TASK_LISTS, 'event-log'],
  },
  {
    name: 'task:update',
    payload: { task_id: T },
    scope: 'project',
    tags: [`task:${T}`],
    kinds: UNKNOWN_CONTENTS,
    lists: HOLDING_TASKS,
  },
  {
    name: 'task:delete',
    payload: { task_id: T, entity_id: E, task_type_id: ID },
    scope: 'project',
    tags: [`task:${T}`, `entity:${E}`],
    kinds: UNKNOWN_CONTENTS,
    lists: HOLDING_TASKS,
  },
  {
    name: 'task:assign',
    payload: { task_id: T, person_id: PER },
    scope: 'project',
    tags: [`task:${T}`, `person:${PER}`],
    kinds: UNKNOWN_CONTENTS,
    lists: HOLDING_TASKS,
  },
  {
    name: 'task:unassign',
    payload: { task_id: T, person_id: PER },
    scope: 'project',
    tags: [`task:${T}`, `person:${PER}`],
    kinds: UNKNOWN_CONTENTS,
    lists: HOLDING_TASKS,
  },
  {
    name: 'task:status-changed',
    payload: { task_id: T, new_task_status_id: ID, previous_task_status_id: ID, person_id: PER },
    scope: 'project',
    tags: [`task:${T}`],
    kinds: UNKNOWN_CONTENTS,
    lists: HOLDING_TASKS,
  },
  {
    name: 'task:to-review',
    payload: { task_id: T, new_task_status_id: ID, previous_task_status_id: ID, person_id: PER, comment_id: C },
    scope: 'project',
    tags: [`task:${T}`, `comment:${C}`],
    kinds: UNKNOWN_CONTENTS,
    lists: HOLDING_TASKS,
  },
  {
    name: 'task:update-casting-stats',
    payload: { task_id: T, nb_assets_ready: 3 },
    scope: 'project',
    tags: [`task:${T}`],
    kinds: [],
    lists: HOLDING_TASKS,
  },
  // Comments
  {
    name: 'comment:new',
    payload: { comment_id: C, task_id: T, task_status_id: ID },
    scope: 'project',
    tags: [`task:${T}`, `comment:${C}`],
    kinds: UNKNOWN_CONTENTS,
    lists: HOLDING_TASKS,
  },
  {
    name: 'comment:update',
    payload: { comment_id: C, task_id: T },
    scope: 'project',
    tags: [`task:${T}`, `comment:${C}`],
    kinds: [],
  },
  {
    name: 'comment:update',
    payload: { comment_id: C },
    scope: 'project',
    tags: [`comment:${C}`],
    kinds: ['task-comments', 'full-task'],
  },
  {
    name: 'comment:delete',
    payload: { comment_id: C, task_id: T },
    scope: 'project',
    tags: [`task:${T}`, `comment:${C}`],
    kinds: UNKNOWN_CONTENTS,
    lists: HOLDING_TASKS,
  },
  {
    name: 'comment:delete',
    payload: { comment_id: C },
    scope: 'project',
    tags: [`comment:${C}`],
    kinds: [...UNKNOWN_CONTENTS, 'task-comments', 'full-task', ...HOLDING_TASKS],
  },
  {
    name: 'comment:reply',
    payload: { task_id: T, comment_id: C, reply_id: R },
    scope: 'project',
    tags: [`task:${T}`, `comment:${C}`],
    kinds: [],
  },
  {
    name: 'comment:delete-reply',
    payload: { task_id: T, comment_id: C, reply_id: R },
    scope: 'project',
    tags: [`task:${T}`, `comment:${C}`],
    kinds: [],
  },
  {
    name: 'comment:acknowledge',
    payload: { comment_id: C, person_id: PER },
    scope: 'project',
    tags: [`comment:${C}`],
    kinds: ['task-comments', 'full-task'],
  },
  // Entities
  ...(
    [
      ['shot', ['shots']],
      ['asset', ['assets']],
      ['sequence', ['sequences', 'shots']],
      ['episode', ['episodes', 'sequences', 'shots', 'assets']],
      ['edit', []],
      ['concept', []],
      ['entity', ['shots', 'assets', 'sequences', 'episodes']],
    ] as const
  ).flatMap(([type, lists]): Row[] => [
    ...(['new', 'update'] as const).map((action) => ({
      name: `${type}:${action}`,
      payload: { [`${type}_id`]: E },
      scope: 'project' as const,
      tags: [`entity:${E}`],
      kinds: [...lists, 'entities-with-tasks'],
    })),
    {
      name: `${type}:delete`,
      payload: { [`${type}_id`]: E },
      scope: 'project',
      tags: [`entity:${E}`],
      kinds: [...lists, ...TASK_LISTS, 'task', 'full-task'],
    },
  ]),
  {
    name: 'shot:new',
    payload: { shot_id: E, episode_id: E2 },
    scope: 'project',
    tags: [`entity:${E}`],
    kinds: ['shots', 'entities-with-tasks'],
  },
  {
    name: 'shot:casting-update',
    payload: { shot_id: E, nb_entities_out: 2 },
    scope: 'project',
    tags: [`entity:${E}`],
    kinds: [],
  },
  {
    name: 'asset:casting-update',
    payload: { asset_id: E, added_asset_ids: [E2], removed_asset_ids: [] },
    scope: 'project',
    tags: [`entity:${E}`, `entity:${E2}`],
    kinds: [],
  },
  {
    name: 'episode:casting-update',
    payload: { episode_id: E },
    scope: 'project',
    tags: [`entity:${E}`],
    kinds: [],
  },
  // Productions (global: the productions list is shown everywhere; notices for the production's pages)
  { name: 'project:update', payload: {}, scope: 'global', tags: [`project:${P}`], kinds: ['projects'] },
  { name: 'project:delete', payload: {}, scope: 'global', tags: [`project:${P}`], kinds: ['projects'] },
  { name: 'project:set-thumbnail', payload: {}, scope: 'global', tags: [`project:${P}`], kinds: ['projects'] },
  // Studio reference data
  ...(['new', 'update', 'delete'] as const).flatMap((action): Row[] => [
    {
      name: `task-type:${action}`,
      payload: { task_type_id: ID },
      scope: 'global',
      tags: [`task-type:${ID}`],
      kinds: ['task-types'],
    },
    {
      name: `task-status:${action}`,
      payload: { task_status_id: ID },
      scope: 'global',
      tags: [`task-status:${ID}`],
      kinds: ['task-statuses'],
    },
    {
      name: `person:${action}`,
      payload: { person_id: PER },
      scope: 'global',
      tags: [`person:${PER}`],
      kinds: ['persons', 'team'],
    },
    {
      name: `department:${action}`,
      payload: { department_id: ID },
      scope: 'global',
      tags: [`department:${ID}`],
      kinds: ['departments', 'persons'],
    },
    {
      name: `time-spent:${action}`,
      payload: { time_spent_id: ID },
      scope: 'project',
      tags: [`time-spent:${ID}`],
      kinds: [],
    },
  ]),
  // Previews
  {
    name: 'preview-file:add-file',
    payload: { comment_id: C, task_id: T, preview_file_id: PF, revision: 2, extension: 'mp4', status: 'ready' },
    scope: 'project',
    tags: [`task:${T}`, `comment:${C}`, `preview-file:${PF}`],
    kinds: [],
  },
  {
    name: 'preview-file:new',
    payload: { preview_file_id: PF, comment_id: C },
    scope: 'project',
    tags: [`comment:${C}`, `preview-file:${PF}`],
    kinds: ['task-comments'],
  },
  {
    name: 'preview-file:update',
    payload: { preview_file_id: PF },
    scope: 'project',
    tags: [`preview-file:${PF}`],
    kinds: ['task-comments'],
  },
  {
    name: 'preview-file:delete',
    payload: { preview_file_id: PF },
    scope: 'project',
    tags: [`preview-file:${PF}`],
    kinds: ['task-comments'],
  },
  {
    name: 'preview-file:set-main',
    payload: { entity_id: E, preview_file_id: PF, preview_file_status: 'ready' },
    scope: 'project',
    tags: [`entity:${E}`, `preview-file:${PF}`],
    kinds: ['shots', 'assets', 'entities-with-tasks'],
  },
];

describe('mapEvent: the table', () => {
  it.each(table.map((row) => [`${row.name} ${Object.keys(row.payload).join(',')}`, row] as const))(
    '%s',
    (_label, row) => {
      const effect = mapEvent(row.name, { ...row.payload, project_id: P });
      expect(effect).not.toBeNull();
      const { scope, invalidation, notice, projectId, name } = effect as EventEffect;
      expect(name).toBe(row.name);
      expect(scope).toBe(row.scope);
      expect(projectId).toBe(P);
      expect([...invalidation.tags].sort()).toEqual([...row.tags].sort());
      expect([...invalidation.kinds].sort()).toEqual([...row.kinds].sort());
      // The notice names everything invalidated, so a panel can match by id or by list kind.
      for (const tag of [...row.tags, ...row.kinds, ...(row.lists ?? [])]) expect(notice.tags).toContain(tag);
      // A production's own events (applied whatever is in view) are news for its pages only.
      if (row.scope === 'project' || row.name.startsWith('project:')) expect(notice.projectId).toBe(P);
      else expect(notice.projectId).toBeUndefined();
    },
  );

  it('names the reference list itself in the notice of a global event', () => {
    expect(mapEvent('task-status:update', { task_status_id: ID })?.notice.tags).toContain('task-statuses');
    expect(mapEvent('task-type:new', { task_type_id: ID })?.notice.tags).toContain('task-types');
  });

  it('reads event names case-insensitively, as zou lower-cases them', () => {
    expect(mapEvent('Task:Update', { task_id: T })?.invalidation.tags).toEqual([`task:${T}`]);
  });

  it('gives an unknown action of a known family its default row', () => {
    expect(mapEvent('task:something-new', { task_id: T, project_id: P })?.invalidation).toEqual({
      tags: [`task:${T}`],
      kinds: UNKNOWN_CONTENTS,
    });
  });

  it.each([
    'main:test',
    'notification:new',
    'news:new',
    'playlist:update',
    'chat:new-message',
    'build-job:new',
    'preview-room:room-updated',
    'schedule-item:new',
    'totally:unknown',
    'nocolon',
    ':update',
  ])('ignores %s', (name) => {
    expect(mapEvent(name, { task_id: T, project_id: P, notification_id: ID })).toBeNull();
  });

  it('ignores an event with nothing to invalidate (ids missing)', () => {
    expect(mapEvent('time-spent:new', { project_id: P })).toBeNull();
    expect(mapEvent('shot:casting-update', { project_id: P })).toBeNull();
  });

  it('drops every task read on a task event without a usable task id (conservative)', () => {
    const all = [...TASK_LISTS, 'event-log', 'task', 'full-task', 'task-comments'].sort();
    for (const payload of [null, undefined, 42, 'task_id', [T], { task_id: 42 }, { project_id: P }]) {
      const effect = mapEvent('task:update', payload);
      expect(effect?.invalidation.tags).toEqual([]);
      expect([...(effect?.invalidation.kinds ?? [])].sort()).toEqual(all);
    }
  });

  it('never forges tags or productions from malformed ids', () => {
    const effect = mapEvent('task:update', { task_id: 'x, project:all', project_id: '../../etc' });
    expect(effect?.invalidation.tags).toEqual([]);
    expect(effect?.projectId).toBeUndefined();
    expect(mapEvent('comment:new', { comment_id: C, task_id: { id: T } })?.invalidation.tags).toEqual([`comment:${C}`]);
  });

  it('keeps a project event without project_id unscoped', () => {
    const effect = mapEvent('comment:delete', { comment_id: C });
    expect(effect?.projectId).toBeUndefined();
    expect(effect?.notice.projectId).toBeUndefined();
  });
});

describe('in-view filter', () => {
  const inView = new Set([P]);

  it('applies a project event of a production in view', () => {
    expect(routeEvent('comment:new', { comment_id: C, task_id: T, project_id: P }, inView)).not.toBeNull();
  });

  it('ignores a project event of another production', () => {
    expect(routeEvent('comment:new', { comment_id: C, task_id: T, project_id: OTHER }, inView)).toBeNull();
    expect(routeEvent('shot:update', { shot_id: E, project_id: OTHER }, inView)).toBeNull();
    expect(routeEvent('task:assign', { task_id: T, person_id: PER, project_id: OTHER }, new Set())).toBeNull();
  });

  it('applies global reference events everywhere, even with nothing in view', () => {
    expect(routeEvent('task-status:update', { task_status_id: ID }, new Set())).not.toBeNull();
    expect(routeEvent('person:update', { person_id: PER }, new Set())).not.toBeNull();
    expect(routeEvent('project:update', { project_id: OTHER }, new Set())).not.toBeNull();
  });

  it('applies a project event whose production is unknown (cannot be ruled out)', () => {
    const effect = mapEvent('comment:delete', { comment_id: C });
    expect(effect && isInView(effect, new Set())).toBe(true);
  });
});

describe('helpers', () => {
  it('a gap drops every task-level kind', () => {
    expect(gapInvalidation()).toEqual({ tags: [], kinds: [...TASK_LEVEL_KINDS] });
  });

  it('merges invalidations without duplicates', () => {
    expect(
      mergeInvalidations([
        { tags: ['task:1', 'task:2'], kinds: ['open-tasks'] },
        { tags: ['task:2'], kinds: ['open-tasks', 'shots'] },
      ]),
    ).toEqual({ tags: ['task:1', 'task:2'], kinds: ['open-tasks', 'shots'] });
  });

  it('merges notices per production', () => {
    expect(
      mergeNotices([
        { projectId: P, tags: ['task:1'] },
        { tags: ['task-statuses'] },
        { projectId: P, tags: ['task:2', 'task:1'] },
        { projectId: OTHER, tags: ['task:3'] },
      ]),
    ).toEqual([
      { projectId: P, tags: ['task:1', 'task:2'] },
      { tags: ['task-statuses'] },
      { projectId: OTHER, tags: ['task:3'] },
    ]);
  });
});
