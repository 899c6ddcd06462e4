// When a job ends, its counts come from Kitsu, not from what the job believes: the comments it posted
// are read back from the production's comment feed and its other changes from fresh task rows, in
// batches. A comment Kitsu received twice for one operation (a browser replays a request whose
// connection dropped before any byte of the answer, and neither side sees an error) is found here: the
// later copy is deleted, and the report says so.
import { t } from '../i18n/pure';
import { type Comment, describeKitsuError, isKitsuApiError, mayPass, type Task } from '../kitsu';
import { pause } from '../shared/promises';
import type { ItemResult, Job, JobItem, KitsuReport } from './journal';
import { readCommentsSince, readTasks } from './kitsu-reads';
import { markerRef, operationRef } from './marker';
import type { Operation } from './model';
import { holds, type PlanClient } from './steps';

/**
 * zou's clock and the browser's may differ. The job's start is put on zou's clock with the offset its
 * recorded comments show (zou's date of a comment against the browser's time its answer was journaled),
 * and the feed is read back from a little before it; with no recorded comment to tell the offset, from
 * well before it.
 */
/** How the journal's states read in a sentence (a held change recorded as anything but applied). */
const ITEM_STATE_NAMES = {
  pending: 'noteItemStatePending',
  started: 'noteItemStateStarted',
  failed: 'noteItemStateFailed',
  skipped: 'noteItemStateSkipped',
} as const;

const MARGIN_MS = 2 * 60_000;
const UNKNOWN_CLOCK_MARGIN_MS = 15 * 60_000;

/**
 * Tries of one copy's delete. A read-back deletes many copies after a job that lost answers, through the
 * same faulty link: one failed delete must not cost the whole read-back (and leave every copy in Kitsu).
 */
const DELETE_TRIES = 4;

export interface ReadBackOutcome {
  report: KitsuReport;
  /** Items whose journal should now point at the comment Kitsu keeps (the first of two copies). */
  corrected: Record<string, ItemResult>;
}

type Held = { held: boolean; comment?: Comment; copies?: Comment[] };

/** zou writes timestamps in UTC, without a zone, to the second. */
const zouStamp = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** `pauseMs`: the first pause before a delete is tried again (then twice as long, and so on). */
export async function readBackReport(
  job: Job,
  client: PlanClient,
  now: () => Date,
  pauseMs = 1_000,
): Promise<ReadBackOutcome> {
  const ops = job.plan.operations;
  const held = new Map<string, Held>();
  const commentOps = ops.filter((op) => op.kind === 'comment' || op.kind === 'publish-preview');
  const deletions = ops.filter((op) => op.kind === 'delete-comment');
  if (commentOps.length > 0 || deletions.length > 0) {
    const since = zouStamp(Math.min(jobStartOnZouClock(job, commentOps), ...deletions.map(deletedSince)));
    const feed = await readCommentsSince(client, job.plan.projectId, since);
    const byRef = groupByRef(feed.comments);
    for (const op of commentOps) {
      const copies = byRef.get(operationRef(job.jobId, op.id)) ?? (feed.complete ? [] : undefined);
      held.set(op.id, copies ? keptOf(copies, job.items[op.id], op) : await commentsOfTask(client, job, op));
    }
    const present = new Set(feed.comments.map((comment) => comment.id));
    for (const op of deletions) {
      const gone = feed.complete
        ? !present.has(op.commentId)
        : !(await client.taskComments(op.taskId)).some((comment) => comment.id === op.commentId);
      held.set(op.id, { held: gone });
    }
  }
  const fieldOps = ops.filter((op) => !held.has(op.id));
  const tasks = await readTasks(
    client,
    fieldOps.map((op) => op.taskId),
  );
  for (const op of fieldOps) held.set(op.id, { held: fieldHeld(op, tasks.get(op.taskId)) });

  const corrected: Record<string, ItemResult> = {};
  let duplicatesRemoved = 0;
  const mismatches: string[] = [];
  for (const op of commentOps) {
    const found = held.get(op.id);
    if (!found?.comment) continue;
    const copies = found.copies ?? [];
    const refusals: string[] = [];
    for (const copy of copies) {
      const refusal = await deleteCopy(client, op.taskId, copy.id, pauseMs);
      if (refusal === null) duplicatesRemoved += 1;
      else refusals.push(refusal);
    }
    if (copies.length > 0) {
      const times = String(1 + copies.length);
      mismatches.push(
        refusals.length === 0
          ? t('noteReadBackDuplicateReceived', { task: op.taskLabel, times })
          : t('noteReadBackDuplicateKept', { task: op.taskLabel, times, why: refusals[0] ?? '' }),
      );
    }
    const recorded = job.items[op.id]?.result;
    if (recorded?.commentId !== found.comment.id) {
      corrected[op.id] = { ...recorded, commentId: found.comment.id, commentDate: found.comment.created_at };
    }
  }
  const counts = { applied: 0, skipped: 0, failed: 0 };
  for (const op of ops) {
    const item = job.items[op.id];
    const state = item?.state ?? 'pending';
    // A publish is whole only with its preview, which the feed does not show: its comment alone proves nothing.
    const inKitsu = (held.get(op.id)?.held ?? false) && (op.kind !== 'publish-preview' || state === 'applied');
    if (state === 'skipped') counts.skipped += 1;
    else if (inKitsu) {
      counts.applied += 1;
      if (state !== 'applied') {
        mismatches.push(t('noteReadBackHeldButRecorded', { task: op.taskLabel, state: t(ITEM_STATE_NAMES[state]) }));
      }
    } else if (state === 'applied' || state === 'failed') {
      counts.failed += 1;
      if (state === 'applied') {
        mismatches.push(t('noteReadBackAppliedButAbsent', { task: op.taskLabel }));
      }
    }
  }
  return {
    report: { checkedAt: now().toISOString(), ...counts, duplicatesRemoved, mismatches },
    corrected,
  };
}

/**
 * Deletes a copy Kitsu received twice; null once it is gone. A copy already gone counts as deleted: the
 * answer to an earlier delete was lost, or the browser sent that delete again by itself. A failure that may
 * pass is tried again, then thrown (the read-back is tried again as a whole); a refusal is returned, said in
 * the report.
 */
async function deleteCopy(client: PlanClient, taskId: string, commentId: string, pauseMs: number) {
  for (let tries = 1; ; tries++) {
    try {
      await client.deleteComment(taskId, commentId);
      return null;
    } catch (error) {
      if (isKitsuApiError(error) && error.kind === 'not-found') return null;
      if (!mayPass(error)) return describeKitsuError(error);
      if (tries >= DELETE_TRIES) throw error;
      await pause(pauseMs * 2 ** (tries - 1));
    }
  }
}

/** When the job started, on zou's clock, minus a margin: no comment of the job is older. */
export function jobStartOnZouClock(job: Job, commentOps: readonly Operation[]): number {
  const offsets = commentOps
    .flatMap((op) => {
      const item = job.items[op.id];
      const offset = Date.parse(`${item?.result?.commentDate ?? ''}Z`) - Date.parse(item?.at ?? '');
      return Number.isFinite(offset) ? [offset] : [];
    })
    .sort((a, b) => a - b);
  const started = Date.parse(job.createdAt);
  const median = offsets[Math.floor(offsets.length / 2)];
  return median === undefined ? started - UNKNOWN_CLOCK_MARGIN_MS : started + median - MARGIN_MS;
}

function deletedSince(op: Operation): number {
  // The comment an undo deletes was posted by an earlier job: the feed is read back to it (zou's clock).
  const posted = op.kind === 'delete-comment' ? Date.parse(`${op.preconditions.lastCommentDate ?? ''}Z`) : Number.NaN;
  return Number.isFinite(posted) ? posted - MARGIN_MS : Number.POSITIVE_INFINITY;
}

/**
 * The feed is paged by date, and a batch writes many comments in one second: across a page's edge zou's
 * order of those is not stable, and one comment can show on two pages. Each comment counts once.
 */
function groupByRef(comments: readonly Comment[]): Map<string, Comment[]> {
  const byRef = new Map<string, Comment[]>();
  const seen = new Set<string>();
  for (const comment of comments) {
    const ref = markerRef(comment.text);
    if (!ref || seen.has(comment.id)) continue;
    seen.add(comment.id);
    byRef.set(ref, [...(byRef.get(ref) ?? []), comment]);
  }
  return byRef;
}

/**
 * The first copy stays, the later ones are copies. A batch publish keeps the copy the journal names
 * wherever it is: its preview was added to that one.
 */
function keptOf(copies: readonly Comment[], item: JobItem | undefined, op: Operation): Held {
  if (copies.length === 0) return { held: false };
  const recorded = (comment: Comment) => Number(comment.id === item?.result?.commentId);
  const ordered = [...copies].sort((a, b) =>
    op.kind === 'publish-preview'
      ? recorded(b) - recorded(a) || a.created_at.localeCompare(b.created_at)
      : a.created_at.localeCompare(b.created_at) || recorded(b) - recorded(a),
  );
  const [comment, ...rest] = ordered;
  return { held: true, comment, copies: rest };
}

async function commentsOfTask(client: PlanClient, job: Job, op: Operation): Promise<Held> {
  const ref = operationRef(job.jobId, op.id);
  const copies = (await client.taskComments(op.taskId)).filter((comment) => markerRef(comment.text) === ref);
  return keptOf(copies, job.items[op.id], op);
}

function fieldHeld(op: Operation, task: Task | undefined): boolean {
  if (!task || op.kind === 'comment' || op.kind === 'publish-preview' || op.kind === 'delete-comment') return false;
  return holds(op, task) === 'holds';
}
