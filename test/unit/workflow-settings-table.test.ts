import { describe, expect, it, vi } from 'vitest';
import { createConnectionHandlers } from '../../lib/connections/handlers';
import { ConnectionRefusal, type ConnectionService } from '../../lib/connections/service';
import type { Session } from '../../lib/connections/session';
import { createWorkflowService } from '../../lib/connections/workflow-service';
import type { TaskStatus } from '../../lib/kitsu';
import { type WorkflowView, workflowView } from '../../lib/messaging/protocol';
import { DEFAULT_HOST_WORKFLOW, type HostWorkflowSettings } from '../../lib/workflow/host-settings';
import { overridesFromChoices, statusRoleRows, tasksPerStatus } from '../../lib/workflow/status-table';
import { from, KITSU, refused, routeTo } from './handler-harness';

/** The table an answer carries, parsed as the options page parses it. */
const tableOf = (answer: { ok: boolean; data?: unknown }): WorkflowView => {
  expect(answer.ok).toBe(true);
  return workflowView.parse(answer.data);
};

const status = (id: string, name: string, short_name: string, flags: Partial<TaskStatus> = {}): TaskStatus => ({
  id,
  name,
  short_name,
  color: '#888888',
  is_done: false,
  is_retake: false,
  is_feedback_request: false,
  ...flags,
});

const STATUSES: TaskStatus[] = [
  status('hold', 'En pause', 'hold', { priority: 3 }),
  status('todo', 'Todo', 'todo', { priority: 1 }),
  status('done', 'Done', 'done', { is_done: true, priority: 2 }),
  status('wfa', 'Waiting For Approval', 'wfa', { is_feedback_request: true, priority: 2 }),
  status('gone', 'Old', 'old', { archived: true }),
];

// zou's open-task totals: per production, then per task type and status.
const STATS = {
  p1: {
    task_types: [
      { task_status_id: 'hold', task_type_id: 'anim', amount: 9 },
      { task_status_id: 'todo', task_type_id: 'anim', amount: 20 },
      { task_status_id: 'todo', task_type_id: 'comp', amount: 5 },
    ],
  },
  p2: { task_types: [{ task_status_id: 'hold', task_type_id: 'anim', amount: 1 }] },
};

describe('the options page’s status-role table', () => {
  it('sums each status’s tasks over productions and task types', () => {
    expect([...tasksPerStatus(STATS)]).toEqual([
      ['hold', 10],
      ['todo', 25],
    ]);
  });

  it('lists statuses in Kitsu’s order with their role, its source, what Kitsu gives and the task count', () => {
    const rows = statusRoleRows(STATUSES.slice(0, 4), { todo: 'on-hold' }, tasksPerStatus(STATS));
    expect(rows.map((row) => [row.name, row.role, row.source, row.derivedRole, row.tasks])).toEqual([
      ['Todo', 'on-hold', 'override', 'todo', 25],
      ['Done', 'done', 'flag', 'done', 0],
      ['Waiting For Approval', 'review', 'flag', 'review', 0],
      ['En pause', 'on-hold', 'name', 'on-hold', 10],
    ]);
    expect(statusRoleRows(STATUSES.slice(0, 1), {}, null)[0]?.tasks).toBeNull();
  });

  it('stores only the choices that differ from Kitsu’s, for statuses the host still has', () => {
    expect(overridesFromChoices(STATUSES, { hold: 'on-hold', todo: 'omitted', done: 'done', vanished: 'wip' })).toEqual(
      { todo: 'omitted' },
    );
  });
});

function setup({ stats = async () => STATS as unknown } = {}) {
  let stored: HostWorkflowSettings = DEFAULT_HOST_WORKFLOW;
  const session = {
    reads: { taskStatuses: vi.fn(async () => STATUSES) },
    client: { openTasksStats: vi.fn(stats) },
  } as unknown as Session;
  const save = vi.fn(async (_origin: string, settings: HostWorkflowSettings) => {
    stored = settings;
  });
  const workflow = createWorkflowService({
    hostSession: async (origin) => {
      if (origin !== KITSU) throw new ConnectionRefusal(`${origin} has no connection any more.`);
      return session;
    },
    read: async () => stored,
    save,
  });
  const route = routeTo(createConnectionHandlers({} as ConnectionService, workflow));
  return { route, save };
}

describe('workflow settings through the background', () => {
  it('shows the host’s live statuses (archived ones left out) with their task counts', async () => {
    const { route } = setup();
    const table = tableOf(await route({ type: 'connections/workflow', origin: KITSU }, from.optionsPage));
    expect(table.statuses.map((row) => `${row.shortName}:${row.role}:${row.tasks}`)).toEqual([
      'todo:todo:25',
      'done:done:0',
      'wfa:review:0',
      'hold:on-hold:10',
    ]);
    expect(table.timeZone).toBeNull();
  });

  it('keeps the table when Kitsu refuses the counts to this token', async () => {
    const { route } = setup({ stats: async () => Promise.reject(new Error('403')) });
    const table = tableOf(await route({ type: 'connections/workflow', origin: KITSU }, from.optionsPage));
    expect(table.statuses.map((row) => row.tasks)).toEqual([null, null, null, null]);
  });

  it('saves the person’s differing choices and the time zone, and answers with the new table', async () => {
    const { route, save } = setup();
    const table = tableOf(
      await route(
        {
          type: 'connections/save-workflow',
          origin: KITSU,
          roles: { hold: 'on-hold', wfa: 'wip' },
          timeZone: 'Europe/Paris',
        },
        from.optionsPage,
      ),
    );
    expect(save).toHaveBeenCalledWith(KITSU, { statusRoles: { wfa: 'wip' }, timeZone: 'Europe/Paris' });
    expect(table.statuses.find((row) => row.statusId === 'wfa')).toMatchObject({
      role: 'wip',
      source: 'override',
      derivedRole: 'review',
    });
    expect(table.timeZone).toBe('Europe/Paris');
  });

  it('refuses a time zone the browser does not know, saving nothing', async () => {
    const { route, save } = setup();
    const answer = await route(
      { type: 'connections/save-workflow', origin: KITSU, roles: {}, timeZone: 'Mars/Olympus' },
      from.optionsPage,
    );
    expect(answer).toEqual(refused('“Mars/Olympus” is not a time zone this browser knows (for example Europe/Paris).'));
    expect(save).not.toHaveBeenCalled();
  });

  it('answers only the extension’s pages: a Kitsu page can neither read nor change roles', async () => {
    const { route, save } = setup();
    const asked = await route({ type: 'connections/workflow', origin: KITSU }, from.kitsuTab);
    const saved = await route(
      { type: 'connections/save-workflow', origin: KITSU, roles: { todo: 'done' }, timeZone: null },
      from.kitsuTab,
    );
    expect([asked.ok, saved.ok]).toEqual([false, false]);
    expect(save).not.toHaveBeenCalled();
  });
});
