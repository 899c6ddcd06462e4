import { describe, expect, it } from 'vitest';
import { bulkChoices, bulkPlan, bulkSelection } from '../../lib/bulk/service';
import { PlanRefusal } from '../../lib/plans/flow';
import { listTask, PRODUCTION, scope, session, shot } from './bulk-fixtures';

const options = { planId: 'plan-1', now: new Date('2026-11-25T10:00:00Z') };

describe('bulk service', () => {
  it('offers the operations of the token role, the team and the sequences', async () => {
    const choices = await bulkChoices(session('user').session, scope);
    expect(choices.operations.map((operation) => operation.id)).toEqual(['comment-status', 'comment']);
    expect(choices.persons).toEqual([
      { id: 'ana', name: 'Ana Lima' },
      { id: 'ben', name: 'Ben Ode' },
    ]);
    expect(choices.sequences).toEqual([
      { id: 'sq1', name: 'SQ1' },
      { id: 'sq2', name: 'SQ2' },
    ]);
    expect(choices.departments).toEqual([{ id: 'dep-layout', name: 'Layout' }]);
  });

  it('counts the selection with a sample, and warns above the threshold', async () => {
    const many = Array.from({ length: 501 }, (_, index) => shot(`sh${index}`, 'sq1', [listTask(`t${index}`)]));
    const answer = await bulkSelection(session('supervisor', many).session, scope, { departmentId: 'dep-layout' });
    expect(answer.count).toBe(501);
    expect(answer.sample).toEqual([
      'SQ1 / SH0 / Layout',
      'SQ1 / SH1 / Layout',
      'SQ1 / SH2 / Layout',
      'SQ1 / SH3 / Layout',
      'SQ1 / SH4 / Layout',
    ]);
    expect(answer.warnings).toEqual(['501 tasks: more than 500. Check the filters before building a plan this large.']);
    expect((await bulkSelection(session('supervisor').session, scope, { assignee: 'unassigned' })).count).toBe(1);
  });

  it('refuses an operation the role may not run, an unknown one, an empty selection and bad input', async () => {
    const artist = session('user').session;
    await expect(
      bulkPlan(artist, scope, { operationId: 'assign', filter: {}, values: { person: 'ben' } }, options),
    ).rejects.toThrow(new PlanRefusal('Sidekick’s Kitsu role cannot assign a person.'));
    const supervisor = session('supervisor').session;
    await expect(
      bulkPlan(supervisor, scope, { operationId: 'delete-all', filter: {}, values: {} }, options),
    ).rejects.toThrow(PlanRefusal);
    await expect(
      bulkPlan(
        supervisor,
        scope,
        { operationId: 'comment', filter: { text: 'nothing' }, values: { text: 'Hi' } },
        options,
      ),
    ).rejects.toThrow('No task on this page matches these filters.');
    await expect(
      bulkPlan(supervisor, scope, { operationId: 'set-priority', filter: {}, values: { priority: '9' } }, options),
    ).rejects.toThrow(new PlanRefusal('“priority” is not a valid input of “Set priority”.'));
    await expect(
      bulkPlan(supervisor, scope, { operationId: 'set-dates', filter: {}, values: { shiftDays: '0' } }, options),
    ).rejects.toThrow(new PlanRefusal('Shift by at least one working day.'));
    await expect(
      bulkPlan(supervisor, scope, { operationId: 'comment', filter: {}, values: { text: ' ' } }, options),
    ).rejects.toThrow(new PlanRefusal('Write the comment.'));
  });

  it("reads Kitsu's day-offs for a shift only, and skips them", async () => {
    const { session: supervisor, projectDayOffs } = session('supervisor');
    await bulkPlan(supervisor, scope, { operationId: 'set-priority', filter: {}, values: { priority: '1' } }, options);
    expect(projectDayOffs).not.toHaveBeenCalled();
    const plan = await bulkPlan(
      supervisor,
      scope,
      {
        operationId: 'set-dates',
        filter: { sequenceId: 'sq1' },
        values: { datesMode: 'shift', shiftDays: '1', shiftStart: false, shiftDue: true },
      },
      options,
    );
    expect(projectDayOffs).toHaveBeenCalledWith(PRODUCTION, { startDate: '2026-09-26', endDate: '2027-01-28' });
    // Friday 27 + 1 working day: Monday 30 is Ana's day off, so Tuesday 1 December.
    expect(plan.operations).toEqual([
      expect.objectContaining({ taskId: 't1', due: { before: '2026-11-27', after: '2026-12-01' } }),
    ]);
  });
});
