import type { ReadMode } from '../cache';
import type { Session } from '../connections/session';
import type { PageContext } from '../kitsu-routes';
import type { Plan } from '../plans';
import { PlanRefusal } from '../plans/flow';
import { buildCommentStatusPlan } from './operations/comment-status';
import { type SelectedTask, selectTasks, type TaskFilter, tasksOfLists } from './selection';

/** The part of a Kitsu page a bulk helper works on: its production, entity kind, episode, task type. */
export type BulkScope = {
  projectId: string;
  entityType: 'shot' | 'asset';
  episodeId?: string;
  taskTypeId?: string;
};

export function bulkScopeOf(context: PageContext): BulkScope | null {
  if (context.kind !== 'entity-list' && context.kind !== 'task-type') return null;
  if (context.entityType !== 'shot' && context.entityType !== 'asset') return null;
  const episodeId =
    context.episodeId && context.episodeId !== 'all' && context.episodeId !== 'main' ? context.episodeId : undefined;
  return {
    projectId: context.productionId,
    entityType: context.entityType,
    ...(episodeId ? { episodeId } : {}),
    ...(context.kind === 'task-type' ? { taskTypeId: context.taskTypeId } : {}),
  };
}

/**
 * Tasks of the scope. Panels accept stale data ('swr'); a plan is built from 'fresh' data only
 * (seconds old at most, and invalidated by live events), and the executor re-reads each task
 * before writing it anyway.
 */
async function tasksInScope(session: Session, scope: BulkScope, mode: ReadMode): Promise<SelectedTask[]> {
  const lists =
    scope.entityType === 'shot'
      ? { shots: await session.reads.shotsWithTasks(mode, scope.projectId, scope.episodeId) }
      : { assets: await session.reads.assetsWithTasks(mode, scope.projectId, scope.episodeId) };
  return tasksOfLists(scope.projectId, lists);
}

export async function bulkChoices(session: Session, scope: BulkScope) {
  const [project, taskTypes, statuses, tasks] = await Promise.all([
    session.reads.project('swr', scope.projectId),
    session.reads.taskTypes('swr'),
    session.reads.taskStatuses('swr'),
    tasksInScope(session, scope, 'swr'),
  ]);
  const usedTaskTypes = new Set(tasks.map((task) => task.taskTypeId));
  return {
    projectName: project.name,
    taskTypes: taskTypes
      .filter((taskType) => usedTaskTypes.has(taskType.id) && (!scope.taskTypeId || taskType.id === scope.taskTypeId))
      .map(({ id, name }) => ({ id, name })),
    statuses: statuses
      .filter((status) => !status.for_concept)
      .map(({ id, name, short_name }) => ({ id, name, shortName: short_name })),
  };
}

export async function commentStatusPlan(
  session: Session,
  scope: BulkScope,
  request: { filter: { taskTypeId?: string; statusId?: string; text?: string }; statusId: string | null; text: string },
  { planId, now }: { planId: string; now: Date },
): Promise<Plan> {
  const [tasks, taskTypes, statuses] = await Promise.all([
    tasksInScope(session, scope, 'fresh'),
    session.reads.taskTypes('swr'),
    session.reads.taskStatuses('swr'),
  ]);
  const filter: TaskFilter = {
    taskTypeId: scope.taskTypeId ?? request.filter.taskTypeId,
    ...(request.filter.statusId ? { statusIds: [request.filter.statusId] } : {}),
    ...(request.filter.text ? { text: request.filter.text } : {}),
  };
  const selected = selectTasks(tasks, filter);
  if (selected.length === 0) throw new PlanRefusal('No task on this page matches these filters.');
  return buildCommentStatusPlan({
    tasks: selected,
    statusId: request.statusId,
    text: request.text,
    taskTypeNames: new Map(taskTypes.map((taskType) => [taskType.id, taskType.name])),
    statusNames: new Map(statuses.map((status) => [status.id, status.name])),
    host: session.connection.origin,
    planId,
    now,
  });
}
