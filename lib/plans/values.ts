// Value helpers shared by preconditions, executor and undo: zou reads dates and timestamps back in
// another form than it was given, so values are normalized before being compared.
import { dayOf, timestampToSecond } from '../shared/dates';
import type { Operation, Preconditions, TaskState } from './model';

export function sortedIds(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort();
}

/** The task as preconditions see it. */
export function observed(task: TaskState): Required<Preconditions> {
  return {
    statusId: task.task_status_id,
    assigneeIds: sortedIds(task.assignees),
    dueDate: dayOf(task.due_date),
    startDate: dayOf(task.start_date),
    estimation: task.estimation,
    priority: task.priority,
    lastCommentDate: timestampToSecond(task.last_comment_date),
  };
}

export function sameValue(field: keyof Preconditions, expected: unknown, actual: unknown): boolean {
  if (field === 'assigneeIds') {
    return JSON.stringify(sortedIds(expected as string[])) === JSON.stringify(sortedIds(actual as string[]));
  }
  if (field === 'dueDate' || field === 'startDate') return dayOf(expected as string | null) === actual;
  if (field === 'lastCommentDate') return timestampToSecond(expected as string | null) === actual;
  return expected === actual;
}

/** What an applied operation changed on its task, in precondition terms. */
export function effectsOf(
  op: Operation,
  applied: { commentDate?: string; assignees?: readonly string[] },
  previous: Preconditions,
): Preconditions {
  // zou's answer, when there is one, is the truth about assignees.
  if (applied.assignees && (op.kind === 'assign' || op.kind === 'unassign' || op.kind === 'clear-assignation')) {
    return { assigneeIds: sortedIds(applied.assignees) };
  }
  switch (op.kind) {
    case 'comment':
    case 'publish-preview':
      return {
        ...(op.statusAfter ? { statusId: op.statusAfter } : {}),
        ...(applied.commentDate ? { lastCommentDate: applied.commentDate } : {}),
      };
    case 'assign':
      return { assigneeIds: sortedIds([...(previous.assigneeIds ?? op.assigneesBefore), op.personId]) };
    case 'unassign':
      return { assigneeIds: (previous.assigneeIds ?? op.assigneesBefore).filter((person) => person !== op.personId) };
    case 'clear-assignation':
      return { assigneeIds: [] };
    case 'set-dates':
      return {
        ...(op.start ? { startDate: op.start.after } : {}),
        ...(op.due ? { dueDate: op.due.after } : {}),
      };
    case 'set-estimate':
      return { estimation: op.after };
    case 'set-priority':
      return { priority: op.after };
    case 'delete-comment':
      // zou recomputes status and last comment date from the remaining comments: unknown here.
      return {};
  }
}

/** Before/after of an operation as plain values, for the audit log. */
export function changeOf(op: Operation): { before: unknown; after: unknown } {
  switch (op.kind) {
    case 'comment':
      return {
        before: { statusId: op.statusBefore ?? null },
        after: { statusId: op.statusAfter ?? null, text: op.text },
      };
    case 'assign':
      return { before: op.assigneesBefore, after: sortedIds([...op.assigneesBefore, op.personId]) };
    case 'unassign':
      return { before: op.assigneesBefore, after: op.assigneesBefore.filter((person) => person !== op.personId) };
    case 'clear-assignation':
      return { before: op.assigneesBefore, after: [] };
    case 'set-dates':
      return {
        before: { start: op.start?.before, due: op.due?.before },
        after: { start: op.start?.after, due: op.due?.after },
      };
    case 'set-estimate':
    case 'set-priority':
      return { before: op.before, after: op.after };
    case 'delete-comment':
      return { before: { commentId: op.commentId, text: op.text }, after: null };
    case 'publish-preview':
      return {
        before: { statusId: op.statusBefore ?? null },
        after: { statusId: op.statusAfter ?? null, text: op.text, file: op.file.name, size: op.file.size },
      };
  }
}
