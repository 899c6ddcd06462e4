// Tasks and operation contexts for the bulk unit tests.
import { vi } from 'vitest';
import type { BulkContext } from '../../lib/bulk/operations/shared';
import type { SelectedTask } from '../../lib/bulk/selection';
import { bulkScopeOf } from '../../lib/bulk/service';
import type { Session } from '../../lib/connections/session';
import { parseKitsuUrl } from '../../lib/kitsu-routes';

export const task = (overrides: Partial<SelectedTask>): SelectedTask => ({
  taskId: 't1',
  projectId: 'p1',
  entityId: 'e1',
  entityName: 'SH0010',
  entityType: 'shot',
  episodeId: 'ep1',
  sequenceName: 'SQ010',
  sequenceId: 'sq1',
  taskTypeId: 'layout',
  statusId: 'todo',
  assigneeIds: [],
  dueDate: null,
  startDate: null,
  estimation: null,
  priority: 0,
  lastCommentDate: null,
  ...overrides,
});

export function contextFor(selection: readonly SelectedTask[], overrides: Partial<BulkContext> = {}): BulkContext {
  return {
    tasks: selection,
    productionTasks: selection,
    taskTypeNames: new Map([
      ['layout', 'Layout'],
      ['anim', 'Animation'],
    ]),
    statusNames: new Map([['wip', 'Work In Progress']]),
    personNames: new Map([
      ['ana', 'Ana Lima'],
      ['ben', 'Ben Ode'],
      ['chloe', 'Chloe Dubois'],
    ]),
    wipStatusIds: new Set(['wip']),
    dayOffs: new Map(),
    host: 'https://kitsu.studio.example',
    planId: 'plan-1',
    now: new Date('2026-11-29T10:00:00Z'),
    ...overrides,
  };
}

export const HOST = 'https://kitsu.studio.example';
export const PRODUCTION = '9b1c6f2e-4f5a-4c8e-9d0a-1b2c3d4e5f60';
export const listTask = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  task_type_id: 'tt-layout',
  task_status_id: 'st-todo',
  assignees: ['ana'],
  due_date: '2026-11-27T00:00:00',
  start_date: null,
  estimation: null,
  priority: 0,
  last_comment_date: null,
  ...fields,
});
export const shot = (id: string, sequence: string, tasks: ReturnType<typeof listTask>[]) => ({
  id,
  name: id.toUpperCase(),
  canceled: false,
  episode_id: null,
  sequence_id: sequence,
  sequence_name: sequence.toUpperCase(),
  tasks,
});

/** A session whose cached reads answer with a small production: two shots, a team of two. */
export function session(
  role: string,
  shots = [shot('sh010', 'sq1', [listTask('t1')]), shot('sh020', 'sq2', [listTask('t2', { assignees: [] })])],
) {
  const projectDayOffs = vi.fn(async () => ({ ana: [{ date: '2026-11-30', end_date: '2026-11-30' }] }));
  const reads = {
    authenticated: async () => ({ user: { id: 'bot', role, departments: [] } }),
    project: async () => ({ id: 'p1', name: 'Fox Tales', team: ['ana', 'ben'] }),
    shotsWithTasks: async () => shots,
    assetsWithTasks: async () => [],
    taskTypes: async () => [{ id: 'tt-layout', name: 'Layout', department_id: 'dep-layout' }],
    taskStatuses: async () => [
      { id: 'st-todo', name: 'Todo', short_name: 'todo', is_done: false, is_wip: false },
      { id: 'st-done', name: 'Done', short_name: 'done', is_done: true },
    ],
    persons: async () => [
      { id: 'ana', full_name: 'Ana Lima', active: true },
      { id: 'ben', full_name: 'Ben Ode', active: true },
      { id: 'zed', full_name: 'Not In Team', active: true },
    ],
    departments: async () => [{ id: 'dep-layout', name: 'Layout' }],
  };
  const value = { connection: { origin: HOST }, client: { projectDayOffs }, reads } as unknown as Session;
  return { session: value, projectDayOffs };
}

const shotList = bulkScopeOf(parseKitsuUrl(`${HOST}/productions/${PRODUCTION}/shots`));
if (!shotList) throw new Error('a shot list is a bulk scope');
/** The production's shot list, as a bulk scope. */
export const scope = shotList;
