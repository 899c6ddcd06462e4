// A small production for the plan tests: statuses, people, task types and
// tasks shaped like zou's, plus builders for plans and operations.
import type { Task } from '../../kitsu';
import type { Operation, OperationOf, Plan } from '../model';
import type { FakeKitsuSeed, FakePerson, FakeStatus } from './fake-kitsu';

export const PROJECT = 'project-1';
export const HOST = 'https://kitsu.studio.example';

export const STATUS = { todo: 'st-todo', wip: 'st-wip', wfa: 'st-wfa', done: 'st-done', retake: 'st-retake' } as const;
export const STATUSES: FakeStatus[] = [
  { id: STATUS.todo, name: 'Todo', short_name: 'todo', color: '#f5f5f5', is_default: true, is_artist_allowed: true },
  { id: STATUS.wip, name: 'WIP', short_name: 'wip', color: '#3273dc', is_artist_allowed: true },
  { id: STATUS.wfa, name: 'Waiting For Approval', short_name: 'wfa', color: '#ab26ff', is_artist_allowed: true },
  {
    id: STATUS.done,
    name: 'Done',
    short_name: 'done',
    color: '#22d160',
    is_artist_allowed: false,
    is_client_allowed: true,
  },
  {
    id: STATUS.retake,
    name: 'Retake',
    short_name: 'retake',
    color: '#ff3860',
    is_retake: true,
    is_artist_allowed: false,
  },
];

export const DEPT = { animation: 'dep-anim', layout: 'dep-layout' } as const;
export const DEPARTMENTS = [
  { id: DEPT.animation, name: 'Animation' },
  { id: DEPT.layout, name: 'Layout' },
];
export const TASK_TYPES = [
  { id: 'tt-anim', name: 'Animation', department_id: DEPT.animation },
  { id: 'tt-layout', name: 'Layout', department_id: DEPT.layout },
  { id: 'tt-comp', name: 'Compositing', department_id: null },
];

export const BOT = 'person-bot';
export const PERSON = { ana: 'person-ana', ben: 'person-ben', chloe: 'person-chloe', dan: 'person-dan' } as const;
export const PERSONS: FakePerson[] = [
  { id: BOT, full_name: 'Sidekick Writer', departments: [], is_bot: true },
  { id: PERSON.ana, full_name: 'Ana Lima', departments: [DEPT.animation] },
  { id: PERSON.ben, full_name: 'Ben Ode', departments: [DEPT.layout] },
  { id: PERSON.chloe, full_name: 'Chloe Dubois', departments: [DEPT.animation] },
  { id: PERSON.dan, full_name: 'Dan Park', departments: [] },
];

export function task(id: string, fields: Partial<Task> = {}): Task {
  return {
    id,
    name: 'main',
    project_id: PROJECT,
    task_type_id: 'tt-anim',
    task_status_id: STATUS.wip,
    entity_id: `entity-${id}`,
    assignees: [],
    assigner_id: null,
    priority: 0,
    difficulty: 3,
    estimation: null,
    duration: 0,
    retake_count: 0,
    start_date: null,
    due_date: null,
    last_comment_date: null,
    ...fields,
  };
}

export function fakeSeed(tasks: Task[], overrides: Partial<FakeKitsuSeed> = {}): FakeKitsuSeed {
  return {
    projectId: PROJECT,
    caller: { id: BOT, role: 'supervisor', departments: [] },
    persons: PERSONS,
    taskTypes: TASK_TYPES,
    statuses: STATUSES,
    tasks,
    ...overrides,
  };
}

type Base = Pick<Operation, 'id' | 'taskId' | 'taskLabel' | 'preconditions'>;
const base = (id: string, taskId: string, preconditions: Operation['preconditions'] = {}): Base => ({
  id,
  taskId,
  taskLabel: `${taskId} / Animation`,
  preconditions,
});

export const op = {
  comment: (
    id: string,
    taskId: string,
    text: string,
    status?: { from: string; to: string },
  ): OperationOf<'comment'> => ({
    ...base(id, taskId, status ? { statusId: status.from } : {}),
    kind: 'comment',
    text,
    ...(status ? { statusBefore: status.from, statusAfter: status.to } : {}),
  }),
  assign: (id: string, taskId: string, personId: string, before: string[] = []): OperationOf<'assign'> => ({
    ...base(id, taskId, { assigneeIds: before }),
    kind: 'assign',
    personId,
    assigneesBefore: before,
  }),
  unassign: (id: string, taskId: string, personId: string, before: string[]): OperationOf<'unassign'> => ({
    ...base(id, taskId, { assigneeIds: before }),
    kind: 'unassign',
    personId,
    assigneesBefore: before,
  }),
  clear: (id: string, taskId: string, before: string[]): OperationOf<'clear-assignation'> => ({
    ...base(id, taskId, { assigneeIds: before }),
    kind: 'clear-assignation',
    assigneesBefore: before,
  }),
  due: (id: string, taskId: string, before: string | null, after: string | null): OperationOf<'set-dates'> => ({
    ...base(id, taskId, { dueDate: before }),
    kind: 'set-dates',
    due: { before, after },
  }),
  estimate: (id: string, taskId: string, before: number | null, after: number | null): OperationOf<'set-estimate'> => ({
    ...base(id, taskId, { estimation: before }),
    kind: 'set-estimate',
    before,
    after,
  }),
  priority: (id: string, taskId: string, before: number, after: number): OperationOf<'set-priority'> => ({
    ...base(id, taskId, { priority: before }),
    kind: 'set-priority',
    before,
    after,
  }),
};

export function plan(operations: Operation[], fields: Partial<Plan> = {}): Plan {
  return {
    id: 'plan-1',
    title: 'Test plan',
    origin: { kind: 'bulk', id: 'bulk-test' },
    createdAt: '2026-11-20T10:00:00.000Z',
    host: HOST,
    projectId: PROJECT,
    operations,
    ...fields,
  };
}

/** A clock that moves one second per reading, like comments posted one after the other. */
export function ticking(start = Date.parse('2026-11-20T10:00:00Z')): () => Date {
  let time = start;
  return () => {
    time += 1000;
    return new Date(time);
  };
}
