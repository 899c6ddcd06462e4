import { describe, expect, it } from 'vitest';
import { buildCommentStatusPlan } from '../../lib/bulk/operations/comment-status';
import { type SelectedTask, selectTasks } from '../../lib/bulk/selection';
import { PlanSchema } from '../../lib/plans';

const task = (overrides: Partial<SelectedTask>): SelectedTask => ({
  taskId: 't1',
  projectId: 'p1',
  entityId: 'e1',
  entityName: 'SH0010',
  entityType: 'shot',
  episodeId: 'ep1',
  sequenceName: 'SQ010',
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

const tasks = [
  task({ taskId: 't1', entityName: 'SH0010', statusId: 'todo', assigneeIds: ['ana'], dueDate: '2026-11-20' }),
  task({ taskId: 't2', entityName: 'SH0020', statusId: 'wip', dueDate: '2026-12-05' }),
  task({ taskId: 't3', entityName: 'SH0030', statusId: 'done', dueDate: '2026-11-01', taskTypeId: 'anim' }),
  task({ taskId: 't4', entityName: 'SH0110', statusId: 'todo', episodeId: 'ep2' }),
];
const ids = (selection: SelectedTask[]) => selection.map((selected) => selected.taskId);

describe('task selection', () => {
  it.each([
    [{ taskTypeId: 'anim' }, ['t3']],
    [{ statusIds: ['todo'] }, ['t1', 't4']],
    [{ assignee: 'unassigned' }, ['t2', 't3', 't4']],
    [{ assignee: 'ana' }, ['t1']],
    [{ dueBefore: '2026-11-21' }, ['t1', 't3']],
    [{ dueAfter: '2026-11-21' }, ['t2']],
    [{ overdue: { today: '2026-11-29', doneStatusIds: ['done'] } }, ['t1']],
    [{ episodeId: 'ep2' }, ['t4']],
    [{ text: 'sh001' }, ['t1']],
    [{ statusIds: ['todo'], text: '0010' }, ['t1']],
  ])('%j → %j', (filter, expected) => {
    expect(ids(selectTasks(tasks, filter))).toEqual(expected);
  });
});

describe('comment and set status plan', () => {
  const build = (selection: SelectedTask[], statusId: string | null) =>
    buildCommentStatusPlan({
      tasks: selection,
      statusId,
      text: 'Layout can start.',
      taskTypeNames: new Map([['layout', 'Layout']]),
      statusNames: new Map([['wip', 'Work In Progress']]),
      host: 'https://kitsu.studio.example',
      planId: 'plan-1',
      now: new Date('2026-11-29T10:00:00Z'),
    });

  it('makes one valid comment operation per task, relying on the status each had', () => {
    const plan = build([tasks[0] as SelectedTask, tasks[1] as SelectedTask], 'wip');
    expect(PlanSchema.parse(plan)).toEqual(plan);
    expect(plan.title).toBe('Comment and set Work In Progress on 2 tasks');
    expect(plan.operations).toEqual([
      {
        id: 'op-1',
        kind: 'comment',
        taskId: 't1',
        taskLabel: 'SH0010 / Layout',
        text: 'Layout can start.',
        statusBefore: 'todo',
        statusAfter: 'wip',
        preconditions: { statusId: 'todo' },
      },
      {
        id: 'op-2',
        kind: 'comment',
        taskId: 't2',
        taskLabel: 'SH0020 / Layout',
        text: 'Layout can start.',
        preconditions: { statusId: 'wip' },
      },
    ]);
  });

  it('keeps statuses when asked, and refuses an empty selection', () => {
    expect(build([tasks[0] as SelectedTask], null).operations[0]).not.toHaveProperty('statusAfter');
    expect(() => build([], 'wip')).toThrow('Select at least one task.');
  });
});
