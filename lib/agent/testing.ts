// Hand-made production data for the agent's unit tests (not bundled: only tests import it).
import type { PageContext, Uuid } from '../kitsu-routes';
import { buildRuleInput } from './engine';
import { AgentSettingsSchema } from './settings-schema';
import {
  type AgentSettingsInput,
  type AgentSnapshot,
  type AgentSnapshotInput,
  AgentSnapshotSchema,
  type AgentTaskInput,
  type Rule,
  type RuleSuggestion,
} from './types';

export const HOST = 'https://kitsu.studio.example';
export const PROJECT = '0f0e0d0c-0000-4000-8000-000000000001';
/** Wednesday 2026-03-11, 10:00 UTC. */
export const NOW = new Date('2026-03-11T10:00:00Z');

export const uuid = (value: string) => value as Uuid;
const query = { extra: {} };

export const contexts = {
  shots: { kind: 'entity-list', productionId: uuid(PROJECT), entityType: 'shot', query },
  assets: { kind: 'entity-list', productionId: uuid(PROJECT), entityType: 'asset', query },
  task: (taskId: string): PageContext => ({
    kind: 'task',
    productionId: uuid(PROJECT),
    entityType: 'shot',
    taskId: uuid(taskId),
    query,
  }),
  entity: (entityId: string): PageContext => ({
    kind: 'entity',
    productionId: uuid(PROJECT),
    entityType: 'shot',
    entityId: uuid(entityId),
    query,
  }),
  taskType: (taskTypeId: string): PageContext => ({
    kind: 'task-type',
    productionId: uuid(PROJECT),
    entityType: 'shot',
    taskTypeId: uuid(taskTypeId),
    view: 'list',
    query,
  }),
  myChecks: { kind: 'my-checks', query },
  teamSchedule: { kind: 'team-schedule', query },
  other: { kind: 'other', url: 'https://kitsu.studio.example/whatever', query },
} satisfies Record<string, PageContext | ((id: string) => PageContext)>;

export function task(overrides: Partial<AgentTaskInput> & { taskId: string }): AgentTaskInput {
  return {
    projectId: PROJECT,
    entityId: `e-${overrides.taskId}`,
    entityName: overrides.taskId.toUpperCase(),
    entityType: 'shot',
    episodeId: null,
    sequenceName: 'SQ010',
    taskTypeId: 'anim',
    statusId: 'todo',
    assigneeIds: [],
    dueDate: null,
    startDate: null,
    estimation: null,
    priority: 0,
    lastCommentDate: null,
    ...overrides,
  };
}

export const statuses = [
  { id: 'todo', name: 'Todo', is_done: false },
  { id: 'wip', name: 'WIP', is_done: false, is_wip: true },
  { id: 'wfa', name: 'Waiting For Approval', is_done: false, is_feedback_request: true },
  { id: 'retake', name: 'Retake', is_done: false, is_retake: true },
  { id: 'done', name: 'Done', is_done: true },
];

export const taskTypes = [
  { id: 'layout', name: 'Layout', department_id: 'd-layout', priority: 1 },
  { id: 'anim', name: 'Animation', department_id: 'd-anim', priority: 2 },
  { id: 'light', name: 'Lighting', department_id: 'd-light', priority: 3 },
  { id: 'comp', name: 'Compositing', department_id: 'd-comp', priority: 4 },
  { id: 'fx', name: 'FX', department_id: null, priority: 5 },
];

export const persons = [
  { id: 'ana', full_name: 'Ana Lopez', departments: ['d-anim'], role: 'user' },
  { id: 'ben', full_name: 'Ben Ito', departments: ['d-anim'], role: 'user' },
  { id: 'cleo', full_name: 'Cleo Martin', departments: ['d-anim'], role: 'supervisor' },
  { id: 'dan', full_name: 'Dan Wu', departments: ['d-layout'], role: 'user' },
  { id: 'eve', full_name: 'Eve Gone', departments: ['d-anim'], role: 'user', active: false },
  { id: 'bot', full_name: 'Render Bot', departments: ['d-anim'], role: 'user', is_bot: true },
  { id: 'kim', full_name: 'Kim Client', departments: ['d-anim'], role: 'client' },
];

export const departments = [
  { id: 'd-layout', name: 'Layout' },
  { id: 'd-anim', name: 'Animation' },
  { id: 'd-light', name: 'Lighting' },
  { id: 'd-comp', name: 'Compositing' },
];

export function snapshot(tasks: AgentTaskInput[], overrides: Partial<AgentSnapshotInput> = {}): AgentSnapshot {
  return AgentSnapshotSchema.parse({
    host: HOST,
    project: { id: PROJECT, name: 'Big Buck', max_retakes: 5 },
    viewer: { personId: 'cleo', role: 'supervisor', departmentIds: ['d-anim'] },
    tasks,
    statuses,
    taskTypes,
    persons,
    departments,
    ...overrides,
  });
}

/** Runs one rule directly (no engine, no validation), as the engine would call it. */
export function runRule(
  rule: Rule,
  data: AgentSnapshot,
  options: { context?: PageContext; settings?: AgentSettingsInput; now?: Date } = {},
): RuleSuggestion[] {
  return rule.run(
    buildRuleInput(
      options.context ?? contexts.shots,
      data,
      AgentSettingsSchema.parse(options.settings ?? {}),
      options.now ?? NOW,
    ),
  );
}
