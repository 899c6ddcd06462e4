// The writes of each operation kind on zou's routes, with per-item
// verification (bulk routes skip tasks silently), and the read-back that
// settles an item whose write outcome is unknown (timeout, crash).
import { t } from '../i18n/pure';
import type { KitsuClient, Task } from '../kitsu';
import { dayOf } from '../shared/dates';
import type { ItemResult } from './journal';
import { markerRef, operationRef, withMarker } from './marker';
import type { Operation, OperationOf } from './model';
import type { PublishServices } from './publish-item';
import { sortedIds } from './values';

export type PlanClient = Pick<
  KitsuClient,
  | 'task'
  | 'tasksByIds'
  | 'taskComments'
  | 'projectComments'
  | 'commentTask'
  | 'batchComment'
  | 'assignTasks'
  | 'clearAssignation'
  | 'setPriority'
  | 'updateTask'
  | 'deleteComment'
>;

export interface StepContext {
  client: PlanClient;
  jobId: string;
  projectId: string;
  operator: string;
  markerTemplate: string;
  /** Batch publish: the upload client and the dropped files. */
  publish?: PublishServices;
  /** Journals what an item already wrote before it ends (a posted comment), so a resumed job continues it. */
  note?: (op: Operation, result: ItemResult) => Promise<void>;
  /** The item's journaled result when it was resumed. */
  recorded?: (op: Operation) => ItemResult | undefined;
}

/** An item ready to write: its operation and the fresh task its preconditions were checked on. */
export interface ReadyItem {
  op: Operation;
  task: Task;
}

export type StepOutcome =
  | { state: 'applied'; result: ItemResult }
  /** A failed item may have written part of its work (a publish's comment): undo needs it. */
  | { state: 'skipped' | 'failed'; reason: string; result?: ItemResult };

const SILENTLY_SKIPPED = t('errorSilentlySkipped');

/** Operations written by one request share a batch key; others get a key of their own. */
export function batchKey(op: Operation): string {
  switch (op.kind) {
    case 'comment':
      return 'comment';
    case 'assign':
    case 'unassign':
      return `${op.kind}:${op.personId}`;
    case 'clear-assignation':
      return 'clear-assignation';
    case 'set-priority':
      return `set-priority:${op.after}`;
    default:
      return `single:${op.id}`;
  }
}

export function postedText(
  op: OperationOf<'comment' | 'publish-preview'> | { id: string; text: string },
  context: StepContext,
): string {
  return withMarker(op.text, context.operator, context.markerTemplate, operationRef(context.jobId, op.id));
}

/**
 * Undo, after deleting a comment: zou recomputed the status from the remaining comments. Where that is not
 * the status the task had before the job, the comment the preview showed sets it back.
 */
async function restoreStatus(op: OperationOf<'delete-comment'>, context: StepContext): Promise<StepOutcome> {
  const { statusBefore, restoreText } = op;
  if (!statusBefore || !restoreText) return { state: 'applied', result: {} };
  const task = await context.client.task(op.taskId);
  if (task.task_status_id === statusBefore) return { state: 'applied', result: {} };
  const comment = await context.client.commentTask(op.taskId, {
    task_status_id: statusBefore,
    comment: postedText({ id: op.id, text: restoreText }, context),
  });
  return { state: 'applied', result: { commentId: comment.id, commentDate: comment.created_at } };
}

/** Performs the write of a batch (same batchKey) and tells, per operation id, what zou really did. */
export async function writeBatch(items: readonly ReadyItem[], context: StepContext): Promise<Map<string, StepOutcome>> {
  const { client } = context;
  const first = items[0];
  if (!first) return new Map();
  const taskIds = items.map((item) => item.op.taskId);
  const byTask = (outcome: (taskId: string) => StepOutcome) =>
    new Map(items.map((item) => [item.op.id, outcome(item.op.taskId)]));

  switch (first.op.kind) {
    case 'comment': {
      const requests = items.map(({ op, task }) => {
        const comment = op as OperationOf<'comment'>;
        return {
          task_id: op.taskId,
          task_status_id: comment.statusAfter ?? task.task_status_id,
          comment: postedText(comment, context),
        };
      });
      const [single] = requests;
      const comments =
        requests.length === 1 && single
          ? [
              await client.commentTask(single.task_id, {
                task_status_id: single.task_status_id,
                comment: single.comment,
              }),
            ]
          : await client.batchComment(context.projectId, requests);
      return byTask((taskId) => {
        const comment = comments.find((item) => item.object_id === taskId);
        return comment
          ? { state: 'applied', result: { commentId: comment.id, commentDate: comment.created_at } }
          : { state: 'skipped', reason: SILENTLY_SKIPPED };
      });
    }
    case 'assign': {
      const { personId } = first.op;
      const tasks = await client.assignTasks(personId, taskIds);
      return byTask((taskId) => {
        const task = tasks.find((item) => item.id === taskId);
        return task?.assignees.includes(personId)
          ? { state: 'applied', result: { assignees: sortedIds(task.assignees) } }
          : { state: 'skipped', reason: SILENTLY_SKIPPED };
      });
    }
    case 'unassign':
    case 'clear-assignation': {
      const personId = first.op.kind === 'unassign' ? first.op.personId : undefined;
      const changed = await client.clearAssignation(taskIds, personId);
      return byTask((taskId) =>
        changed.includes(taskId) ? { state: 'applied', result: {} } : { state: 'skipped', reason: SILENTLY_SKIPPED },
      );
    }
    case 'set-priority': {
      const { after } = first.op;
      const rows = await client.setPriority(taskIds, after);
      return byTask((taskId) =>
        rows.some((row) => row.id === taskId && row.priority === after)
          ? { state: 'applied', result: {} }
          : { state: 'skipped', reason: SILENTLY_SKIPPED },
      );
    }
    case 'set-dates': {
      const { start, due } = first.op;
      const row = await client.updateTask(first.op.taskId, {
        ...(start ? { start_date: start.after } : {}),
        ...(due ? { due_date: due.after } : {}),
      });
      const landed =
        (!start || dayOf(row.start_date) === dayOf(start.after)) && (!due || dayOf(row.due_date) === dayOf(due.after));
      return byTask(() =>
        landed ? { state: 'applied', result: {} } : { state: 'failed', reason: t('errorKeptOtherDates') },
      );
    }
    case 'set-estimate': {
      const { after } = first.op;
      const row = await client.updateTask(first.op.taskId, { estimation: after });
      return byTask(() =>
        row.estimation === after
          ? { state: 'applied', result: {} }
          : { state: 'failed', reason: t('errorKeptOtherEstimate') },
      );
    }
    case 'delete-comment': {
      await client.deleteComment(first.op.taskId, first.op.commentId);
      const outcome = await restoreStatus(first.op, context);
      return byTask(() => outcome);
    }
    case 'publish-preview': {
      const outcome = await continueItem(first.op, {}, context, first.op.statusAfter ?? first.task.task_status_id);
      return byTask(() => outcome);
    }
  }
}

/**
 * Finishes an item that wrote part of its work before its worker died (`partial`, read back from
 * Kitsu): no precondition check, the person's change then was this item's own.
 */
export async function continueItem(
  op: Operation,
  partial: ItemResult,
  context: StepContext,
  statusId?: string,
): Promise<StepOutcome> {
  if (op.kind === 'delete-comment') return restoreStatus(op, context);
  if (op.kind !== 'publish-preview') return { state: 'failed', reason: 'Only batch publish items continue.' };
  if (!context.publish) return { state: 'failed', reason: 'Batch publish is not available in this worker.' };
  return context.publish.step.run(
    op,
    statusId ?? op.statusAfter ?? '',
    {
      publish: context.publish,
      postedText: postedText(op, context),
      note: (result) => context.note?.(op, result) ?? Promise.resolve(),
    },
    partial,
  );
}

/** What Kitsu shows of an item whose write may or may not have happened. */
export type ReadBack =
  | { landed: true; result: ItemResult }
  /** `partial`: part of the item landed (a publish's comment); `continueItem` finishes it. */
  | { landed: false; changed?: string; partial?: ItemResult };

export async function readBack(op: Operation, context: StepContext): Promise<ReadBack> {
  const { client } = context;
  const ref = operationRef(context.jobId, op.id);
  if (op.kind === 'publish-preview') {
    if (!context.publish) throw new Error('Batch publish is not available in this worker.');
    return context.publish.step.readBack(
      op,
      context.publish.client,
      context.recorded?.(op) ?? {},
      (comments) => firstWithRef(comments, ref)?.id,
    );
  }
  if (op.kind === 'comment') {
    const posted = firstWithRef(await client.taskComments(op.taskId), ref);
    return posted
      ? { landed: true, result: { commentId: posted.id, commentDate: posted.created_at } }
      : { landed: false };
  }
  if (op.kind === 'delete-comment') {
    const comments = await client.taskComments(op.taskId);
    if (comments.some((comment) => comment.id === op.commentId)) return { landed: false };
    const restore = firstWithRef(comments, ref);
    if (restore) return { landed: true, result: { commentId: restore.id, commentDate: restore.created_at } };
    // Deleted; whether the status still has to be set back is decided by continuing the item.
    return op.restoreText ? { landed: false, partial: {} } : { landed: true, result: {} };
  }
  const task = await client.task(op.taskId);
  const verdict = holds(op, task);
  if (verdict === 'holds') {
    const assigneesChange = op.kind === 'assign' || op.kind === 'unassign' || op.kind === 'clear-assignation';
    return { landed: true, result: assigneesChange ? { assignees: sortedIds(task.assignees) } : {} };
  }
  return verdict === 'before' ? { landed: false } : { landed: false, changed: t('errorChangedMeanwhile') };
}

/** The earliest comment carrying an operation's reference: a later one is a copy Kitsu received twice. */
export function firstWithRef<C extends { text: string | null; created_at: string }>(
  comments: readonly C[],
  ref: string,
): C | undefined {
  return comments
    .filter((comment) => markerRef(comment.text) === ref)
    .sort((a, b) => a.created_at.localeCompare(b.created_at))[0];
}

/**
 * Whether a task, read from Kitsu, holds the change of a field operation ('holds'), still shows the
 * value the operation replaces ('before'), or shows something else ('other').
 */
export function holds(
  op: Exclude<Operation, OperationOf<'comment' | 'publish-preview' | 'delete-comment'>>,
  task: Pick<Task, 'assignees' | 'start_date' | 'due_date' | 'estimation' | 'priority'>,
): 'holds' | 'before' | 'other' {
  const assignees = sortedIds(task.assignees);
  switch (op.kind) {
    case 'assign':
      return assignees.includes(op.personId) ? 'holds' : 'before';
    case 'unassign':
      return assignees.includes(op.personId) ? 'before' : 'holds';
    case 'clear-assignation':
      return assignees.length === 0 ? 'holds' : 'before';
    case 'set-dates': {
      const pairs = [
        [op.start, dayOf(task.start_date)],
        [op.due, dayOf(task.due_date)],
      ] as const;
      const used = pairs.filter(([change]) => change !== undefined);
      if (used.every(([change, value]) => dayOf(change?.after) === value)) return 'holds';
      return used.every(([change, value]) => dayOf(change?.before) === value) ? 'before' : 'other';
    }
    case 'set-estimate':
    case 'set-priority': {
      const value = op.kind === 'set-estimate' ? task.estimation : task.priority;
      if (value === op.after) return 'holds';
      return value === op.before ? 'before' : 'other';
    }
  }
}
