import { describe, expect, it, vi } from 'vitest';
import { bulkChoices, bulkPlan, bulkScopeOf, bulkSelection } from '../../lib/bulk/service';
import type { Session } from '../../lib/connections/session';
import { parseKitsuUrl } from '../../lib/kitsu-routes';
import { PlanRefusal } from '../../lib/plans/flow';

const HOST = 'https://kitsu.studio.example';
const PRODUCTION = '9b1c6f2e-4f5a-4c8e-9d0a-1b2c3d4e5f60';
const listTask = (id: string, fields: Record<string, unknown> = {}) => ({
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
const shot = (id: string, sequence: string, tasks: ReturnType<typeof listTask>[]) => ({
  id,
  name: id.toUpperCase(),
  canceled: false,
  episode_id: null,
  sequence_id: sequence,
  sequence_name: sequence.toUpperCase(),
  tasks,
});

function session(
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

const scope = bulkScopeOf(parseKitsuUrl(`${HOST}/productions/${PRODUCTION}/shots`));
if (!scope) throw new Error('a shot list is a bulk scope');
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
    expect(answer.sample).toEqual(['SH0 / Layout', 'SH1 / Layout', 'SH2 / Layout', 'SH3 / Layout', 'SH4 / Layout']);
    expect(answer.warnings).toEqual(['501 tasks: more than 500. Check the filters before building a plan this large.']);
    expect((await bulkSelection(session('supervisor').session, scope, { assignee: 'unassigned' })).count).toBe(1);
  });

  it('refuses an operation the role may not run, an unknown one, an empty selection and bad input', async () => {
    const artist = session('user').session;
    await expect(
      bulkPlan(artist, scope, { operationId: 'assign', filter: {}, input: { personId: 'ben' } }, options),
    ).rejects.toThrow(new PlanRefusal('Sidekick’s Kitsu role cannot assign a person.'));
    const supervisor = session('supervisor').session;
    await expect(
      bulkPlan(supervisor, scope, { operationId: 'delete-all', filter: {}, input: {} }, options),
    ).rejects.toThrow(PlanRefusal);
    await expect(
      bulkPlan(
        supervisor,
        scope,
        { operationId: 'comment', filter: { text: 'nothing' }, input: { text: 'Hi' } },
        options,
      ),
    ).rejects.toThrow('No task on this page matches these filters.');
    await expect(
      bulkPlan(supervisor, scope, { operationId: 'set-priority', filter: {}, input: { priority: 9 } }, options),
    ).rejects.toThrow(PlanRefusal);
  });

  it("reads Kitsu's day-offs for a shift only, and skips them", async () => {
    const { session: supervisor, projectDayOffs } = session('supervisor');
    await bulkPlan(supervisor, scope, { operationId: 'set-priority', filter: {}, input: { priority: 1 } }, options);
    expect(projectDayOffs).not.toHaveBeenCalled();
    const plan = await bulkPlan(
      supervisor,
      scope,
      { operationId: 'set-dates', filter: { sequenceId: 'sq1' }, input: { mode: 'shift', days: 1, fields: ['due'] } },
      options,
    );
    expect(projectDayOffs).toHaveBeenCalledWith(PRODUCTION, { startDate: '2026-09-26', endDate: '2027-01-28' });
    // Friday 27 + 1 working day: Monday 30 is Ana's day off, so Tuesday 1 December.
    expect(plan.operations).toEqual([
      expect.objectContaining({ taskId: 't1', due: { before: '2026-11-27', after: '2026-12-01' } }),
    ]);
  });
});
