import { t } from '../i18n/pure';
import { describeKitsuError } from '../kitsu';
import { pause } from '../shared/promises';
import type { AuditLog, AuditRecord } from './audit';
import { createLimit, runPool } from './concurrency';
import { auditRecord, count, createJobState, createUnitRunner } from './job-run';
import { itemsToRun, type Job, type JobItem, type JobStatus, type Journal, type KitsuReport } from './journal';
import { DEFAULT_MARKER_TEMPLATE } from './marker';
import { type Operation, type Plan, PlanSchema } from './model';
import type { PreconditionNames } from './preconditions';
import type { PublishServices } from './publish-item';
import { readBackReport } from './read-back-report';
import { createSettler } from './settle';
import { batchKey, type PlanClient } from './steps';

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
  /**
   * After each item: the counts, and the job as the run holds it (its items updated in place), so a
   * status asked while it runs needs no journal read.
   */
  onProgress?: (progress: Progress, job: Job) => void;
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

async function run(job: Job, options: RunOptions): Promise<JobReport> {
  const { journal, signal } = options;
  const now = options.now ?? (() => new Date());
  const limit = createLimit(options.concurrency ?? 4);
  const landingMs = options.landingMs ?? LANDING_MS;
  const state = createJobState(job, options, now);
  const { items, records, setItem } = state;
  const settler = createSettler({
    limit,
    context: state.context,
    signal,
    landingMs,
    readBackPauseMs: options.readBackPauseMs,
    finish: state.finish,
  });

  await journal.setStatus(job.jobId, 'running');
  state.report();

  const { started } = itemsToRun(job);
  const lastStart = Math.max(...started.map((op) => Date.parse(items[op.id]?.at ?? '')).filter(Number.isFinite));
  const landing = lastStart + landingMs - now().getTime();
  if (landing > 0) await pause(landing);
  // A loaded zou queues requests: a write the dead worker sent can land after the landing time. What Kitsu
  // does not show yet is looked for once more, a landing time later, before it is written again.
  let absent = await settler.settleStarted(started);
  if (absent.length > 0) {
    await pause(landingMs);
    absent = await settler.settleStarted(absent);
  }
  for (const op of absent) await setItem(op, { state: 'pending', at: now().toISOString() });

  const runUnit = createUnitRunner(state, settler, { ...options, limit, now });
  for (const round of rounds(itemsToRun({ ...job, items }).pending)) {
    if (signal?.aborted) break;
    await runPool(batches(round, options.batchSize ?? 20), options.concurrency ?? 4, runUnit);
  }

  const states = Object.values(items).map((item) => item.state);
  const status: JobStatus = states.includes('started')
    ? 'interrupted'
    : states.includes('pending')
      ? 'cancelled'
      : 'done';
  if (status !== 'interrupted') await reportFromKitsu({ ...job, items }, { ...options, now });
  await journal.setStatus(job.jobId, status);
  return { jobId: job.jobId, planId: job.planId, status, progress: count({ ...job, items }), items, records };
}

/**
 * What Kitsu holds after the job, read back in batches: copies Kitsu received twice are deleted, the
 * journal points at the comments Kitsu keeps, and the counts go to the journal and the audit log.
 * Kitsu unreadable now leaves the job's own counts, said as such by the confirm window (which offers to
 * read back again); the answer is then why, null once read back.
 */
export async function reportFromKitsu(
  job: Job,
  options: Pick<RunOptions, 'client' | 'journal' | 'audit' | 'readBackPauseMs'> & { now: () => Date },
): Promise<string | null> {
  let outcome: Awaited<ReturnType<typeof readBackReport>> | undefined;
  let failure: unknown;
  for (let attempt = 1; attempt <= 3 && !outcome; attempt++) {
    try {
      outcome = await readBackReport(job, options.client, options.now, options.readBackPauseMs);
    } catch (error) {
      failure = error;
      if (attempt < 3) await pause((options.readBackPauseMs ?? 1_000) * attempt);
    }
  }
  if (!outcome) {
    const why = describeKitsuError(failure);
    await options.audit?.append([unreadRecord(job, why, options.now())]);
    return why;
  }
  for (const [operationId, result] of Object.entries(outcome.corrected)) {
    const item = job.items[operationId];
    if (item) await options.journal.setItem(job.jobId, operationId, { ...item, result });
  }
  await options.journal.setReport(job.jobId, outcome.report);
  await options.audit?.append([reportRecord(job, outcome.report)]);
  return null;
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

/** The job's read-back line in the audit log, one per job (or per read back asked again). */
function readBackRecord(
  job: Job,
  line: Pick<AuditRecord, 'after' | 'result' | 'reason'> & { at: string },
): AuditRecord {
  return {
    jobId: job.jobId,
    planId: job.planId,
    operationId: 'read-back',
    taskId: '',
    kind: 'read-back',
    before: null,
    ...line,
    operator: job.operator,
  };
}

/** The line when Kitsu could not be read back: why, and that the counts are the job's own. */
function unreadRecord(job: Job, why: string, at: Date): AuditRecord {
  return readBackRecord(job, {
    after: null,
    result: 'failed',
    reason: t('noteReadBackFailed', { why }),
    at: at.toISOString(),
  });
}

/** The line of a read back: what Kitsu held when the job ended, and each difference from the journal. */
function reportRecord(job: Job, report: KitsuReport): AuditRecord {
  const duplicates =
    report.duplicatesRemoved > 0 ? t('noteReadBackDuplicates', { count: String(report.duplicatesRemoved) }) : '';
  // As digits, the way the audit log always wrote them (1000, not 1,000).
  const counts = { applied: String(report.applied), skipped: String(report.skipped), failed: String(report.failed) };
  return readBackRecord(job, {
    after: { applied: report.applied, skipped: report.skipped, failed: report.failed },
    result: 'checked',
    reason: [t('noteReadBack', { ...counts, duplicates }), ...report.mismatches].join(' '),
    at: report.checkedAt,
  });
}
