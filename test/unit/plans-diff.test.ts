import { describe, expect, it } from 'vitest';
import { diffPlan, formatEstimate, priorityLabel } from '../../lib/plans/diff';
import { op, PERSON, PERSONS, plan, STATUS, STATUSES } from '../../lib/plans/testing/fixtures';

const names = { statuses: STATUSES, persons: PERSONS };

describe('diffPlan', () => {
  it('groups readable lines by task with counts', () => {
    const diff = diffPlan(
      plan([
        op.comment('c1', 't1', 'Approved', { from: STATUS.wip, to: STATUS.done }),
        op.assign('a1', 't1', PERSON.ana, [PERSON.ben]),
        op.priority('p1', 't2', 0, 3),
      ]),
      names,
    );
    expect(diff.operationCount).toBe(3);
    expect(diff.countsByKind).toEqual({ comment: 1, assign: 1, 'set-priority': 1 });
    expect(
      diff.tasks.map((task) => [task.taskLabel, task.operationCount, task.lines.map((line) => line.text)]),
    ).toEqual([
      ['t1 / Animation', 2, ['Status: WIP → Done', 'Comment: Approved', 'Assign Ana Lima']],
      ['t2 / Animation', 1, ['Priority: Normal → Emergency']],
    ]);
    expect(diff.tasks[0]?.lines[2]).toMatchObject({
      before: 'Ben Ode',
      after: 'Ben Ode, Ana Lima',
      field: 'assignees',
    });
  });

  it('shows a comment without status change as a comment only', () => {
    const diff = diffPlan(plan([op.comment('c1', 't1', 'Just a note')]), names);
    expect(diff.tasks[0]?.lines).toEqual([
      { operationId: 'c1', kind: 'comment', field: 'comment', text: 'Comment: Just a note', after: 'Just a note' },
    ]);
  });

  it('describes unassign, clear, dates, estimates and comment deletions', () => {
    const remove = {
      id: 'r1',
      taskId: 't5',
      taskLabel: 't5 / Animation',
      preconditions: {},
      kind: 'delete-comment' as const,
      commentId: 'cm1',
      text: 'Approved',
      statusBefore: STATUS.wip,
    };
    const diff = diffPlan(
      plan([
        op.unassign('u1', 't1', PERSON.ben, [PERSON.ana, PERSON.ben]),
        op.clear('x1', 't2', [PERSON.ana]),
        op.due('d1', 't3', null, '2027-01-04T00:00:00'),
        op.estimate('e1', 't4', 480, 1500),
        remove,
      ]),
      { ...names, hoursPerDay: 8 },
    );
    expect(diff.tasks.flatMap((task) => task.lines.map((line) => line.text))).toEqual([
      'Unassign Ben Ode',
      'Assignees: Ana Lima → nobody',
      'Due date: none → 2027-01-04',
      'Estimate: 1 d → 3 d 1 h',
      "Delete Sidekick's comment: Approved",
      'Status recomputed by Kitsu from the remaining comments (was WIP)',
    ]);
    expect(diff.tasks[0]?.lines[0]).toMatchObject({ before: 'Ana Lima, Ben Ode', after: 'Ana Lima' });
  });

  it('falls back to ids for unknown names', () => {
    const diff = diffPlan(plan([op.assign('a1', 't1', 'person-unknown')]), names);
    expect(diff.tasks[0]?.lines[0]?.text).toBe('Assign person-unknown');
  });
});

describe('formats', () => {
  it('shows estimates in days and hours of the working day', () => {
    expect(formatEstimate(null)).toBe('none');
    expect(formatEstimate(0)).toBe('0 min');
    expect(formatEstimate(20)).toBe('20 min');
    expect(formatEstimate(90)).toBe('1.5 h');
    expect(formatEstimate(480)).toBe('1 d');
    expect(formatEstimate(720, 8)).toBe('1 d 4 h');
    expect(formatEstimate(720, 6)).toBe('2 d');
  });

  it('labels priorities as Kitsu does', () => {
    expect([0, 1, 2, 3, 7].map(priorityLabel)).toEqual(['Normal', 'High', 'Very high', 'Emergency', 'Priority 7']);
  });
});
