// The identifying labels of a list of selected tasks (lib/workflow/labels.ts): episode / sequence /
// shot / task type, or asset type / asset / task type, no two alike within the list.
import { type TaskLabel, type TaskLabelSource, taskLabels } from '../workflow/labels';
import type { SelectedTask } from './selection';

export function labelSourceOf(task: SelectedTask, taskTypeName: string): TaskLabelSource {
  return {
    taskId: task.taskId,
    entityType: task.entityType,
    entityName: task.entityName,
    episodeName: task.episodeName ?? null,
    sequenceName: task.sequenceName,
    assetTypeName: task.assetTypeName ?? null,
    taskTypeName,
  };
}

/** Labels by task id of the tasks of one list. */
export function selectionLabels(
  tasks: readonly SelectedTask[],
  taskTypeName: (taskTypeId: string) => string,
): Map<string, TaskLabel> {
  return taskLabels(tasks.map((task) => labelSourceOf(task, taskTypeName(task.taskTypeId))));
}
