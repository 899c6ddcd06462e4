import { describe, expect, it } from 'vitest';
import { buildCommentStatusPlan } from '../../lib/bulk/operations/comment-status';
import { type SelectedTask, selectTasks } from '../../lib/bulk/selection';
import { PlanSchema } from '../../lib/plans';
import { contextFor, task } from './bulk-fixtures';

const tasks = [
  task({ taskId: 't1', entityName: 'SH0010', statusId: 'todo', assigneeIds: ['ana'], dueDate: '2026-11-20' }),
  task({ taskId: 't2', entityName: 'SH0020', statusId: 'wip', dueDate: '2026-12-05', priority: 2 }),
  task({ taskId: 't3', entityName: 'SH0030', statusId: 'done', dueDate: '2026-11-01', taskTypeId: 'anim' }),
  task({ taskId: 't4', entityName: 'SH0110', statusId: 'todo', episodeId: 'ep2', sequenceId: 'sq2' }),
];
const ids = (selection: SelectedTask[]) => selection.map((selected) => selected.taskId);
const lookups = {
  taskTypeDepartments: new Map([
    ['anim', 'dep-anim'],
    ['layout', 'dep-layout'],
  ]),
};

describe('task selection', () => {
  it.each([
    [{ taskTypeId: 'anim' }, ['t3']],
    [{ statusIds: ['todo'] }, ['t1', 't4']],
    [{ assignee: 'unassigned' }, ['t2', 't3', 't4']],
    [{ assignee: 'ana' }, ['t1']],
    [{ dueBefore: '2026-11-21' }, ['t1', 't3']],
    [{ dueAfter: '2026-11-21' }, ['t2']],
    [{ overdue: { today: '2026-11-29', closedStatusIds: ['done'] } }, ['t1']],
    [{ episodeId: 'ep2' }, ['t4']],
    [{ sequenceId: 'sq2' }, ['t4']],
    [{ departmentId: 'dep-anim' }, ['t3']],
    [{ priority: 2 }, ['t2']],
    [{ priority: 0 }, ['t1', 't3', 't4']],
    [{ text: 'sh001' }, ['t1']],
    [{ statusIds: ['todo'], text: '0010' }, ['t1']],
  ])('%j → %j', (filter, expected) => {
    expect(ids(selectTasks(tasks, filter, lookups))).toEqual(expected);
  });

  it('selects nothing by department when no task type belongs to it', () => {
    expect(selectTasks(tasks, { departmentId: 'dep-anim' })).toEqual([]);
  });
});

describe('comment and set status plan', () => {
  const build = (selection: SelectedTask[], statusId: string | null, text = 'Layout can start.') =>
    buildCommentStatusPlan({ statusId, text }, contextFor(selection));

  it('makes one valid comment operation per task, relying on the status each had', () => {
    const plan = build([tasks[0] as SelectedTask, tasks[1] as SelectedTask], 'wip');
    expect(PlanSchema.parse(plan)).toEqual(plan);
    expect(plan.title).toBe('Comment and set Work In Progress on 2 tasks');
    expect(plan.origin).toEqual({ kind: 'bulk', id: 'comment-status' });
    expect(plan.operations).toEqual([
      {
        id: 'op-1',
        kind: 'comment',
        taskId: 't1',
        taskLabel: 'SQ010 / SH0010 / Layout',
        text: 'Layout can start.',
        statusBefore: 'todo',
        statusAfter: 'wip',
        preconditions: { statusId: 'todo' },
      },
      {
        id: 'op-2',
        kind: 'comment',
        taskId: 't2',
        taskLabel: 'SQ010 / SH0020 / Layout',
        text: 'Layout can start.',
        preconditions: { statusId: 'wip' },
      },
    ]);
  });

  it('fills the template per task: entity, task type and assignees', () => {
    const plan = build(
      [
        tasks[0] as SelectedTask,
        task({ taskId: 't9', entityName: 'SH0090', taskTypeId: 'anim', assigneeIds: ['ana', 'ben'] }),
        tasks[1] as SelectedTask,
      ],
      null,
      '{entity} {task_type}: over to {assignee}. {unknown} stays',
    );
    expect(plan.operations.map((op) => (op.kind === 'comment' ? op.text : ''))).toEqual([
      'SH0010 Layout: over to Ana Lima. {unknown} stays',
      'SH0090 Animation: over to Ana Lima, Ben Ode. {unknown} stays',
      'SH0020 Layout: over to nobody. {unknown} stays',
    ]);
  });

  it('keeps statuses when asked, and refuses an empty selection', () => {
    expect(build([tasks[0] as SelectedTask], null).operations[0]).not.toHaveProperty('statusAfter');
    expect(build([tasks[0] as SelectedTask], null).title).toBe('Comment on 1 task');
    expect(() => build([], 'wip')).toThrow('Select at least one task.');
  });

  it('refuses tasks of several productions in one plan', () => {
    expect(() => build([tasks[0] as SelectedTask, task({ taskId: 'x', projectId: 'p2' })], 'wip')).toThrow(
      /several productions/,
    );
  });
});
