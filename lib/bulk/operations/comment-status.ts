import { z } from 'zod';
import { t } from '../../i18n/pure';
import type { SelectedTask } from '../selection';
import { type BulkContext, bulkPlan, defineBulkOperation, personName, taskCount, taskLabel } from './shared';

const commentText = z.string().trim().min(1, t('bulkOpWriteComment')).max(10_000);

export const CommentStatusInputSchema = z.object({
  /** The status to set; null keeps each task's current status. */
  statusId: z.string().min(1).nullable(),
  /** May hold {entity}, {task_type} and {assignee}: each task gets its own comment. */
  text: commentText,
});
export type CommentStatusInput = z.infer<typeof CommentStatusInputSchema>;

/** The comment's text field, the same wherever a bulk operation posts a comment. */
export const COMMENT_FIELD = {
  kind: 'textarea',
  key: 'text',
  label: t('bulkOpCommentField'),
  hint: t('bulkOpCommentHint'),
  required: t('bulkOpWriteComment'),
} as const;

/** The comment for one task: the template's placeholders replaced by that task's names. */
export function commentFor(template: string, task: SelectedTask, context: BulkContext): string {
  const values: Record<string, string> = {
    entity: task.entityName,
    task_type: context.taskTypeNames.get(task.taskTypeId) ?? t('bulkOpTaskFallback'),
    assignee:
      task.assigneeIds.length === 0
        ? t('bulkOpNobody')
        : task.assigneeIds.map((personId) => personName(personId, context)).join(', '),
  };
  return template.replace(/\{(entity|task_type|assignee)\}/g, (_, name: string) => values[name] ?? '');
}

/**
 * "Comment and set status" on many tasks: one comment operation per task, each relying on the
 * status it had when the person looked (a task changed since is skipped, not overwritten).
 */
export function buildCommentStatusPlan(input: CommentStatusInput, context: BulkContext) {
  const statusName = input.statusId ? (context.statusNames.get(input.statusId) ?? t('bulkOpAnotherStatus')) : null;
  return bulkPlan(
    input.statusId ? 'comment-status' : 'comment',
    (count) =>
      statusName
        ? t('bulkOpTitleCommentStatus', { status: statusName, tasks: taskCount(count) })
        : t('bulkOpTitleComment', { tasks: taskCount(count) }),
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
    t('bulkOpSelectTask'),
  );
}

export const commentStatusOperation = defineBulkOperation({
  id: 'comment-status',
  label: t('bulkOpCommentStatus'),
  // Artists may comment their own tasks with the statuses open to them: the preview skips the rest.
  needsRole: 'user',
  fields: [
    { kind: 'select', key: 'toStatus', label: t('bulkOpSetStatus'), of: 'statuses', none: t('bulkOpKeepStatus') },
    COMMENT_FIELD,
  ],
  inputOf: (values) => ({ statusId: values.toStatus || null, text: values.text }),
  input: CommentStatusInputSchema,
  build: buildCommentStatusPlan,
});
