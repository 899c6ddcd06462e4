import type { Plan } from '../../plans';
import type { SelectedTask } from '../selection';

export type CommentStatusInput = {
  tasks: readonly SelectedTask[];
  /** The status to set; null keeps each task's current status. */
  statusId: string | null;
  text: string;
  taskTypeNames: ReadonlyMap<string, string>;
  statusNames: ReadonlyMap<string, string>;
  host: string;
  planId: string;
  now: Date;
};

/**
 * "Comment and set status" on many tasks: one comment operation per task, each relying on the
 * status it had when the person looked (a task changed since is skipped, not overwritten).
 */
export function buildCommentStatusPlan(input: CommentStatusInput): Plan {
  const [first] = input.tasks;
  if (!first) throw new Error('Select at least one task.');
  const statusName = input.statusId ? (input.statusNames.get(input.statusId) ?? 'another status') : null;
  return {
    id: input.planId,
    title: statusName
      ? `Comment and set ${statusName} on ${input.tasks.length} task${input.tasks.length > 1 ? 's' : ''}`
      : `Comment on ${input.tasks.length} task${input.tasks.length > 1 ? 's' : ''}`,
    origin: { kind: 'bulk', id: 'comment-status' },
    createdAt: input.now.toISOString(),
    host: input.host,
    projectId: first.projectId,
    operations: input.tasks.map((task, index) => ({
      id: `op-${index + 1}`,
      kind: 'comment' as const,
      taskId: task.taskId,
      taskLabel: `${task.entityName} / ${input.taskTypeNames.get(task.taskTypeId) ?? 'task'}`,
      text: input.text,
      ...(input.statusId && input.statusId !== task.statusId
        ? { statusBefore: task.statusId, statusAfter: input.statusId }
        : {}),
      preconditions: { statusId: task.statusId },
    })),
  };
}
