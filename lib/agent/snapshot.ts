// From Kitsu's with-tasks list views to the agent's tasks: the bulk selection rows plus the list
// fields the rules read (retakes, real start, feedback-request and done dates, time logged).
import { tasksOfLists } from '../bulk/selection';
import type { AssetWithTasks, ListTask, ShotWithTasks } from '../kitsu';
import type { AgentTask } from './types';

export function agentTasksOfLists(
  projectId: string,
  lists: { shots?: readonly ShotWithTasks[]; assets?: readonly AssetWithTasks[] },
): AgentTask[] {
  const listTasks = new Map<string, ListTask>();
  for (const entity of [...(lists.shots ?? []), ...(lists.assets ?? [])]) {
    for (const task of entity.tasks) listTasks.set(task.id, task);
  }
  return tasksOfLists(projectId, lists).map((row) => {
    const task = listTasks.get(row.taskId);
    return {
      ...row,
      episodeName: row.episodeName ?? null,
      assetTypeName: row.assetTypeName ?? null,
      retakeCount: task?.retake_count ?? 0,
      realStartDate: task?.real_start_date ?? null,
      endDate: task?.end_date ?? null,
      doneDate: task?.done_date ?? null,
      duration: task?.duration ?? null,
      lastTimeLogDate: null,
    };
  });
}
