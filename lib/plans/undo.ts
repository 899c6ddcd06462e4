// Undo builds the inverse of a finished job as a new plan, previewed and
// confirmed like any other. Each inverse operation expects the task as the
// job left it: anything a person changed since is skipped, not overwritten.
import { hashtagsOf } from './impact';
import type { Job } from './journal';
import type { Operation, Plan } from './model';
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
          title: `Undo: ${job.plan.title}`,
          origin: { kind: 'undo', id: job.jobId },
          createdAt: options.now.toISOString(),
          host: job.plan.host,
          projectId: job.plan.projectId,
          operations,
        };
  return { plan, notUndoable: notUndoable(applied) };
}

function inverse(op: Operation, job: Job): Operation[] {
  const result = job.items[op.id]?.result ?? {};
  const base = { taskId: op.taskId, taskLabel: op.taskLabel };
  const id = (suffix = '') => `undo-${op.id}${suffix}`;
  switch (op.kind) {
    case 'comment':
    case 'publish-preview':
      if (!result.commentId) return [];
      return [
        {
          ...base,
          id: id(),
          kind: 'delete-comment',
          commentId: result.commentId,
          text: op.text,
          ...(op.statusBefore ? { statusBefore: op.statusBefore } : {}),
          preconditions: {
            ...(op.statusAfter ? { statusId: op.statusAfter } : {}),
            ...(result.commentDate ? { lastCommentDate: result.commentDate } : {}),
          },
        },
      ];
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
  const plural = (count: number, word: string) => `${count} ${word}${count > 1 ? 's' : ''}`;
  return [
    comments.length > 0 &&
      `Notifications already sent for ${plural(comments.length, 'comment')} (and e-mails or chat messages, where people enabled them) cannot be recalled.`,
    statusChanges.length > 0 &&
      'Kitsu recomputes the status of each task from its remaining comments: a task whose previous status was not set by a comment goes back to the status of its last comment, or to Todo.',
    statusChanges.length > 0 &&
      'Comments that status automations posted on other tasks, if any fired, are not deleted.',
    tagged.length > 0 &&
      `Copies Kitsu made of ${plural(tagged.length, 'comment')} on sibling tasks (#hashtags) are not deleted.`,
    assigned.length > 0 &&
      `Assignment notifications already sent for ${plural(assigned.length, 'assignment')} cannot be recalled, and people Kitsu added to the production team stay in it.`,
    deleted.length > 0 && `${plural(deleted.length, 'deleted comment')} cannot be restored.`,
  ].filter((line): line is string => typeof line === 'string');
}
