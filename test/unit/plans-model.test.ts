import { describe, expect, it } from 'vitest';
import { OperationSchema, PlanSchema } from '../../lib/plans/model';
import { op, plan, STATUS } from '../../lib/plans/testing/fixtures';

describe('PlanSchema', () => {
  it('accepts a well-formed plan', () => {
    const valid = plan([
      op.comment('c1', 't1', 'Approved', { from: STATUS.wip, to: STATUS.done }),
      op.priority('p1', 't1', 0, 1),
    ]);
    expect(PlanSchema.parse(valid)).toEqual(valid);
  });

  it('refuses duplicate operation ids, empty plans and hosts that are not bare origins', () => {
    expect(PlanSchema.safeParse(plan([op.priority('x', 't1', 0, 1), op.priority('x', 't2', 0, 1)])).success).toBe(
      false,
    );
    expect(PlanSchema.safeParse(plan([])).success).toBe(false);
    for (const host of ['https://kitsu.example/api', 'javascript:alert(1)', 'kitsu.example']) {
      expect(PlanSchema.safeParse(plan([op.priority('p', 't1', 0, 1)], { host })).success).toBe(false);
    }
  });

  it('refuses unknown fields, a half status change, empty comments and empty date changes', () => {
    const comment = op.comment('c1', 't1', 'Text');
    expect(OperationSchema.safeParse({ ...comment, extra: 1 }).success).toBe(false);
    expect(OperationSchema.safeParse({ ...comment, statusAfter: STATUS.done }).success).toBe(false);
    expect(OperationSchema.safeParse({ ...comment, text: '   ' }).success).toBe(false);
    const dates = op.due('d1', 't1', null, '2027-01-01');
    expect(OperationSchema.safeParse({ ...dates, due: undefined }).success).toBe(false);
    expect(OperationSchema.safeParse({ ...dates, due: { before: null, after: '01/02/2027' } }).success).toBe(false);
  });

  it('refuses preconditions outside the known fields', () => {
    const priority = op.priority('p1', 't1', 0, 1);
    expect(OperationSchema.safeParse({ ...priority, preconditions: { color: 'red' } }).success).toBe(false);
    expect(OperationSchema.safeParse({ ...priority, after: -1 }).success).toBe(false);
  });
});
