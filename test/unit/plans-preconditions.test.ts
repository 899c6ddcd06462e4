import { describe, expect, it } from 'vitest';
import { checkPreconditions } from '../../lib/plans/preconditions';
import { op, PERSON, PERSONS, STATUS, STATUSES, task } from '../../lib/plans/testing/fixtures';

const names = {
  status: (id: string) => STATUSES.find((status) => status.id === id)?.name,
  person: (id: string) => PERSONS.find((person) => person.id === id)?.full_name,
};

describe('checkPreconditions', () => {
  it('passes when the checked fields are unchanged, ignoring the others', () => {
    const operation = op.comment('c1', 't1', 'Approved', { from: STATUS.wip, to: STATUS.done });
    expect(checkPreconditions(operation, task('t1', { priority: 3, assignees: [PERSON.ana] }))).toEqual({ ok: true });
  });

  it('reports a status change with names and who made it', () => {
    const operation = op.comment('c1', 't1', 'Approved', { from: STATUS.wip, to: STATUS.done });
    const current = task('t1', { task_status_id: STATUS.done });
    const latestComment = { task_status_id: STATUS.done, person_id: PERSON.ana, created_at: '2026-11-20T10:00:00' };
    expect(checkPreconditions(operation, current, { ...names, latestComment })).toEqual({
      ok: false,
      changes: [{ field: 'statusId', expected: STATUS.wip, actual: STATUS.done }],
      changedBy: 'Ana Lima',
      reason: 'Status changed from WIP to Done since the preview (by Ana Lima)',
    });
  });

  it('does not name a commenter whose comment did not set the current status', () => {
    const operation = op.comment('c1', 't1', 'Approved', { from: STATUS.wip, to: STATUS.done });
    const latestComment = { task_status_id: STATUS.wip, person_id: PERSON.ana, created_at: '2026-11-20T10:00:00' };
    const result = checkPreconditions(operation, task('t1', { task_status_id: STATUS.done }), { latestComment });
    expect(result).toMatchObject({
      ok: false,
      reason: `Status changed from ${STATUS.wip} to ${STATUS.done} since the preview`,
    });
    expect(result).not.toHaveProperty('changedBy');
  });

  it('compares assignees as sets and names the assigner of an added person', () => {
    const operation = op.assign('a1', 't1', PERSON.ana, [PERSON.ben, PERSON.chloe]);
    expect(checkPreconditions(operation, task('t1', { assignees: [PERSON.chloe, PERSON.ben] }))).toEqual({ ok: true });
    const result = checkPreconditions(
      operation,
      task('t1', { assignees: [PERSON.ben], assigner_id: PERSON.dan }),
      names,
    );
    expect(result).toMatchObject({
      ok: false,
      reason: 'Assignees changed from Ben Ode, Chloe Dubois to Ben Ode since the preview',
    });
    const added = checkPreconditions(
      op.assign('a2', 't1', PERSON.ana),
      task('t1', { assignees: [PERSON.ben], assigner_id: PERSON.dan }),
      names,
    );
    expect(added).toMatchObject({ changedBy: 'Dan Park' });
  });

  it('compares dates by day, as zou answers a date with a time', () => {
    const operation = op.due('d1', 't1', '2026-12-01', '2026-12-08');
    expect(checkPreconditions(operation, task('t1', { due_date: '2026-12-01T00:00:00' }))).toEqual({ ok: true });
    expect(checkPreconditions(operation, task('t1', { due_date: '2026-12-02T00:00:00' }))).toMatchObject({
      ok: false,
      reason: 'Due date changed from 2026-12-01 to 2026-12-02 since the preview',
    });
    expect(checkPreconditions(operation, task('t1', { due_date: null }))).toMatchObject({
      reason: 'Due date changed from 2026-12-01 to none since the preview',
    });
  });

  it('lists every changed field, estimate, priority and a new comment included', () => {
    const operation = op.estimate('e1', 't1', 480, 960);
    operation.preconditions = { ...operation.preconditions, priority: 0, lastCommentDate: null };
    const result = checkPreconditions(
      operation,
      task('t1', { estimation: 600, priority: 2, last_comment_date: '2026-11-20T10:00:00' }),
    );
    expect(result).toMatchObject({
      ok: false,
      reason:
        'Estimate changed from 480 min to 600 min; Priority changed from 0 to 2; A new comment was posted since the preview',
    });
    if (!result.ok)
      expect(result.changes.map((change) => change.field)).toEqual(['estimation', 'priority', 'lastCommentDate']);
  });

  it("replaces expectations with what the job's own earlier operations wrote", () => {
    const operation = op.comment('c2', 't1', 'Approved', { from: STATUS.wip, to: STATUS.done });
    const current = task('t1', { task_status_id: STATUS.wfa });
    expect(checkPreconditions(operation, current).ok).toBe(false);
    expect(checkPreconditions(operation, current, { overlay: { statusId: STATUS.wfa, priority: 3 } })).toEqual({
      ok: true,
    });
  });
});
