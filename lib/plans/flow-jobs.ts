// A confirmed plan's job: started once (or resumed after a pause or a worker restart), followed, stopped;
// and what is made from a finished job: the retry of its failed items, its undo.
import { t } from '../i18n/pure';
import type { PlanStatus } from '../messaging/protocol';
import { executePlan, type Progress, reportFromKitsu, resumeJob } from './executor';
import type { FlowCore, Running } from './flow';
import { jobStatus } from './job-status';
import type { Job } from './journal';
import type { Pending } from './pending';
import { PlanRefusal } from './pending';
import { settleFailed } from './retry';
import { buildUndoPlan } from './undo';

export const ALREADY_RUNNING = t('refusalPlanRunning');
export const ALREADY_RUN = t('refusalPlanRan');

export type StartJob = (record: Pending, jobId: string, resume: boolean, release: () => void) => void;

export function createJobStarter(core: FlowCore): StartJob {
  const { options, now, running, session } = core;
  return (record, jobId, resume, release) => {
    const { plan } = record;
    const controller = new AbortController();
    const state: Running = {
      controller,
      progress: { done: 0, total: plan.operations.length, applied: 0, skipped: 0, failed: 0 },
      done: Promise.resolve(),
    };
    running.set(plan.id, state);
    state.done = (async () => {
      const current = await session(plan);
      const [statuses, persons] = await Promise.all([current.reads.taskStatuses('swr'), current.reads.persons('swr')]);
      const statusName = new Map(statuses.map((status) => [status.id, status.name]));
      const personName = new Map(persons.map((person) => [person.id, person.full_name]));
      const run = {
        client: current.client,
        journal: options.journal,
        audit: options.audit,
        signal: controller.signal,
        onProgress: (progress: Progress, job: Job) => {
          state.progress = progress;
          state.job = job;
        },
        names: { status: (id: string) => statusName.get(id), person: (id: string) => personName.get(id) },
        now: () => new Date(now()),
        publish: options.publish ? { ...options.publish, client: current.client } : undefined,
        readBackPauseMs: options.readBackPauseMs,
      };
      options.jobWrites?.started(
        jobId,
        plan.host,
        plan.operations.map((op) => op.taskId),
      );
      try {
        if (resume) await resumeJob(jobId, run);
        else {
          await executePlan(plan, {
            ...run,
            jobId,
            // What the person saw in the preview is what is posted, whatever the settings say now.
            operator: record.operator.operatorName,
            markerTemplate: record.operator.markerTemplate,
            preSkipped: record.preSkipped,
          });
        }
      } finally {
        running.delete(plan.id);
        release();
        options.jobWrites?.ended(jobId);
        // Kitsu changed: what Sidekick cached about these tasks is stale now, the task lists holding them too.
        await current.cache.invalidateTags(plan.operations.map((op) => `task:${op.taskId}`));
      }
    })();
  };
}

/** Confirm, follow, pause and resume a plan's job. */
export function createJobControls(core: FlowCore, startJob: StartJob) {
  const { options, plans, now, newId, liveJob, claim, refuseUnlessConfirmable, jobOf } = core;
  return {
    /** The one door to writing: a pending, unexpired plan, once. */
    async execute(planId: string): Promise<void> {
      const release = claim(`run:${planId}`, ALREADY_RUNNING);
      const jobId = newId();
      let record: Pending;
      try {
        record = await plans.change(planId, (current) => {
          refuseUnlessConfirmable(current);
          return { ...current, state: 'confirmed', jobId };
        });
      } catch (error) {
        release();
        throw error;
      }
      startJob(record, jobId, false, release);
    },

    async status(planId: string): Promise<PlanStatus> {
      const live = await liveJob(planId);
      // A confirm window asks every 300 ms: a running job answers from its run, without reading and
      // parsing its plan and every journal item from IndexedDB each time.
      if (live?.job) return jobStatus(live.job.plan, live.job, live.progress, undefined, new Date(now()));
      const record = await plans.get(planId);
      const job = await jobOf(record);
      const kitsu = job && !live ? await options.journal.report(job.jobId) : undefined;
      return jobStatus(record.plan, job, live?.progress, kitsu, new Date(now()));
    },

    async cancel(planId: string): Promise<boolean> {
      const live = await liveJob(planId);
      live?.controller.abort();
      return live !== undefined;
    },

    /** Continues a paused (stopped) job with the items it had not written yet; each is checked afresh. */
    async resume(planId: string): Promise<boolean> {
      const release = claim(`run:${planId}`, ALREADY_RUNNING);
      try {
        const record = await plans.get(planId);
        const job = await jobOf(record);
        if (!job) throw new PlanRefusal(t('refusalPlanNotRun'));
        if (!(await options.journal.claimStatus(job.jobId, ['cancelled'], 'running'))) {
          const current = await options.journal.get(job.jobId);
          throw new PlanRefusal(current?.status === 'running' ? ALREADY_RUNNING : t('refusalResumeNotPaused'));
        }
        startJob(record, job.jobId, true, release);
        return true;
      } catch (error) {
        release();
        throw error;
      }
    },
  };
}

/** What is made from a finished job: the retry of its failed items, its undo; each a plan to confirm. */
export function createFollowUps(core: FlowCore) {
  const { options, plans, now, newId, liveJob, claim, session, jobOf, offer, stillOffered } = core;
  return {
    /**
     * The failed items of a finished job as a new plan, previewed and confirmed like any other. Kitsu is
     * read first: an item that landed after all (a slow write) is recorded as applied, not offered again.
     */
    async retryFailed(planId: string): Promise<{ planId: string | null; foundApplied: number }> {
      const release = claim(`retry:${planId}`, 'The retry of this job is already being prepared.');
      try {
        const record = await plans.get(planId);
        const job = await jobOf(record);
        if (!job || (await liveJob(planId))) throw new PlanRefusal(t('refusalRetryNotFinished'));
        const offered = await stillOffered(record.retryPlanId, t('refusalRetriedAlready'));
        if (offered) return { planId: offered, foundApplied: 0 };
        const current = await session(job.plan);
        const { again, foundApplied } = await settleFailed(job, {
          client: current.client,
          journal: options.journal,
          publish: options.publish ? { ...options.publish, client: current.client } : undefined,
          now: () => new Date(now()),
        });
        if (foundApplied > 0) {
          // The job's report said these had failed: it is read back again from Kitsu.
          const settled = await options.journal.get(job.jobId);
          if (settled)
            await reportFromKitsu(settled, { ...options, client: current.client, now: () => new Date(now()) });
        }
        if (again.length === 0) return { planId: null, foundApplied };
        const retry = await offer({
          ...job.plan,
          id: newId(),
          title: `Retry: ${job.plan.title}`,
          createdAt: new Date(now()).toISOString(),
          operations: again,
        });
        await plans.change(planId, (current) => ({ ...current, retryPlanId: retry.id }));
        return { planId: retry.id, foundApplied };
      } finally {
        release();
      }
    },

    /**
     * Reads a finished job back from Kitsu again, when Kitsu could not be read back as the job ended: null once
     * it is, else why not. The copies Kitsu received twice are deleted then: the confirmed job's own cleanup.
     */
    async readBackAgain(planId: string): Promise<string | null> {
      const release = claim(`read-back:${planId}`, t('refusalReadBackUnderWay'));
      try {
        const record = await plans.get(planId);
        const job = await jobOf(record);
        const ended = job?.status === 'done' || job?.status === 'cancelled';
        if (!job || !ended || (await liveJob(planId))) throw new PlanRefusal(t('refusalReadBackNotFinished'));
        if (await options.journal.report(job.jobId)) return null;
        const current = await session(job.plan);
        return await reportFromKitsu(job, { ...options, client: current.client, now: () => new Date(now()) });
      } finally {
        release();
      }
    },

    /** The inverse of what a finished job applied, previewed in the same confirm window like any plan. */
    async undo(planId: string): Promise<{ planId: string | null; notUndoable: string[] }> {
      const release = claim(`undo:${planId}`, 'The undo of this job is already being prepared.');
      try {
        const record = await plans.get(planId);
        const job = await jobOf(record);
        if (!job || (await liveJob(planId))) throw new PlanRefusal(t('refusalUndoNotFinished'));
        const undo = buildUndoPlan(job, { id: newId(), now: new Date(now()) });
        const offered = await stillOffered(record.undoPlanId, t('refusalUndoneAlready'));
        if (offered) return { planId: offered, notUndoable: undo.notUndoable };
        if (!undo.plan) return { planId: null, notUndoable: undo.notUndoable };
        const plan = await offer(undo.plan);
        await plans.change(planId, (current) => ({ ...current, undoPlanId: plan.id }));
        return { planId: plan.id, notUndoable: undo.notUndoable };
      } finally {
        release();
      }
    },
  };
}
