// The background's side of batch publish: the production's entities and
// tasks for matching (through the session's cache), and the plan built from
// fresh Kitsu data once the person has matched the files.

import type { ReadMode } from '../cache';
import type { Session } from '../connections/session';
import { t } from '../i18n/pure';
import { isProductionSectionPage, isTaskScopePage, type PageContext, realEpisodeOf } from '../kitsu-routes';
import type { Plan } from '../plans/model';
import { assertPublishableFiles, type StoredFileReader } from './checks';
import { entityLabel, type MatchCatalog, type MatchScope, type PublishEntity, type PublishTaskType } from './match';
import { buildPublishPlan, type PublishItem, PublishPlanError, type PublishTask } from './plan';

export interface PublishPage {
  projectId: string;
  scope: MatchScope;
}

/** Production, entity, task-type and task pages: where the dock offers batch publish. */
export function publishPageOf(context: PageContext): PublishPage | null {
  if (!isProductionSectionPage(context) && !isTaskScopePage(context)) return null;
  const episodeId = realEpisodeOf(context);
  return {
    projectId: context.productionId,
    scope: {
      ...(episodeId ? { episodeId } : {}),
      ...(context.kind === 'task-type' ? { taskTypeId: context.taskTypeId } : {}),
      ...(context.kind === 'entity' ? { entityId: context.entityId } : {}),
      ...(context.kind === 'task' ? { taskId: context.taskId } : {}),
    },
  };
}

export interface PublishCatalog extends MatchCatalog {
  entities: PublishEntity[];
  taskTypes: PublishTaskType[];
  productionName: string;
  statuses: { id: string; name: string; shortName: string }[];
  /** The production's feedback-request status (WFA), offered by default. */
  defaultStatusId: string | null;
  /** Task id → status id, as read. */
  taskStatuses: Record<string, string>;
}

async function readCatalog(session: Session, projectId: string, mode: ReadMode) {
  const { reads } = session;
  const [project, episodes, shots, assets, taskTypes, statuses] = await Promise.all([
    reads.project(mode, projectId),
    reads.episodes(mode, projectId),
    reads.shotsWithTasks(mode, projectId),
    reads.assetsWithTasks(mode, projectId),
    reads.taskTypes(mode),
    reads.taskStatuses(mode),
  ]);
  const episodeName = new Map(episodes.map((episode) => [episode.id, episode.name]));
  const tasksOf = (tasks: readonly { id: string; task_type_id: string }[]) =>
    tasks.map((task) => ({ id: task.id, taskTypeId: task.task_type_id }));
  const entities: PublishEntity[] = [
    ...shots
      .filter((shot) => !shot.canceled)
      .map((shot) => ({
        id: shot.id,
        kind: 'shot' as const,
        name: shot.name,
        sequence: shot.sequence_name,
        episode: shot.episode_name || (shot.episode_id ? episodeName.get(shot.episode_id) : null) || null,
        episodeId: shot.episode_id ?? null,
        tasks: tasksOf(shot.tasks),
      })),
    ...assets
      .filter((asset) => !asset.canceled)
      .map((asset) => ({
        id: asset.id,
        kind: 'asset' as const,
        name: asset.name,
        episode: asset.episode_id ? (episodeName.get(asset.episode_id) ?? null) : null,
        episodeId: asset.episode_id ?? null,
        tasks: tasksOf(asset.tasks),
      })),
  ];
  const usedTypes = new Set(entities.flatMap((entity) => entity.tasks.map((task) => task.taskTypeId)));
  const open = statuses.filter((status) => !status.archived);
  const feedback = open.filter((status) => status.is_feedback_request);
  const taskStatuses: Record<string, string> = {};
  for (const entity of [...shots, ...assets])
    for (const task of entity.tasks) taskStatuses[task.id] = task.task_status_id;
  const catalog: PublishCatalog = {
    productionName: project.name,
    entities,
    taskTypes: taskTypes
      .filter((type) => usedTypes.has(type.id))
      .map((type) => ({ id: type.id, name: type.name, shortName: type.short_name ?? null })),
    statuses: open.map((status) => ({ id: status.id, name: status.name, shortName: status.short_name })),
    defaultStatusId: (feedback.find((status) => status.short_name.toLowerCase() === 'wfa') ?? feedback[0])?.id ?? null,
    taskStatuses,
  };
  return catalog;
}

/** For the publish page: what matching needs, read through the cache. */
export function publishCatalog(session: Session, page: PublishPage): Promise<PublishCatalog> {
  return readCatalog(session, page.projectId, 'swr');
}

export interface PublishRequest {
  items: readonly PublishItem[];
  template: string;
  statusId: string | null;
}

/** The plan from fresh data: tasks and statuses as Kitsu has them now, labels from the catalog. */
export async function publishPlan(
  session: Session,
  page: PublishPage,
  request: PublishRequest,
  options: { planId: string; now: Date; files: StoredFileReader; maxPlanGigabytes: number },
): Promise<Plan> {
  await assertPublishableFiles(
    request.items.map((item) => item.file),
    options.files,
    options.maxPlanGigabytes,
  );
  const catalog = await readCatalog(session, page.projectId, 'fresh');
  const typeName = new Map(catalog.taskTypes.map((type) => [type.id, type.name]));
  const tasks = new Map<string, PublishTask>();
  for (const entity of catalog.entities) {
    const where = entityLabel(entity);
    for (const task of entity.tasks) {
      tasks.set(task.id, {
        id: task.id,
        task_status_id: catalog.taskStatuses[task.id] ?? '',
        label: `${where} / ${typeName.get(task.taskTypeId) ?? 'task'}`,
      });
    }
  }
  if (request.statusId !== null && !catalog.statuses.some((status) => status.id === request.statusId)) {
    throw new PublishPlanError(t('refusalPublishUnknownStatus'));
  }
  return buildPublishPlan({
    planId: options.planId,
    now: options.now,
    host: session.connection.origin,
    projectId: page.projectId,
    items: request.items,
    tasks,
    template: request.template,
    statusId: request.statusId,
  });
}
