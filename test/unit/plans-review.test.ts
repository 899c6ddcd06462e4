import { describe, expect, it } from 'vitest';
import {
  filterChoices,
  filterRows,
  groupRows,
  NO_FILTER,
  planColumns,
  planSummary,
  resultsByTask,
  reviewRows,
} from '../../lib/plans/review';
import { planPreview, previewTask } from './support/plan-preview';

const statusLine = (before: string, after: string) => ({
  field: 'status',
  text: `Status: ${before} → ${after}`,
  before,
  after,
});
const comment = (text: string) => ({ field: 'comment', text: `Comment: ${text}`, after: text });
const assign = (before: string[], after: string[]) => ({
  field: 'assignees',
  text: 'Assign',
  before: before.join(', '),
  after: after.join(', '),
  people: { before, after },
});

const plan = planPreview({
  tasks: [
    previewTask('SH010', {
      lines: [statusLine('Todo', 'WIP'), comment('Go')],
      assignees: ['Ana Lima'],
      notified: ['Ana Lima'],
    }),
    previewTask('SH020', { lines: [assign([], ['Ben Ode'])], status: 'WIP', hashtagCopies: ['Animation'] }),
    previewTask('SH030', {
      lines: [comment('Later')],
      assignees: ['Ana Lima'],
      notified: ['Ana Lima'],
      blocked: 'no right',
    }),
  ],
  notifiedPeople: [{ name: 'Ana Lima', operations: 2 }],
  blockedCount: 1,
});

describe('the confirm window’s table as data', () => {
  it('makes one row per task with its cells per field, its status after and who it concerns', () => {
    const [first, second] = reviewRows(plan);
    expect(first?.fields).toEqual(['status', 'comment']);
    expect(first?.statusAfter).toBe('WIP');
    expect(first?.people).toEqual(['Ana Lima']);
    expect(second?.assignees).toEqual(['Ben Ode']);
    expect(second?.statusAfter).toBeNull();
  });

  it('has one column per field some task changes, in Kitsu’s reading order', () => {
    expect(planColumns(reviewRows(plan))).toEqual(['status', 'assignees', 'comment']);
  });

  it('filters by change kind, by status (now or after) and by person', () => {
    const rows = reviewRows(plan);
    const ids = (filter: Partial<typeof NO_FILTER>) =>
      filterRows(rows, { ...NO_FILTER, ...filter }).map((row) => row.taskId);
    expect(ids({})).toEqual(['SH010', 'SH020', 'SH030']);
    expect(ids({ kind: 'comment' })).toEqual(['SH010', 'SH030']);
    expect(ids({ status: 'WIP' })).toEqual(['SH010', 'SH020']);
    expect(ids({ person: 'Ben Ode' })).toEqual(['SH020']);
    expect(ids({ kind: 'comment', person: 'Ben Ode' })).toEqual([]);
  });

  it('offers each filter’s choices with the number of tasks each keeps', () => {
    const choices = filterChoices(reviewRows(plan));
    expect(choices.kinds).toEqual([
      { value: 'status', count: 1 },
      { value: 'assignees', count: 1 },
      { value: 'comment', count: 2 },
    ]);
    expect(choices.statuses).toEqual([
      { value: 'Todo', count: 2 },
      { value: 'WIP', count: 2 },
    ]);
    expect(choices.people).toEqual([
      { value: 'Ana Lima', count: 2 },
      { value: 'Ben Ode', count: 1 },
    ]);
  });

  it('groups each task once, by its kinds of change, its status move or its assignees', () => {
    const rows = reviewRows(plan);
    const groups = (by: Parameters<typeof groupRows>[1]) =>
      groupRows(rows, by).map((group) => [group.label, group.rows.map((row) => row.taskId)]);
    expect(groups('none')).toEqual([['', ['SH010', 'SH020', 'SH030']]]);
    expect(groups('kind')).toEqual([
      ['Status + Comment', ['SH010']],
      ['Assignees', ['SH020']],
      ['Comment', ['SH030']],
    ]);
    expect(groups('status')).toEqual([
      ['Todo → WIP', ['SH010']],
      ['WIP', ['SH020']],
      ['Todo', ['SH030']],
    ]);
    expect(groups('person')).toEqual([
      ['Ana Lima', ['SH010', 'SH030']],
      ['Ben Ode', ['SH020']],
    ]);
  });

  it('sums the plan up: tasks, comments, status changes, people notified, side effects, skipped', () => {
    expect(planSummary(plan)).toEqual({
      tasks: 3,
      comments: 2,
      statusChanges: 1,
      peopleNotified: 1,
      sideEffects: 1,
      skipped: 1,
    });
  });

  it('gives each task the result that needs attention first among its items', () => {
    const results = resultsByTask([
      { taskId: 'a', state: 'applied', reason: null },
      { taskId: 'a', state: 'failed', reason: 'zou said 500' },
      { taskId: 'a', state: 'applied', reason: null },
      { taskId: 'b', state: 'applied', reason: null },
      { state: 'failed', reason: 'no task id' },
    ]);
    expect(Object.fromEntries(results)).toEqual({
      a: { state: 'failed', reason: 'zou said 500' },
      b: { state: 'applied', reason: null },
    });
  });
});
