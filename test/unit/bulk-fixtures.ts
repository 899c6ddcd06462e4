// Tasks and operation contexts for the bulk unit tests.
import type { BulkContext } from '../../lib/bulk/operations/shared';
import type { SelectedTask } from '../../lib/bulk/selection';

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
