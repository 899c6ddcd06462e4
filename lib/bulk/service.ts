// The background's side of the bulk helpers: reads what the page shows through the session's cache,
// selects tasks with the dock's filters, and builds an operation's plan from fresh data.

import type { ReadMode } from '../cache';
import type { Session } from '../connections/session';
import { readHostWorkflow } from '../connections/workflow-settings';
import { t } from '../i18n/pure';
import { isShotOrAssetList, type PageContext, realEpisodeOf } from '../kitsu-routes';
import type { Plan } from '../plans';
import { PlanRefusal } from '../plans/flow';
import { addDays, todayOf } from '../shared/dates';
import { identityMemo } from '../shared/identity-memo';
import { type KitsuRole, knownRole, roleAllows } from '../shared/roles';
import { studioTimeZone } from '../workflow/host-settings';
import { assignablePeople } from '../workflow/people';
import { isOpenRole, type StatusRole, statusRoles } from '../workflow/status-roles';
import { selectionWarnings } from './guard-rails';
import { selectionLabels } from './labels';
import { type BulkContext, BulkInputError, type BulkOperation, bulkOperations } from './operations';
import { type SelectedTask, type SelectionLookups, selectTasks, type TaskFilter, tasksOfLists } from './selection';
import type { DayOff } from './working-days';

/** The part of a Kitsu page a bulk helper works on: its production, entity kind, episode, task type. */
export type BulkScope = {
  projectId: string;
  entityType: 'shot' | 'asset';
  episodeId?: string;
  taskTypeId?: string;
};

/** The dock's filters, as the bulk messages carry them. */
export type BulkFilter = {
  taskTypeId?: string;
  statusId?: string;
  /** A person id, or 'unassigned'. */
  assignee?: string;
  departmentId?: string;
  sequenceId?: string;
  priority?: number;
  dueBefore?: string;
  dueAfter?: string;
  overdue?: boolean;
  text?: string;
};

const SAMPLE_SIZE = 5;

export function bulkScopeOf(context: PageContext): BulkScope | null {
  if (!isShotOrAssetList(context)) return null;
  const episodeId = realEpisodeOf(context);
  return {
    projectId: context.productionId,
    entityType: context.entityType,
    ...(episodeId ? { episodeId } : {}),
    ...(context.kind === 'task-type' ? { taskTypeId: context.taskTypeId } : {}),
  };
}

/**
 * The scope's list, as the cache handed it out. Panels accept stale data ('swr'); a plan is built from
 * 'fresh' data only (seconds old at most, and invalidated by live events), and the executor re-reads
 * each task before writing it anyway.
 */
async function listOfScope(session: Session, scope: BulkScope, mode: ReadMode) {
  return scope.entityType === 'shot'
    ? { shots: await session.reads.shotsWithTasks(mode, scope.projectId, scope.episodeId) }
    : { assets: await session.reads.assetsWithTasks(mode, scope.projectId, scope.episodeId) };
}

/**
 * The panel's answers, kept while the reads they come from are the same objects (the cache hands out the
 * same ones until an event or a refresh replaces them): at 75,000 tasks, flattening the list and labelling
 * the selection took hundreds of ms of the worker on every navigation. Only the answers are kept (a few
 * names and counts), not the 75,000 rows.
 */
const selectionAnswers = identityMemo<SelectionAnswer>();
const choicesAnswers = identityMemo<Awaited<ReturnType<typeof choicesOf>>>();
type SelectionAnswer = { count: number; sample: string[]; warnings: string[] };

/** The operations a token of this role may run: the others are not offered at all. */
export function operationsFor(role: KitsuRole | undefined): BulkOperation[] {
  return bulkOperations.filter((operation) => roleAllows(role, operation.needsRole));
}

export function bulkOperation(id: string): BulkOperation | undefined {
  return bulkOperations.find((operation) => operation.id === id);
}

/** The token's role, as far as bulk operations go (an unknown role is offered nothing). */
async function tokenRole(session: Session): Promise<KitsuRole | undefined> {
  const { user } = await session.reads.authenticated('swr');
  return knownRole(user.role);
}

async function readSelectionSources(session: Session, scope: BulkScope, mode: ReadMode) {
  const [list, taskTypes, statuses, workflow] = await Promise.all([
    listOfScope(session, scope, mode),
    session.reads.taskTypes('swr'),
    session.reads.taskStatuses('swr'),
    readHostWorkflow(session.connection.origin),
  ]);
  return { list, taskTypes, statuses, workflow };
}
type SelectionSources = Awaited<ReturnType<typeof readSelectionSources>>;

function selectionOf(
  { list, taskTypes, statuses, workflow }: SelectionSources,
  scope: BulkScope,
  filter: BulkFilter,
  now: Date,
) {
  const tasks = tasksOfLists(scope.projectId, list);
  const roles = statusRoles(statuses, workflow.statusRoles);
  const statusIdsWhere = (keep: (role: StatusRole) => boolean) =>
    [...roles.values()].filter((derived) => keep(derived.role)).map((derived) => derived.statusId);
  const lookups: SelectionLookups = {
    taskTypeDepartments: new Map(taskTypes.map((taskType) => [taskType.id, taskType.department_id ?? null])),
  };
  const taskFilter: TaskFilter = {
    ...(scope.taskTypeId || filter.taskTypeId ? { taskTypeId: scope.taskTypeId ?? filter.taskTypeId } : {}),
    ...(filter.statusId ? { statusIds: [filter.statusId] } : {}),
    ...(filter.assignee ? { assignee: filter.assignee } : {}),
    ...(filter.departmentId ? { departmentId: filter.departmentId } : {}),
    ...(filter.sequenceId ? { sequenceId: filter.sequenceId } : {}),
    ...(filter.priority !== undefined ? { priority: filter.priority } : {}),
    ...(filter.dueBefore ? { dueBefore: filter.dueBefore } : {}),
    ...(filter.dueAfter ? { dueAfter: filter.dueAfter } : {}),
    ...(filter.overdue
      ? {
          overdue: {
            today: todayOf(now, studioTimeZone(workflow)),
            closedStatusIds: statusIdsWhere((role) => !isOpenRole(role)),
          },
        }
      : {}),
    ...(filter.text?.trim() ? { text: filter.text } : {}),
  };
  const wipStatusIds = new Set(statusIdsWhere((role) => role === 'wip'));
  return { all: tasks, selected: selectTasks(tasks, taskFilter, lookups), taskTypes, statuses, wipStatusIds };
}

async function readChoicesSources(session: Session, scope: BulkScope) {
  const [project, taskTypes, statuses, list, persons, departments, role] = await Promise.all([
    session.reads.project('swr', scope.projectId),
    session.reads.taskTypes('swr'),
    session.reads.taskStatuses('swr'),
    listOfScope(session, scope, 'swr'),
    session.reads.persons('swr'),
    session.reads.departments('swr'),
    tokenRole(session),
  ]);
  return { project, taskTypes, statuses, list, persons, departments, role };
}

export async function bulkChoices(session: Session, scope: BulkScope) {
  const sources = await readChoicesSources(session, scope);
  const { project, taskTypes, statuses, list, persons, departments, role } = sources;
  return choicesAnswers(
    [list.shots ?? list.assets, project, taskTypes, statuses, persons, departments],
    JSON.stringify([scope, role]),
    () => choicesOf(sources, scope),
  );
}

function choicesOf(
  { project, taskTypes, statuses, list, persons, departments, role }: Awaited<ReturnType<typeof readChoicesSources>>,
  scope: BulkScope,
) {
  const tasks = tasksOfLists(scope.projectId, list);
  const usedTaskTypes = new Set(tasks.map((task) => task.taskTypeId));
  const offeredTaskTypes = taskTypes.filter(
    (taskType) => usedTaskTypes.has(taskType.id) && (!scope.taskTypeId || taskType.id === scope.taskTypeId),
  );
  const usedDepartments = new Set(offeredTaskTypes.map((taskType) => taskType.department_id));
  const team = new Set(project.team ?? persons.map((person) => person.id));
  const sequences = new Map<string, string>();
  for (const task of tasks) if (task.sequenceId && task.sequenceName) sequences.set(task.sequenceId, task.sequenceName);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    projectName: project.name,
    role: role ?? null,
    operations: operationsFor(role).map(({ id, label, fields }) => ({ id, label, fields })),
    taskTypes: offeredTaskTypes.map(({ id, name }) => ({ id, name })),
    statuses: statuses
      .filter((status) => !status.for_concept)
      .map(({ id, name, short_name }) => ({ id, name, shortName: short_name })),
    // Inactive people and bots are no assignee choice.
    persons: assignablePeople(persons.filter((person) => team.has(person.id))).map((person) => ({
      id: person.id,
      name: person.full_name,
    })),
    departments: departments
      .filter((department) => usedDepartments.has(department.id))
      .map(({ id, name }) => ({ id, name }))
      .sort(byName),
    sequences: [...sequences].map(([id, name]) => ({ id, name })).sort(byName),
  };
}

/** The live count under the dock's filters, a few task names, and the guard rails' warnings. */
export async function bulkSelection(
  session: Session,
  scope: BulkScope,
  filter: BulkFilter,
  now = new Date(),
): Promise<SelectionAnswer> {
  const sources = await readSelectionSources(session, scope, 'swr');
  const today = todayOf(now, studioTimeZone(sources.workflow));
  return selectionAnswers(
    [sources.list.shots ?? sources.list.assets, sources.taskTypes, sources.statuses],
    JSON.stringify([scope, filter, sources.workflow, today]),
    () => selectionAnswer(sources, scope, filter, now),
  );
}

function selectionAnswer(sources: SelectionSources, scope: BulkScope, filter: BulkFilter, now: Date) {
  const { selected, taskTypes } = selectionOf(sources, scope, filter, now);
  const names = new Map(taskTypes.map((taskType) => [taskType.id, taskType.name]));
  const sample = selected.slice(0, SAMPLE_SIZE);
  // Told apart within the whole selection: two sampled rows never read the same.
  const labels = selectionLabels(selected, (taskTypeId) => names.get(taskTypeId) ?? 'task');
  return {
    count: selected.length,
    sample: sample.map((task) => labels.get(task.taskId)?.full ?? task.entityName),
    warnings: selectionWarnings(selected),
  };
}

/** Kitsu's day-offs around the dates a shift moves, so working days skip them. */
async function dayOffsAround(session: Session, projectId: string, tasks: readonly SelectedTask[], days: number) {
  const dates = tasks
    .flatMap((task) => [task.startDate, task.dueDate])
    .filter((day): day is string => !!day)
    .sort();
  const [first] = dates;
  const last = dates.at(-1);
  if (!first || !last) return new Map<string, DayOff[]>();
  // Generous: N working days span at most N * 7/5 calendar days, plus the days off themselves.
  const margin = Math.ceil((Math.abs(days) * 7) / 5) + 60;
  const byPerson = await session.client.projectDayOffs(projectId, {
    startDate: addDays(first, -margin),
    endDate: addDays(last, margin),
  });
  return new Map(
    Object.entries(byPerson).map(([personId, periods]) => [
      personId,
      periods.map((period) => ({ date: period.date, endDate: period.end_date })),
    ]),
  );
}

/**
 * Builds the operation's plan from fresh Kitsu data, its input made from the values of the fields it
 * declares (the panel's); refuses what the token's role may not do.
 */
export async function bulkPlan(
  session: Session,
  scope: BulkScope,
  request: { operationId: string; filter: BulkFilter; values: Readonly<Record<string, unknown>> },
  { planId, now }: { planId: string; now: Date },
): Promise<Plan> {
  const operation = bulkOperation(request.operationId);
  if (!operation) throw new PlanRefusal(t('refusalBulkUnknown'));
  if (!roleAllows(await tokenRole(session), operation.needsRole)) {
    throw new PlanRefusal(t('refusalBulkRole', { operation: operation.label.toLowerCase() }));
  }
  const [{ all, selected, taskTypes, statuses, wipStatusIds }, persons] = await Promise.all([
    readSelectionSources(session, scope, 'fresh').then((sources) => selectionOf(sources, scope, request.filter, now)),
    session.reads.persons('swr'),
  ]);
  if (selected.length === 0) throw new PlanRefusal(t('refusalBulkNoMatch'));
  const input = refusingBadInput(() => operation.inputOf(request.values));
  const shift = operation.workingDaysShift(input);
  const dayOffs =
    shift !== 0 ? await dayOffsAround(session, scope.projectId, selected, shift) : new Map<string, DayOff[]>();
  const context: BulkContext = {
    tasks: selected,
    productionTasks: all,
    taskTypeNames: new Map(taskTypes.map((taskType) => [taskType.id, taskType.name])),
    statusNames: new Map(statuses.map((status) => [status.id, status.name])),
    personNames: new Map(persons.map((person) => [person.id, person.full_name])),
    wipStatusIds,
    dayOffs,
    host: session.connection.origin,
    planId,
    now,
  };
  return refusingBadInput(() => operation.plan(input, context));
}

/** An input the operation refuses is a refusal of the proposal, said in the person's terms. */
function refusingBadInput<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof BulkInputError) throw new PlanRefusal(error.message);
    throw error;
  }
}
