// One run of a job's items: what the run shares (the items' states, what the job already wrote on each
// task, the journal and audit record of each item that ends), and the run of one unit of items, checked
// fresh just before its write.
import { t } from '../i18n/pure';
import type { Task } from '../kitsu';
import { describeKitsuError, isKitsuApiError, isOverloaded } from '../kitsu';
import type { AuditRecord } from './audit';
import type { createLimit } from './concurrency';
import type { Progress, RunOptions } from './executor';
import type { ItemResult, Job, JobItem } from './journal';
import { readTasks } from './kitsu-reads';
import type { Operation, Preconditions } from './model';
import { checkPreconditions } from './preconditions';
import type { createSettler } from './settle';
import { type ReadyItem, type StepContext, type StepOutcome, writeBatch } from './steps';
import { changeOf, effectsOf } from './values';

/** Each item is checked against Kitsu state read after the confirmation and at most this long before its write. */
export const FRESHNESS_MS = 5_000;

export function createJobState(job: Job, options: RunOptions, now: () => Date) {
  const items = { ...job.items };
  const records: AuditRecord[] = [];
  // What this job already wrote on each task: later operations expect it instead of the preview's values.
  const overlay = new Map<string, Preconditions>();
  const remember = (op: Operation, result: ItemResult) => {
    const previous = overlay.get(op.taskId) ?? {};
    overlay.set(op.taskId, { ...previous, ...effectsOf(op, result, previous) });
  };
  for (const op of job.plan.operations) {
    const item = items[op.id];
    if (item?.state === 'applied') remember(op, item.result ?? {});
  }
  const live: Job = { ...job, items };
  const report = () => options.onProgress?.(count(live), live);
  const setItem = async (op: Operation, item: JobItem) => {
    items[op.id] = item;
    await options.journal.setItem(job.jobId, op.id, item);
  };
  const context: StepContext = {
    client: options.client,
    jobId: job.jobId,
    projectId: job.plan.projectId,
    operator: job.operator,
    markerTemplate: job.markerTemplate,
    publish: options.publish,
    note: (op, result) => setItem(op, { state: 'started', result, at: now().toISOString() }),
    recorded: (op) => items[op.id]?.result,
  };
  const finish = async (op: Operation, outcome: StepOutcome) => {
    const at = now().toISOString();
    const item: JobItem =
      outcome.state === 'applied'
        ? { state: 'applied', result: outcome.result, at }
        : { state: outcome.state, reason: outcome.reason, ...(outcome.result ? { result: outcome.result } : {}), at };
    await setItem(op, item);
    if (outcome.state === 'applied') remember(op, outcome.result);
    const record = auditRecord(job, op, item);
    records.push(record);
    await options.audit?.append([record]);
    report();
  };
  return { items, records, overlay, context, setItem, finish, report };
}
export type JobState = ReturnType<typeof createJobState>;

type UnitOptions = Pick<RunOptions, 'client' | 'signal' | 'names'> & {
  limit: ReturnType<typeof createLimit>;
  now: () => Date;
};

/** Which of a unit's items still hold on Kitsu: the others end here, skipped or failed, with the reason. */
function createFreshCheck(state: JobState, { client, signal, names: knownNames, limit, now }: UnitOptions) {
  const { finish, overlay } = state;
  /**
   * The unit's items whose preconditions hold on Kitsu's state, read in one list read after the
   * confirmation. `inSlot`: the caller already holds a request slot (a re-check just before the write).
   */
  const checkFresh = async (
    unit: readonly Operation[],
    inSlot = false,
  ): Promise<{ ready: ReadyItem[]; readAt: number }> => {
    let tasks: Map<string, Task>;
    try {
      const read = () =>
        readTasks(
          client,
          unit.map((op) => op.taskId),
          signal,
        );
      tasks = await (inSlot ? read() : limit(read));
    } catch (error) {
      if (!signal?.aborted) {
        const reason = t('errorTaskUnreadable', { why: describeKitsuError(error) });
        for (const op of unit) await finish(op, { state: 'failed', reason });
      }
      return { ready: [], readAt: now().getTime() };
    }
    const readAt = now().getTime();
    const ready: ReadyItem[] = [];
    for (const op of unit) {
      const task = tasks.get(op.taskId);
      if (!task) {
        await finish(op, {
          state: 'failed',
          reason: t('errorTaskGone'),
        });
        continue;
      }
      const names = { ...knownNames, overlay: overlay.get(op.taskId) };
      const verdict = checkPreconditions(op, task, names);
      if (verdict.ok) ready.push({ op, task });
      else await finish(op, { state: 'skipped', reason: await namedReason(op, task, verdict, names) });
    }
    return { ready, readAt };
  };

  /** Who changed the task, when the change is one a comment makes: only to name them, the verdict stands. */
  const namedReason = async (
    op: Operation,
    task: Task,
    verdict: Extract<ReturnType<typeof checkPreconditions>, { ok: false }>,
    names: Parameters<typeof checkPreconditions>[2],
  ) => {
    if (!verdict.changes.some((change) => change.field === 'statusId' || change.field === 'lastCommentDate')) {
      return verdict.reason;
    }
    const [latestComment] = await client.taskComments(op.taskId, { signal }).catch(() => []);
    const named = latestComment ? checkPreconditions(op, task, { ...names, latestComment }) : verdict;
    return named.ok ? verdict.reason : named.reason;
  };

  return checkFresh;
}

/**
 * Runs of a unit whose write Kitsu refused as overloaded (429, 503: refused before acting on it, the host's
 * pacing then waits as long as Kitsu asks). The items Kitsu shows nothing of run again, checked afresh;
 * after the last run they fail with the reason.
 */
const OVERLOADED_RUNS = 3;
const refusedAsOverloaded = (error: unknown) => isKitsuApiError(error) && isOverloaded(error.status ?? 0);

/** Runs one unit of items: checked fresh, written in one request when it can, each item's end recorded. */
export function createUnitRunner(state: JobState, settler: ReturnType<typeof createSettler>, unitOptions: UnitOptions) {
  const { signal, limit, now } = unitOptions;
  const { setItem, finish, context } = state;
  const checkFresh = createFreshCheck(state, unitOptions);
  /** One run of the unit; the items to run again (`mayRunAgain`: Kitsu refused the write as overloaded). */
  const runOnce = async (unit: readonly Operation[], mayRunAgain: boolean): Promise<Operation[]> => {
    const again: Operation[] = [];
    if (signal?.aborted) return again;
    let { ready, readAt } = await checkFresh(unit);
    if (signal?.aborted || ready.length === 0) return again;
    await limit(async () => {
      // Naming who changed a skipped item, or waiting for a slot, may have taken long: the state the
      // items were checked on must still be fresh when they are written.
      while (now().getTime() - readAt > FRESHNESS_MS && ready.length > 0) {
        ({ ready, readAt } = await checkFresh(
          ready.map((item) => item.op),
          true,
        ));
      }
      if (signal?.aborted || ready.length === 0) return;
      const at = now().toISOString();
      await Promise.all(ready.map(({ op }) => setItem(op, { state: 'started', at })));
      let outcomes: Map<string, StepOutcome>;
      let absent = new Set<string>();
      try {
        outcomes = await writeBatch(ready, context);
      } catch (error) {
        ({ outcomes, absent } = await settler.settleFailedBatch(ready, error));
        if (!mayRunAgain || !refusedAsOverloaded(error) || signal?.aborted) absent.clear();
      }
      for (const { op } of ready) {
        if (absent.has(op.id)) {
          again.push(op);
          await setItem(op, { state: 'pending', at: now().toISOString() });
        } else await finish(op, outcomes.get(op.id) ?? { state: 'failed', reason: t('errorNoAnswerForItem') });
      }
    });
    return again;
  };
  const runUnit = async (unit: readonly Operation[]) => {
    let left: readonly Operation[] = unit;
    for (let run = 1; left.length > 0; run++) left = await runOnce(left, run < OVERLOADED_RUNS);
  };
  return runUnit;
}

export function count(job: Pick<Job, 'plan' | 'items'>): Progress {
  const states = job.plan.operations.map((op) => job.items[op.id]?.state);
  const applied = states.filter((state) => state === 'applied').length;
  const skipped = states.filter((state) => state === 'skipped').length;
  const failed = states.filter((state) => state === 'failed').length;
  return { done: applied + skipped + failed, total: states.length, applied, skipped, failed };
}

export function auditRecord(job: Job, op: Operation, item: JobItem): AuditRecord {
  return {
    jobId: job.jobId,
    planId: job.planId,
    operationId: op.id,
    taskId: op.taskId,
    kind: op.kind,
    ...changeOf(op),
    result: item.state === 'applied' || item.state === 'skipped' ? item.state : 'failed',
    ...(item.reason ? { reason: item.reason } : {}),
    ...(item.result?.commentId ? { commentId: item.result.commentId } : {}),
    at: item.at,
    operator: job.operator,
  };
}
