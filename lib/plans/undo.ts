// Undo builds the inverse of a finished job as a new plan, previewed and
// confirmed like any other. Each inverse operation expects the task as the
// job left it: anything a person changed since is skipped, not overwritten.
import { t } from '../i18n/pure';
import { hashtagsOf } from './impact';
import type { Job } from './journal';
import type { Operation, OperationOf, Plan } from './model';
import { sortedIds } from './values';

export interface UndoResult {
  /** null when nothing the job applied can be undone. */
  plan: Plan | null;
  /** What Kitsu cannot take back, in sentences for the preview. */
  notUndoable: string[];
}

export function buildUndoPlan(job: Job, options: { id: string; now: Date }): UndoResult {
  const applied = job.plan.operations.filter(
    (op) =>
      job.items[op.id]?.state === 'applied' ||
      // A publish whose upload failed still posted its comment: undo deletes it too.
      (op.kind === 'publish-preview' && job.items[op.id]?.result?.commentId !== undefined),
  );
  // Newest first: a task then goes back through the states the job made it pass.
  const operations = [...applied].reverse().flatMap((op) => inverse(op, job));
  const plan: Plan | null =
    operations.length === 0
      ? null
      : {
          id: options.id,
          title: t('noteUndoTitle', { title: job.plan.title }),
          origin: { kind: 'undo', id: job.jobId },
          createdAt: options.now.toISOString(),
          host: job.plan.host,
          projectId: job.plan.projectId,
          operations,
        };
  return { plan, notUndoable: notUndoable(applied) };
}

/** A comment the job posted is deleted (and the status it changed set back). */
function deleteComment(op: OperationOf<'comment' | 'publish-preview'>, job: Job): Operation[] {
  const result = job.items[op.id]?.result ?? {};
  if (!result.commentId) return [];
  return [
    {
      taskId: op.taskId,
      taskLabel: op.taskLabel,
      id: `undo-${op.id}`,
      kind: 'delete-comment',
      commentId: result.commentId,
      text: op.text,
      ...(op.statusBefore ? { statusBefore: op.statusBefore } : {}),
      // Only a status the job changed is set back; a comment that kept the status leaves it to zou.
      ...(op.statusBefore && op.statusAfter
        ? { restoreText: `Status set back to what it was before “${job.plan.title}” (undo).` }
        : {}),
      preconditions: {
        ...(op.statusAfter ? { statusId: op.statusAfter } : {}),
        ...(result.commentDate ? { lastCommentDate: result.commentDate } : {}),
      },
    },
  ];
}

function inverse(op: Operation, job: Job): Operation[] {
  const result = job.items[op.id]?.result ?? {};
  const base = { taskId: op.taskId, taskLabel: op.taskLabel };
  const id = (suffix = '') => `undo-${op.id}${suffix}`;
  switch (op.kind) {
    case 'comment':
    case 'publish-preview':
      return deleteComment(op, job);
    case 'assign': {
      if (op.assigneesBefore.includes(op.personId)) return [];
      const after = result.assignees ?? sortedIds([...op.assigneesBefore, op.personId]);
      return [
        {
          ...base,
          id: id(),
          kind: 'unassign',
          personId: op.personId,
          assigneesBefore: after,
          preconditions: { assigneeIds: after },
        },
      ];
    }
    case 'unassign': {
      if (!op.assigneesBefore.includes(op.personId)) return [];
      const after = result.assignees ?? op.assigneesBefore.filter((person) => person !== op.personId);
      return [
        {
          ...base,
          id: id(),
          kind: 'assign',
          personId: op.personId,
          assigneesBefore: after,
          preconditions: { assigneeIds: after },
        },
      ];
    }
    case 'clear-assignation': {
      // One assign per former assignee, each expecting those restored before it.
      const restored: string[] = [];
      return sortedIds(op.assigneesBefore).map((personId, index) => {
        const before = [...restored];
        restored.push(personId);
        return {
          ...base,
          id: id(`-${index}`),
          kind: 'assign' as const,
          personId,
          assigneesBefore: before,
          preconditions: { assigneeIds: before },
        };
      });
    }
    case 'set-dates':
      return [
        {
          ...base,
          id: id(),
          kind: 'set-dates',
          ...(op.start ? { start: { before: op.start.after, after: op.start.before } } : {}),
          ...(op.due ? { due: { before: op.due.after, after: op.due.before } } : {}),
          preconditions: {
            ...(op.start ? { startDate: op.start.after } : {}),
            ...(op.due ? { dueDate: op.due.after } : {}),
          },
        },
      ];
    case 'set-estimate':
      return [
        {
          ...base,
          id: id(),
          kind: 'set-estimate',
          before: op.after,
          after: op.before,
          preconditions: { estimation: op.after },
        },
      ];
    case 'set-priority':
      return [
        {
          ...base,
          id: id(),
          kind: 'set-priority',
          before: op.after,
          after: op.before,
          preconditions: { priority: op.after },
        },
      ];
    case 'delete-comment':
      return [];
  }
}

function notUndoable(applied: readonly Operation[]): string[] {
  const comments = applied.filter((op) => op.kind === 'comment' || op.kind === 'publish-preview');
  const statusChanges = comments.filter((op) => op.statusAfter !== undefined);
  const tagged = comments.filter((op) => hashtagsOf(op.text).length > 0);
  const assigned = applied.filter((op) => op.kind === 'assign');
  const deleted = applied.filter((op) => op.kind === 'delete-comment');
  return [
    comments.length > 0 && t('noteUndoNotifications', { count: comments.length }),
    statusChanges.length > 0 && t('noteUndoStatusRecomputed'),
    statusChanges.length > 0 && t('noteUndoAutomationComments'),
    tagged.length > 0 && t('noteUndoHashtagCopies', { count: tagged.length }),
    assigned.length > 0 && t('noteUndoAssignments', { count: assigned.length }),
    deleted.length > 0 && t('noteUndoDeletedComments', { count: deleted.length }),
  ].filter((line): line is string => typeof line === 'string');
}
