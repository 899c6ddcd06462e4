// Invariant 5: the job journal makes every item "applied once" or "failed
// with a reason", across service-worker restarts. Each item is written
// before its write starts ('started') and after it ends; an item found
// 'started' after a restart is resolved by reading Kitsu, never re-run blind.
//
// One IndexedDB key per item (`item:<job>:<operation>`) next to the job's own
// key (`job:<job>`), so concurrent steps never rewrite each other's state.

import { createStore, get, getMany, keys, set, setMany, type UseStore, update } from 'idb-keyval';
import { z } from 'zod';
import { t } from '../i18n/pure';
import { type Operation, PlanSchema } from './model';

export const JOB_STATUSES = ['running', 'done', 'cancelled', 'interrupted'] as const;
export const ITEM_STATES = ['pending', 'started', 'applied', 'skipped', 'failed'] as const;

export const ItemResultSchema = z
  .object({
    commentId: z.string(),
    /** created_at of the posted comment: the next operation on the task expects it as last comment date. */
    commentDate: z.string(),
    /** Assignees zou returned after the write. */
    assignees: z.array(z.string()),
    /** Batch publish: the preview file added to the comment (empty until its upload lands). */
    previewFileId: z.string(),
  })
  .partial()
  .strict();
export type ItemResult = z.infer<typeof ItemResultSchema>;

/** A job's counts as Kitsu holds them after the job, read back in batches, and what differed from the journal. */
export const KitsuReportSchema = z
  .object({
    checkedAt: z.string(),
    applied: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    /** Comments Kitsu received twice for one operation (a replayed request); the later copy was deleted. */
    duplicatesRemoved: z.number().int().nonnegative(),
    /** Sentences for people: each place where Kitsu differs from what the job recorded. */
    mismatches: z.array(z.string()),
  })
  .strict();
export type KitsuReport = z.infer<typeof KitsuReportSchema>;

export const JobItemSchema = z
  .object({
    state: z.enum(ITEM_STATES),
    result: ItemResultSchema.optional(),
    reason: z.string().optional(),
    at: z.string(),
  })
  .strict();
export type JobItem = z.infer<typeof JobItemSchema>;

const JobMetaSchema = z
  .object({
    jobId: z.string().min(1),
    planId: z.string().min(1),
    plan: PlanSchema,
    operator: z.string(),
    markerTemplate: z.string(),
    createdAt: z.string(),
    status: z.enum(JOB_STATUSES),
  })
  .strict();
type JobMeta = z.infer<typeof JobMetaSchema>;

export const JobSchema = JobMetaSchema.extend({ items: z.record(z.string(), JobItemSchema) });
export type Job = z.infer<typeof JobSchema>;
export type JobStatus = Job['status'];

export interface NewJob {
  jobId: string;
  plan: Job['plan'];
  operator: string;
  markerTemplate: string;
  now: Date;
  /** operation id → why it is skipped before it could start (e.g. the token may not do it). */
  preSkipped?: Readonly<Record<string, string>>;
}

const jobKey = (jobId: string) => `job:${jobId}`;
const reportKey = (jobId: string) => `report:${jobId}`;
const itemKey = (jobId: string, operationId: string) => `item:${jobId}:${operationId}`;

async function readJobMeta(store: UseStore, jobId: string): Promise<JobMeta | undefined> {
  const raw = await get(jobKey(jobId), store);
  return raw === undefined ? undefined : JobMetaSchema.parse(raw);
}

async function loadJob(store: UseStore, jobId: string): Promise<Job | undefined> {
  const meta = await readJobMeta(store, jobId);
  if (!meta) return undefined;
  const ids = meta.plan.operations.map((op) => op.id);
  const raws = await getMany(
    ids.map((id) => itemKey(jobId, id)),
    store,
  );
  const items: Job['items'] = {};
  ids.forEach((id, index) => {
    items[id] = JobItemSchema.parse(raws[index]);
  });
  return { ...meta, items };
}

export function createJournal(store: UseStore = createStore('sidekick-journal', 'jobs')) {
  const readMeta = (jobId: string) => readJobMeta(store, jobId);
  const load = (jobId: string) => loadJob(store, jobId);

  async function list(): Promise<Job[]> {
    const jobIds = (await keys(store))
      .map(String)
      .filter((key) => key.startsWith('job:'))
      .map((key) => key.slice('job:'.length));
    const jobs = await Promise.all(jobIds.map(load));
    return jobs.filter((job): job is Job => job !== undefined).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async function setStatus(jobId: string, status: JobStatus): Promise<void> {
    const meta = await readMeta(jobId);
    if (!meta) throw new Error(`unknown job ${jobId}`);
    await set(jobKey(jobId), { ...meta, status }, store);
  }

  /**
   * Moves the job to `next` only if its status is one of `from`, in one readwrite transaction: of two
   * Resume clicks that race, one finds the job paused and the other finds it running.
   */
  async function claimStatus(jobId: string, from: readonly JobStatus[], next: JobStatus): Promise<boolean> {
    let claimed = false;
    await update(
      jobKey(jobId),
      (raw) => {
        const meta = JobMetaSchema.parse(raw);
        claimed = from.includes(meta.status);
        return claimed ? { ...meta, status: next } : meta;
      },
      store,
    );
    return claimed;
  }

  return {
    async create(job: NewJob): Promise<Job> {
      if (await get(jobKey(job.jobId), store)) throw new Error(`job ${job.jobId} already exists`);
      const at = job.now.toISOString();
      const meta: JobMeta = {
        jobId: job.jobId,
        planId: job.plan.id,
        plan: job.plan,
        operator: job.operator,
        markerTemplate: job.markerTemplate,
        createdAt: at,
        status: 'running',
      };
      const items: Job['items'] = {};
      for (const op of job.plan.operations) {
        const reason = job.preSkipped?.[op.id];
        items[op.id] = reason
          ? { state: 'skipped', reason: t('errorSkippedBeforeConfirming', { reason }), at }
          : { state: 'pending', at };
      }
      await setMany(
        Object.entries(items).map(([id, item]) => [itemKey(job.jobId, id), item]),
        store,
      );
      // The job key last: a job is visible only once all its items exist.
      await set(jobKey(job.jobId), meta, store);
      return { ...meta, items };
    },
    get: load,
    list,
    async setItem(jobId: string, operationId: string, item: JobItem): Promise<void> {
      await set(itemKey(jobId, operationId), JobItemSchema.parse(item), store);
    },
    setStatus,
    claimStatus,
    /** What Kitsu held when the job ended, read back (lib/plans/read-back-report.ts). */
    async setReport(jobId: string, report: KitsuReport): Promise<void> {
      await set(reportKey(jobId), KitsuReportSchema.parse(report), store);
    },
    async report(jobId: string): Promise<KitsuReport | undefined> {
      const raw = await get(reportKey(jobId), store);
      return raw === undefined ? undefined : KitsuReportSchema.parse(raw);
    },
    /** At worker start: a job still 'running' belonged to a worker that died. */
    async markInterrupted(): Promise<Job[]> {
      const running = (await list()).filter((job) => job.status === 'running');
      for (const job of running) await setStatus(job.jobId, 'interrupted');
      return running.map((job) => ({ ...job, status: 'interrupted' as const }));
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;

/** What a (resumed) job still has to do, in plan order: 'started' items must be resolved by reading Kitsu first. */
export function itemsToRun(job: Job): { pending: Operation[]; started: Operation[] } {
  const inState = (state: JobItem['state']) => job.plan.operations.filter((op) => job.items[op.id]?.state === state);
  return { pending: inState('pending'), started: inState('started') };
}
