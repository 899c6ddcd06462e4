// Runs a confirmed plan in the background: fresh precondition checks,
// zou's batch routes with per-item verification, bounded concurrency,
// progress, cancel, a journal written before and after every write, and an
// audit record for every item that ends. Writes are never retried: an
// unknown outcome (timeout, crash) is settled by reading Kitsu back.
import { describeKitsuError, isKitsuApiError, type KitsuErrorKind } from '../kitsu';
import type { PublishServices } from '../publish/step';
import type { AuditLog, AuditRecord } from './audit';
import { createLimit, runPool } from './concurrency';
import { type ItemResult, itemsToRun, type Job, type JobItem, type JobStatus, type Journal } from './journal';
import { DEFAULT_MARKER_TEMPLATE } from './marker';
import { type Operation, type Plan, PlanSchema, type Preconditions } from './model';
import { checkPreconditions, type PreconditionNames } from './preconditions';
import {
  batchKey,
  continueItem,
  type PlanClient,
  type ReadyItem,
  readBack,
  type StepContext,
  type StepOutcome,
  writeBatch,
} from './steps';
import { changeOf, effectsOf } from './values';

export interface Progress {
  done: number;
  total: number;
  applied: number;
  skipped: number;
  failed: number;
}

export interface RunOptions {
  client: PlanClient;
  journal: Journal;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Items per bulk request. */
  batchSize?: number;
  /** Stops starting new items; writes already sent are awaited and recorded. */
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  audit?: AuditLog;
  /** Names for readable skip reasons. */
  names?: PreconditionNames;
  now?: () => Date;
  /** Pause before asking Kitsu again whether a write landed (times the attempt). Default 1 s. */
  readBackPauseMs?: number;
  /**
   * How long a write may still land after the worker that sent it died: zou finishes a request whose
   * client is gone. A resumed job reads its 'started' items back only once they are this old, or it
   * would find nothing yet and write them a second time. Default: the API client's request timeout.
   */
  landingMs?: number;
  /** Batch publish: the upload client and the dropped files (plans without publish items need none). */
  publish?: PublishServices;
}

const LANDING_MS = 15_000;
/**
 * How many times Kitsu is asked whether a write of unknown outcome landed. One unreadable answer (a
 * garbled body from a proxy, a 5xx after the client's own retries) must not leave an item unsettled.
 */
const READ_BACK_ATTEMPTS = 3;
const READ_BACK_PAUSE_MS = 1_000;

export interface ExecuteOptions extends RunOptions {
  /** Who confirmed the plan: named in every comment's marker and in the audit log. */
  operator: string;
  markerTemplate?: string;
  /** operation id → reason: operations the impact found the token may not perform. */
  preSkipped?: Readonly<Record<string, string>>;
  jobId?: string;
}

export interface JobReport {
  jobId: string;
  planId: string;
  status: JobStatus;
  progress: Progress;
  items: Record<string, JobItem>;
  /** Audit records of the items that ended during this call. */
  records: AuditRecord[];
}

export async function executePlan(plan: Plan, options: ExecuteOptions): Promise<JobReport> {
  const now = options.now ?? (() => new Date());
  const job = await options.journal.create({
    jobId: options.jobId ?? crypto.randomUUID(),
    plan: PlanSchema.parse(plan),
    operator: options.operator,
    markerTemplate: options.markerTemplate ?? DEFAULT_MARKER_TEMPLATE,
    now: now(),
    preSkipped: options.preSkipped,
  });
  const preSkipped = job.plan.operations.flatMap((op) => {
    const item = job.items[op.id];
    return item?.state === 'skipped' ? [auditRecord(job, op, item)] : [];
  });
  await options.audit?.append(preSkipped);
  const report = await run(job, options);
  return { ...report, records: [...preSkipped, ...report.records] };
}

/** Continues a job after a worker restart: 'started' items are settled by reading Kitsu, so none runs twice. */
export async function resumeJob(jobId: string, options: RunOptions): Promise<JobReport> {
  const job = await options.journal.get(jobId);
  if (!job) throw new Error(`unknown job ${jobId}`);
  if (job.status === 'done')
    return { jobId, planId: job.planId, status: 'done', progress: count(job), items: job.items, records: [] };
  return run(job, options);
}

/** zou refused the request as a whole: nothing was written. */
const REFUSALS: readonly KitsuErrorKind[] = [
  'auth',
  'auth-expired',
  'auth-revoked',
  'permission',
  'validation',
  'conflict',
];

async function run(job: Job, options: RunOptions): Promise<JobReport> {
  const { client, journal, signal, audit } = options;
  const now = options.now ?? (() => new Date());
  const limit = createLimit(options.concurrency ?? 4);
  const batchSize = options.batchSize ?? 20;
  const items = { ...job.items };
  const records: AuditRecord[] = [];
  const context: StepContext = {
    client,
    jobId: job.jobId,
    projectId: job.plan.projectId,
    operator: job.operator,
    markerTemplate: job.markerTemplate,
    publish: options.publish,
    note: (op, result) => setItem(op, { state: 'started', result, at: now().toISOString() }),
    recorded: (op) => items[op.id]?.result,
  };
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

  const report = () => options.onProgress?.(count({ ...job, items }));
  const setItem = async (op: Operation, item: JobItem) => {
    items[op.id] = item;
    await journal.setItem(job.jobId, op.id, item);
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
    await audit?.append([record]);
    report();
  };

  /** Finishes a partly written item; it ends 'failed' with the reason when Kitsu fails again. */
  const continueSafely = async (op: Operation, partial: ItemResult): Promise<StepOutcome> => {
    try {
      return await limit(() => continueItem(op, partial, context));
    } catch (error) {
      return { state: 'failed', reason: describeKitsuError(error), result: partial };
    }
  };

  await journal.setStatus(job.jobId, 'running');
  report();

  const readBackPatiently = async (op: Operation) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await limit(() => readBack(op, context));
      } catch (error) {
        if (attempt >= READ_BACK_ATTEMPTS || signal?.aborted) throw error;
        const pause = (options.readBackPauseMs ?? READ_BACK_PAUSE_MS) * attempt;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  };

  const { started } = itemsToRun(job);
  const lastStart = Math.max(...started.map((op) => Date.parse(items[op.id]?.at ?? '')).filter(Number.isFinite));
  const landing = lastStart + (options.landingMs ?? LANDING_MS) - now().getTime();
  if (landing > 0) await new Promise((resolve) => setTimeout(resolve, landing));
  /** Reads started items back and settles those Kitsu shows an answer for; returns the ones it shows nothing of. */
  const settleStarted = async (ops: readonly Operation[]): Promise<Operation[]> => {
    const absent: Operation[] = [];
    await Promise.all(
      ops.map(async (op) => {
        let seen: Awaited<ReturnType<typeof readBack>>;
        try {
          seen = await readBackPatiently(op);
        } catch {
          return; // Kitsu unreadable, time after time: the item stays 'started' and the job 'interrupted'.
        }
        if (seen.landed) await finish(op, { state: 'applied', result: seen.result });
        else if (seen.partial) await finish(op, await continueSafely(op, seen.partial));
        else if (seen.changed)
          await finish(op, { state: 'failed', reason: `The job was interrupted and ${seen.changed}.` });
        else absent.push(op);
      }),
    );
    return absent;
  };
  // A loaded zou queues requests: a write the dead worker sent can land after the landing time. What Kitsu
  // does not show yet is looked for once more, a landing time later, before it is written again.
  let absent = await settleStarted(started);
  if (absent.length > 0) {
    await new Promise((resolve) => setTimeout(resolve, options.landingMs ?? LANDING_MS));
    absent = await settleStarted(absent);
  }
  for (const op of absent) await setItem(op, { state: 'pending', at: now().toISOString() });

  const runUnit = async (unit: readonly Operation[]) => {
    const ready: ReadyItem[] = [];
    await Promise.all(
      unit.map((op) =>
        limit(async () => {
          if (signal?.aborted) return;
          const checked = await checkFresh(op);
          if (checked) ready.push(checked);
        }),
      ),
    );
    if (signal?.aborted || ready.length === 0) return;
    ready.sort((a, b) => unit.indexOf(a.op) - unit.indexOf(b.op));
    const at = now().toISOString();
    await Promise.all(ready.map(({ op }) => setItem(op, { state: 'started', at })));
    let outcomes: Map<string, StepOutcome>;
    try {
      outcomes = await limit(() => writeBatch(ready, context));
    } catch (error) {
      outcomes = await settle(ready, error);
    }
    for (const { op } of ready) {
      await finish(op, outcomes.get(op.id) ?? { state: 'failed', reason: 'Kitsu gave no answer for this item.' });
    }
  };

  const checkFresh = async (op: Operation): Promise<ReadyItem | undefined> => {
    try {
      const task = await client.task(op.taskId, { signal });
      const names = { ...options.names, overlay: overlay.get(op.taskId) };
      const verdict = checkPreconditions(op, task, names);
      if (verdict.ok) return { op, task };
      let latestComment: Awaited<ReturnType<PlanClient['taskComments']>>[number] | undefined;
      if (verdict.changes.some((change) => change.field === 'statusId' || change.field === 'lastCommentDate')) {
        // Only to name who changed it; the verdict stands without it.
        latestComment = (await client.taskComments(op.taskId, { signal }).catch(() => []))[0];
      }
      const named = latestComment ? checkPreconditions(op, task, { ...names, latestComment }) : verdict;
      await finish(op, { state: 'skipped', reason: named.ok ? verdict.reason : named.reason });
    } catch (error) {
      if (signal?.aborted) return undefined;
      await finish(op, { state: 'failed', reason: `Could not read the task: ${describeKitsuError(error)}` });
    }
    return undefined;
  };

  const settle = async (ready: readonly ReadyItem[], error: unknown): Promise<Map<string, StepOutcome>> => {
    const why = describeKitsuError(error);
    const outcomes = new Map<string, StepOutcome>();
    if (ready.length === 1 && isKitsuApiError(error) && REFUSALS.includes(error.kind)) {
      for (const { op } of ready) outcomes.set(op.id, { state: 'failed', reason: why });
      return outcomes;
    }
    // zou finishes a request whose client stopped waiting: read back once such a write had time to land,
    // or a slow batch would be reported "not on the task" and land afterwards.
    if (isKitsuApiError(error) && error.kind === 'timeout') {
      await new Promise((resolve) => setTimeout(resolve, options.landingMs ?? LANDING_MS));
    }
    await Promise.all(
      ready.map(async ({ op }) => {
        try {
          const seen = await readBackPatiently(op);
          outcomes.set(
            op.id,
            seen.landed
              ? { state: 'applied', result: seen.result }
              : seen.partial
                ? await continueSafely(op, seen.partial)
                : { state: 'failed', reason: `${why} The change is not on the task.` },
          );
        } catch {
          outcomes.set(op.id, { state: 'failed', reason: `${why} Whether it was applied is unknown: check the task.` });
        }
      }),
    );
    return outcomes;
  };

  for (const round of rounds(itemsToRun({ ...job, items }).pending)) {
    if (signal?.aborted) break;
    await runPool(batches(round, batchSize), options.concurrency ?? 4, runUnit);
  }

  const states = Object.values(items).map((item) => item.state);
  const status: JobStatus = states.includes('started')
    ? 'interrupted'
    : states.includes('pending')
      ? 'cancelled'
      : 'done';
  await journal.setStatus(job.jobId, status);
  return { jobId: job.jobId, planId: job.planId, status, progress: count({ ...job, items }), items, records };
}

/**
 * One operation per task per round, in plan order: several operations on a
 * task run one after the other, each checked against what the previous wrote.
 */
function rounds(pending: readonly Operation[]): Operation[][] {
  const result: Operation[][] = [];
  const perTask = new Map<string, number>();
  for (const op of pending) {
    const index = perTask.get(op.taskId) ?? 0;
    perTask.set(op.taskId, index + 1);
    const round = result[index] ?? [];
    round.push(op);
    result[index] = round;
  }
  return result;
}

function batches(round: readonly Operation[], size: number): Operation[][] {
  const groups = new Map<string, Operation[]>();
  for (const op of round) groups.set(batchKey(op), [...(groups.get(batchKey(op)) ?? []), op]);
  return [...groups.values()].flatMap((group) =>
    Array.from({ length: Math.ceil(group.length / size) }, (_, index) => group.slice(index * size, (index + 1) * size)),
  );
}

function count(job: Pick<Job, 'plan' | 'items'>): Progress {
  const states = job.plan.operations.map((op) => job.items[op.id]?.state);
  const applied = states.filter((state) => state === 'applied').length;
  const skipped = states.filter((state) => state === 'skipped').length;
  const failed = states.filter((state) => state === 'failed').length;
  return { done: applied + skipped + failed, total: states.length, applied, skipped, failed };
}

function auditRecord(job: Job, op: Operation, item: JobItem): AuditRecord {
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
