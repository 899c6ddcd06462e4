// Assign and replace may tell the new assignee with a comment that @mentions them (Kitsu sends no
// notification on assignment); without a notice they post nothing; labels tell repeated shots apart.
import { describe, expect, it } from 'vitest';
import { bulkOperation } from '../../lib/bulk/service';
import { contextFor, task } from './bulk-fixtures';

const selection = [
  task({ taskId: 't1', entityName: 'SH0020', sequenceName: 'SQ010' }),
  task({ taskId: 't2', entityName: 'SH0020', sequenceName: 'SQ020', assigneeIds: ['ana'] }),
];

const planOf = (id: string, values: Record<string, unknown>) => {
  const operation = bulkOperation(id);
  if (!operation) throw new Error(`no ${id}`);
  return operation.plan(operation.inputOf(values), contextFor(selection));
};

describe('notice to the new assignee', () => {
  it('assign posts, after each assignment, a comment mentioning the person when a notice is written', () => {
    const plan = planOf('assign', { person: 'ben', notice: 'this one is yours now, thanks!' });
    expect(plan.operations.map((op) => [op.kind, op.taskId, op.taskLabel])).toEqual([
      ['assign', 't1', 'SQ010 / SH0020 / Layout'],
      ['comment', 't1', 'SQ010 / SH0020 / Layout'],
      ['assign', 't2', 'SQ020 / SH0020 / Layout'],
      ['comment', 't2', 'SQ020 / SH0020 / Layout'],
    ]);
    expect(plan.operations[1]).toMatchObject({ text: '@Ben Ode this one is yours now, thanks!' });
  });

  it('posts no comment without a notice', () => {
    expect(planOf('assign', { person: 'ben' }).operations.map((op) => op.kind)).toEqual(['assign', 'assign']);
    expect(planOf('assign', { person: 'ben', notice: '   ' }).operations.map((op) => op.kind)).toEqual([
      'assign',
      'assign',
    ]);
  });

  it('replace tells the person who takes over, only where they were added', () => {
    const plan = planOf('replace-assignee', { personFrom: 'ana', personTo: 'chloe', notice: 'over to you' });
    expect(plan.operations.map((op) => [op.kind, op.taskId])).toEqual([
      ['assign', 't2'],
      ['unassign', 't2'],
      ['comment', 't2'],
    ]);
    expect(plan.operations[2]).toMatchObject({ text: '@Chloe Dubois over to you' });
  });
});
