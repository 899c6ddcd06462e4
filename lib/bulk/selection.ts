import type { AssetWithTasks, ListTask, ShotWithTasks } from '../kitsu';

/** One task of a list page, with what a bulk helper needs to show it and to build a plan on it. */
export type SelectedTask = {
  taskId: string;
  projectId: string;
  entityId: string;
  entityName: string;
  entityType: 'shot' | 'asset';
  episodeId: string | null;
  sequenceName: string | null;
  /** For labels; optional so that older snapshots still read. */
  episodeName?: string | null;
  assetTypeName?: string | null;
  /** Shots only; optional so that the agent's tasks, which do not carry it, are selections too. */
  sequenceId?: string | null;
  taskTypeId: string;
  statusId: string;
  assigneeIds: string[];
  dueDate: string | null;
  startDate: string | null;
  estimation: number | null;
  priority: number;
  lastCommentDate: string | null;
};

export type TaskFilter = {
  taskTypeId?: string;
  statusIds?: readonly string[];
  /** A person id, or 'unassigned'. */
  assignee?: string;
  dueBefore?: string;
  dueAfter?: string;
  /**
   * Open tasks whose due date has passed `today` (the studio's day): tasks in a closed status (done,
   * on hold, omitted: see lib/workflow/status-roles.ts) are never overdue.
   */
  overdue?: { today: string; closedStatusIds: readonly string[] };
  episodeId?: string;
  sequenceId?: string;
  /** Tasks whose task type belongs to this department (see `SelectionLookups`). */
  departmentId?: string;
  priority?: number;
  /** Case-insensitive text on the entity name. */
  text?: string;
};

/** What a filter needs beyond the tasks themselves. */
export type SelectionLookups = {
  /** Task type id → its department id (null: no department). */
  taskTypeDepartments: ReadonlyMap<string, string | null>;
};

function fromList(
  entity: ShotWithTasks | AssetWithTasks,
  task: ListTask,
  projectId: string,
  entityType: SelectedTask['entityType'],
): SelectedTask {
  return {
    taskId: task.id,
    projectId,
    entityId: entity.id,
    entityName: entity.name,
    entityType,
    episodeId: entity.episode_id ?? null,
    sequenceName: 'sequence_name' in entity ? entity.sequence_name : null,
    sequenceId: 'sequence_id' in entity ? entity.sequence_id : null,
    episodeName: 'episode_name' in entity ? (entity.episode_name ?? null) : null,
    assetTypeName: 'asset_type_name' in entity ? entity.asset_type_name : null,
    taskTypeId: task.task_type_id,
    statusId: task.task_status_id,
    assigneeIds: [...task.assignees].sort(),
    dueDate: task.due_date?.slice(0, 10) ?? null,
    startDate: task.start_date?.slice(0, 10) ?? null,
    estimation: task.estimation ?? null,
    priority: task.priority ?? 0,
    lastCommentDate: task.last_comment_date ?? null,
  };
}

/** Flattens Kitsu's list views (entities with their tasks) into tasks, skipping canceled entities. */
export function tasksOfLists(
  projectId: string,
  lists: { shots?: readonly ShotWithTasks[]; assets?: readonly AssetWithTasks[] },
): SelectedTask[] {
  const rows: SelectedTask[] = [];
  for (const shot of lists.shots ?? []) {
    if (!shot.canceled) for (const task of shot.tasks) rows.push(fromList(shot, task, projectId, 'shot'));
  }
  for (const asset of lists.assets ?? []) {
    if (!asset.canceled) for (const task of asset.tasks) rows.push(fromList(asset, task, projectId, 'asset'));
  }
  return rows;
}

export function selectTasks(
  tasks: readonly SelectedTask[],
  filter: TaskFilter,
  lookups: SelectionLookups = { taskTypeDepartments: new Map() },
): SelectedTask[] {
  const text = filter.text?.trim().toLowerCase();
  return tasks.filter(
    (task) =>
      (!filter.taskTypeId || task.taskTypeId === filter.taskTypeId) &&
      (!filter.statusIds || filter.statusIds.includes(task.statusId)) &&
      (!filter.assignee ||
        (filter.assignee === 'unassigned'
          ? task.assigneeIds.length === 0
          : task.assigneeIds.includes(filter.assignee))) &&
      (!filter.dueBefore || (task.dueDate !== null && task.dueDate < filter.dueBefore)) &&
      (!filter.dueAfter || (task.dueDate !== null && task.dueDate > filter.dueAfter)) &&
      (!filter.overdue ||
        (task.dueDate !== null &&
          task.dueDate < filter.overdue.today &&
          !filter.overdue.closedStatusIds.includes(task.statusId))) &&
      (!filter.episodeId || task.episodeId === filter.episodeId) &&
      (!filter.sequenceId || task.sequenceId === filter.sequenceId) &&
      (!filter.departmentId || lookups.taskTypeDepartments.get(task.taskTypeId) === filter.departmentId) &&
      (filter.priority === undefined || task.priority === filter.priority) &&
      (!text || task.entityName.toLowerCase().includes(text)),
  );
}
