// The second seeded production, "Lune Rousse", has the workflow of a studio that set Kitsu up its own
// way: what the workflow features (status roles, people states, identifying labels, human decisions)
// are proved on. Read back from zou, not from the seed's tables.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TaskStatus } from '../../lib/kitsu';
import { deriveStatusRole } from '../../lib/workflow/status-roles';
import { adminToken, stack, zou } from './stack';

interface Task {
  id: string;
  name: string;
  entity_id: string;
  task_type_id: string;
  task_status_id: string;
  assignees: string[];
  due_date: string | null;
  estimation: number | null;
  end_date: string | null;
}
interface Status {
  id: string;
  name: string;
  short_name: string;
  is_done: boolean;
  is_retake: boolean;
  is_feedback_request: boolean;
  is_wip: boolean;
}
interface Entity {
  id: string;
  name: string;
  parent_id: string | null;
}
interface Person {
  id: string;
  full_name: string;
  active: boolean;
  is_bot: boolean;
  departments: string[];
}
interface ApiEvent {
  name: string;
  user_id: string | null;
  data: { task_id?: string };
}

const studio = stack.studio;
const projectRoute = `/data/projects/${studio.id}`;
const today = new Date().toISOString().slice(0, 10);
const thisYear = new Date().getUTCFullYear();

describe('the studio production (Lune Rousse)', () => {
  let token: string;
  let tasks: Task[];
  let shots: Entity[];
  let roleOf: (task: Task) => string | undefined;

  beforeAll(async () => {
    token = await adminToken();
    tasks = (await zou<Task[]>(token, 'GET', `${projectRoute}/tasks`)).body;
    shots = (await zou<Entity[]>(token, 'GET', `${projectRoute}/shots`)).body;
    roleOf = (task) => studio.statusRoles[task.task_status_id];
  });

  const withRole = (role: string) => tasks.filter((task) => roleOf(task) === role);

  it('holds the recorded numbers of shots, assets and tasks', async () => {
    expect(shots).toHaveLength(studio.counts.shots);
    expect((await zou<unknown[]>(token, 'GET', `${projectRoute}/assets`)).body).toHaveLength(studio.counts.assets);
    expect(tasks).toHaveLength(studio.counts.tasks);
  });

  it('repeats SH0010–SH0080 in every sequence and a sequence name in both episodes', async () => {
    const sequences = (await zou<Entity[]>(token, 'GET', `${projectRoute}/sequences`)).body;
    expect(sequences).toHaveLength(4);
    const expected = ['SH0010', 'SH0020', 'SH0030', 'SH0040', 'SH0050', 'SH0060', 'SH0070', 'SH0080'];
    for (const sequence of sequences) {
      const names = shots.filter((shot) => shot.parent_id === sequence.id).map((shot) => shot.name);
      expect(names.sort()).toEqual(expected);
    }
    const plan = sequences.filter((sequence) => sequence.name === 'SQ01 plan-séquence');
    expect(new Set(plan.map((sequence) => sequence.parent_id)).size).toBe(2);
    // The case: one shot name and task type, four tasks.
    const sh0020 = new Set(shots.filter((shot) => shot.name === 'SH0020').map((shot) => shot.id));
    const roto = tasks.filter(
      (task) => sh0020.has(task.entity_id) && task.task_type_id === studio.noDepartmentTaskTypeId,
    );
    expect(roto).toHaveLength(4);
  });

  it('has names in Latin with accents, CJK, Arabic script and emoji', async () => {
    const [episodes, sequences, assets] = await Promise.all(
      ['episodes', 'sequences', 'assets'].map(
        async (kind) => (await zou<Entity[]>(token, 'GET', `${projectRoute}/${kind}`)).body,
      ),
    );
    const names = [...(episodes ?? []), ...(sequences ?? []), ...(assets ?? [])].map((entity) => entity.name).join(' ');
    expect(names).toMatch(/[À-ÿ]/u);
    expect(names).toMatch(/\p{Script=Han}/u);
    expect(names).toMatch(/\p{Script=Arabic}/u);
    expect(names).toMatch(/\p{Extended_Pictographic}/u);
    // One asset name is long enough to need shortening, and one is used by two asset types.
    expect(Math.max(...(assets ?? []).map((asset) => asset.name.length))).toBeGreaterThan(60);
    expect((assets ?? []).filter((asset) => asset.name === 'Lanterne')).toHaveLength(2);
  });

  it('uses custom statuses whose flags alone do not tell on hold and omitted from todo', async () => {
    const statuses = (await zou<Status[]>(token, 'GET', `${projectRoute}/settings/task-status`)).body;
    expect(statuses.map((status) => status.id).sort()).toEqual(Object.keys(studio.statusRoles).sort());
    const byShort = new Map(statuses.map((status) => [status.short_name, status]));
    for (const short of ['hold', 'omit', 'todo']) {
      expect(byShort.get(short)).toMatchObject({ is_done: false, is_retake: false, is_feedback_request: false });
    }
    expect(byShort.get('rint')).toMatchObject({ name: 'Révision interne', is_feedback_request: true });
    expect(byShort.get('vcli')).toMatchObject({ name: 'Validé client', is_done: true });
    expect(studio.statusRoles[byShort.get('hold')?.id ?? '']).toBe('on-hold');
    expect(studio.statusRoles[byShort.get('omit')?.id ?? '']).toBe('omitted');
  });

  it('gets from Sidekick’s derivation the role the studio means for each of its statuses', async () => {
    const statuses = (await zou<TaskStatus[]>(token, 'GET', `${projectRoute}/settings/task-status`)).body;
    const derived = Object.fromEntries(statuses.map((status) => [status.id, deriveStatusRole(status).role]));
    expect(derived).toEqual(studio.statusRoles);
  });

  it('has on-hold, omitted and done work past its due date, and due dates last year and next year', () => {
    const pastDue = (task: Task) => task.due_date !== null && task.due_date.slice(0, 10) < today;
    expect(withRole('on-hold').filter(pastDue).length).toBeGreaterThanOrEqual(9);
    expect(withRole('omitted').filter(pastDue).length).toBeGreaterThanOrEqual(5);
    expect(withRole('done').filter(pastDue).length).toBeGreaterThanOrEqual(5);
    // Unassigned and without estimate: what "unassigned" and "missing estimates" must not report.
    expect(
      withRole('on-hold').filter((task) => task.assignees.length === 0 && !task.estimation).length,
    ).toBeGreaterThan(4);
    const years = new Set(tasks.map((task) => Number(task.due_date?.slice(0, 4))));
    expect(years).toContain(thisYear - 1);
    expect(years).toContain(thisYear + 1);
    expect(tasks.filter((task) => task.due_date?.slice(0, 10) === today).length).toBeGreaterThan(0);
    for (const role of ['todo', 'wip', 'review', 'retake']) expect(withRole(role).length).toBeGreaterThan(0);
  });

  it('has a shot with two tasks of the same task type, told apart by their task names', () => {
    const counts = new Map<string, Task[]>();
    for (const task of tasks) {
      const key = `${task.entity_id}|${task.task_type_id}`;
      counts.set(key, [...(counts.get(key) ?? []), task]);
    }
    const pairs = [...counts.values()].filter((group) => group.length > 1);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.map((task) => task.name).sort()).toEqual(['cleanup', 'main']);
  });

  it('has a task type without department, an inactive person and a bot with open work, and both Sidekick bots in the team', async () => {
    const taskTypes = (await zou<{ id: string; department_id: string | null }[]>(token, 'GET', '/data/task-types'))
      .body;
    expect(taskTypes.find((taskType) => taskType.id === studio.noDepartmentTaskTypeId)?.department_id).toBeNull();
    const team = (await zou<Person[]>(token, 'GET', `${projectRoute}/team`)).body;
    const member = (id: string) => team.find((person) => person.id === id);
    expect(member(studio.inactivePersonId)).toMatchObject({ active: false, is_bot: false });
    expect(member(studio.botId)).toMatchObject({ active: true, is_bot: true });
    expect(member(studio.noDepartmentPersonId)?.departments).toEqual([]);
    expect(member(stack.bots.writer.id)).toBeDefined();
    expect(member(stack.bots.reader.id)).toBeDefined();
    const open = (personId: string) =>
      tasks.filter((task) => task.assignees.includes(personId) && !['done', 'omitted'].includes(roleOf(task) ?? ''));
    expect(open(studio.inactivePersonId).length).toBeGreaterThanOrEqual(8);
    expect(open(studio.botId).length).toBeGreaterThanOrEqual(4);
  });

  it('has a person off today, read from the production’s days off', async () => {
    const route = `${projectRoute}/day-offs?start_date=${today}&end_date=${today}`;
    const daysOff = (await zou<Record<string, { date: string; end_date: string }[]>>(token, 'GET', route)).body;
    const offToday = Object.entries(daysOff).filter(([, periods]) =>
      periods.some((period) => period.date <= today && today <= period.end_date),
    );
    expect(offToday.map(([personId]) => studio.persons.find((person) => person.id === personId)?.full_name)).toEqual([
      'Inès Duval',
    ]);
  });

  it('records the manager’s own changes to assignees, dates and an estimate in the event log', async () => {
    const [decision] = studio.humanDecisions;
    expect(studio.humanDecisions.map((change) => change.field)).toEqual(['assignees', 'dates', 'estimation']);
    const route = `/data/events/last?project_id=${studio.id}&person_ids=${decision?.personId}&limit=100`;
    const events = (await zou<ApiEvent[]>(token, 'GET', route)).body;
    for (const change of studio.humanDecisions) {
      const names = events.filter((event) => event.data.task_id === change.taskId).map((event) => event.name);
      expect(names).toContain(change.field === 'assignees' ? 'task:unassign' : 'task:update');
    }
    expect(events.every((event) => event.user_id === decision?.personId)).toBe(true);
  });
});
