import { z } from 'zod';
import type { SelectedTask } from '../selection';
import { type BulkContext, bulkPlan, defineBulkOperation, personName, plural, requireTasks, taskLabel } from './shared';

const commentText = z.string().trim().min(1, 'Write the comment.').max(10_000);

export const CommentStatusInputSchema = z.object({
  /** The status to set; null keeps each task's current status. */
  statusId: z.string().min(1).nullable(),
  /** May hold {entity}, {task_type} and {assignee}: each task gets its own comment. */
  text: commentText,
});
export type CommentStatusInput = z.infer<typeof CommentStatusInputSchema>;

/** The comment for one task: the template's placeholders replaced by that task's names. */
export function commentFor(template: string, task: SelectedTask, context: BulkContext): string {
  const values: Record<string, string> = {
    entity: task.entityName,
    task_type: context.taskTypeNames.get(task.taskTypeId) ?? 'task',
    assignee:
      task.assigneeIds.length === 0
        ? 'nobody'
        : task.assigneeIds.map((personId) => personName(personId, context)).join(', '),
  };
  return template.replace(/\{(entity|task_type|assignee)\}/g, (_, name: string) => values[name] ?? '');
}

/**
 * "Comment and set status" on many tasks: one comment operation per task, each relying on the
 * status it had when the person looked (a task changed since is skipped, not overwritten).
 */
export function buildCommentStatusPlan(input: CommentStatusInput, context: BulkContext) {
  requireTasks(context);
  const statusName = input.statusId ? (context.statusNames.get(input.statusId) ?? 'another status') : null;
  return bulkPlan(
    input.statusId ? 'comment-status' : 'comment',
    (count) =>
      statusName ? `Comment and set ${statusName} on ${plural(count, 'task')}` : `Comment on ${plural(count, 'task')}`,
    context.tasks.map((task) => ({
      kind: 'comment' as const,
      taskId: task.taskId,
      taskLabel: taskLabel(task, context),
      text: commentFor(input.text, task, context),
      ...(input.statusId && input.statusId !== task.statusId
        ? { statusBefore: task.statusId, statusAfter: input.statusId }
        : {}),
      preconditions: { statusId: task.statusId },
    })),
    context,
    'Select at least one task.',
  );
}

export const commentStatusOperation = defineBulkOperation({
  id: 'comment-status',
  label: 'Comment and set status',
  // Artists may comment their own tasks with the statuses open to them: the preview skips the rest.
  needsRole: 'user',
  input: CommentStatusInputSchema,
  build: buildCommentStatusPlan,
});
