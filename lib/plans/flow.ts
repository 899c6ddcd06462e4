// The background's side of a plan's life: a plan is proposed (by a bulk helper or a suggestion),
// previewed with its impact from real data, confirmed once from the confirm window, executed with
// the journal, reported from what Kitsu holds afterwards, and can be undone by a new plan.
//
// Exactly once: every action that starts writes (confirm, resume) or makes a new plan from a job (undo,
// retry, replace) first takes a claim in memory, synchronously, before anything is awaited, then moves
// the stored state in one readwrite transaction. However many clicks, windows or messages arrive, and
// across worker restarts (the stored state outlives the worker), one of them acts and the others are
// refused with a sentence saying why.

import type { UseStore } from 'idb-keyval';
import type { Session } from '../connections/session';
import { t } from '../i18n/pure';
import type { AuditLog } from './audit';
import type { Progress } from './executor';
import { ALREADY_RUN, ALREADY_RUNNING, createFollowUps, createJobControls, createJobStarter } from './flow-jobs';
import { escapeHashtags } from './impact';
import type { Job, Journal } from './journal';
import { type Plan, PlanSchema } from './model';
import { createPendingPlans, type FrozenOperator, type Pending, PlanRefusal } from './pending';
import { buildPreview } from './preview';
import type { PublishSupport } from './publish-item';

export { PlanRefusal } from './pending';

export const PLAN_LIFETIME_MS = 15 * 60_000;

export type PlanFlowOptions = {
  sessionFor: (origin: string) => Promise<Session | null>;
  journal: Journal;
  audit: AuditLog;
  /** Who confirms and the marker's wording, read when a plan is previewed and frozen into it. */
  operator: () => Promise<{ operatorName: string; markerTemplate: string }>;
  /** Shows the plan in the extension's confirm window. */
  openConfirm: (planId: string) => Promise<void>;
  /** Batch publish: its step, and the files dropped on the publish page, read at upload. */
  publish?: PublishSupport;
  /**
   * Told when a job starts and stops writing (its host and tasks), so the live events its own writes
   * cause are not taken for news: the dock re-reads once at the job's end, not once per event.
   */
  jobWrites?: {
    started: (jobId: string, host: string, taskIds: readonly string[]) => void;
    ended: (jobId: string) => void;
  };
  store?: UseStore;
  /** The first pause before Kitsu is read back again after a failure (tests shorten it). */
  readBackPauseMs?: number;
  now?: () => number;
  newId?: () => string;
};

export type Running = {
  controller: AbortController;
  progress: Progress;
  /** The job as its run holds it, from its first item on: what status answers while it runs. */
  job?: Job;
  done: Promise<void>;
};

export function createPlanFlow(options: PlanFlowOptions) {
  const core = createFlowCore(options);
  const startJob = createJobStarter(core);
  return {
    ...createOffers(core),
    ...createJobControls(core, startJob),
    ...createFollowUps(core),

    /** After a worker restart: jobs that were running continue, settling their started items first. */
    async resumeInterrupted(): Promise<void> {
      const resumed = (async () => {
        for (const job of await options.journal.markInterrupted()) {
          const record = await core.plans.get(job.planId).catch(() => null);
          if (!record) continue;
          startJob(record, job.jobId, true, core.claim(`run:${job.planId}`, ALREADY_RUNNING));
        }
      })();
      // A failed resume leaves the journal's word ('interrupted') to the questions waiting for it.
      core.whileResuming(resumed.catch(() => undefined));
      return resumed;
    },
  };
}
export type PlanFlow = ReturnType<typeof createPlanFlow>;

/** What the flow's parts share: the pending plans, the jobs running here, the claims, the plan's session. */
function createFlowCore(options: PlanFlowOptions) {
  const plans = createPendingPlans(options.store);
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const running = new Map<string, Running>();
  const claims = new Set<string>();
  // Until the jobs a worker restart interrupted are running again, their journal says 'interrupted':
  // questions about live jobs wait for that, or a confirm window would take the job for finished.
  let resuming: Promise<void> = Promise.resolve();
  async function liveJob(planId: string): Promise<Running | undefined> {
    await resuming;
    return running.get(planId);
  }

  /** Synchronous: of two clicks that arrive together, the second is refused before either awaits anything. */
  function claim(key: string, refusal: string): () => void {
    if (claims.has(key)) throw new PlanRefusal(refusal);
    claims.add(key);
    return () => claims.delete(key);
  }

  async function session(plan: Plan): Promise<Session> {
    const found = await options.sessionFor(plan.host);
    if (!found) throw new PlanRefusal(t('refusalHostNoConnection', { origin: plan.host }));
    return found;
  }

  async function frozenOperator(): Promise<FrozenOperator> {
    const operator = await options.operator();
    if (!operator.operatorName) {
      throw new PlanRefusal(t('refusalOperatorMissing'));
    }
    return operator;
  }

  function refuseUnlessConfirmable(record: Pending): void {
    if (record.state === 'replaced') {
      throw new PlanRefusal(record.replacedBecause ?? t('refusalPlanReplacedHashtags'));
    }
    if (record.state !== 'pending') throw new PlanRefusal(running.has(record.plan.id) ? ALREADY_RUNNING : ALREADY_RUN);
    if (now() > record.expiresAt) {
      throw new PlanRefusal(t('refusalPreviewTooOld'));
    }
  }

  async function jobOf(record: Pending): Promise<Job | undefined> {
    return record.jobId ? options.journal.get(record.jobId) : undefined;
  }

  /** Validates the plan, computes its preview and keeps it, confirmable until it expires. Writes nothing to Kitsu. */
  async function offer(candidate: Plan): Promise<Plan> {
    const plan = PlanSchema.parse(candidate);
    const operator = await frozenOperator();
    const createdAt = now();
    const expiresAt = createdAt + PLAN_LIFETIME_MS;
    const { preview, preSkipped } = await buildPreview(plan, await session(plan), operator, { createdAt, expiresAt });
    await plans.add({ plan, preview, preSkipped, operator, expiresAt, state: 'pending' });
    return plan;
  }

  /** The plan a job already made (its undo, its retry) when it can still be confirmed; refused once it ran. */
  async function stillOffered(planId: string | undefined, ranAlready: string): Promise<string | null> {
    if (!planId) return null;
    const record = await plans.get(planId).catch(() => null);
    if (!record || record.state === 'replaced' || (record.state === 'pending' && now() > record.expiresAt)) {
      return null;
    }
    if (record.state === 'confirmed') throw new PlanRefusal(ranAlready);
    return planId;
  }

  return {
    options,
    plans,
    now,
    newId,
    running,
    liveJob,
    whileResuming: (resumed: Promise<void>) => {
      resuming = resumed;
    },
    claim,
    session,
    refuseUnlessConfirmable,
    jobOf,
    offer,
    stillOffered,
  };
}
export type FlowCore = ReturnType<typeof createFlowCore>;

/** New plans and their previews: proposed, replaced (escaped hashtags, an edited comment), read. */
function createOffers(core: FlowCore) {
  const { options, plans, now, newId, claim, refuseUnlessConfirmable, offer } = core;

  /**
   * Offers a new plan with other operations in place of a confirmable one (a new preview: notifications
   * and copies may change with the text); the old plan can no longer be confirmed.
   */
  async function replace(
    planId: string,
    operations: (plan: Plan) => Plan['operations'],
    replacedBecause?: string,
  ): Promise<{ planId: string }> {
    const release = claim(`replace:${planId}`, 'This plan is already being replaced.');
    try {
      const record = await plans.change(planId, (current) => {
        refuseUnlessConfirmable(current);
        return { ...current, state: 'replaced', replacedBecause };
      });
      try {
        const replacement = await offer({
          ...record.plan,
          id: newId(),
          createdAt: new Date(now()).toISOString(),
          operations: operations(record.plan),
        });
        return { planId: replacement.id };
      } catch (error) {
        // No replacement: the plan the person was looking at stays confirmable.
        await plans.change(planId, (current) => ({ ...current, state: 'pending', replacedBecause: undefined }));
        throw error;
      }
    } finally {
      release();
    }
  }

  return {
    /** Offers the plan under a new random id and opens the confirm window on it. Writes nothing to Kitsu. */
    async propose(candidate: Plan): Promise<{ planId: string; operationCount: number }> {
      const plan = await offer({ ...candidate, id: newId() });
      await options.openConfirm(plan.id);
      return { planId: plan.id, operationCount: plan.operations.length };
    },

    /**
     * The same plan with every comment's hashtags escaped, so Kitsu copies none to sibling tasks. It is
     * a new plan with its own preview, shown in the same confirm window; the old one can no longer be confirmed.
     */
    async escapeHashtags(planId: string): Promise<{ planId: string }> {
      return replace(planId, (plan) =>
        plan.operations.map((op) =>
          op.kind === 'comment' || op.kind === 'publish-preview' ? { ...op, text: escapeHashtags(op.text) } : op,
        ),
      );
    },

    /**
     * The same plan with every comment's text replaced by the person's edited text (e.g. an AI draft
     * they reworked), previewed again before it can be confirmed.
     */
    async replaceCommentText(planId: string, text: string): Promise<{ planId: string }> {
      const record = await plans.get(planId);
      if (!record.plan.operations.some((op) => op.kind === 'comment')) {
        throw new PlanRefusal(t('refusalNoCommentToReplace'));
      }
      return replace(
        planId,
        (plan) => plan.operations.map((op) => (op.kind === 'comment' ? { ...op, text } : op)),
        t('refusalPlanReplacedEdited'),
      );
    },

    /** A plan that can still be confirmed, with its preview: what an AI draft is built from. */
    async confirmable(planId: string) {
      const record = await plans.get(planId);
      refuseUnlessConfirmable(record);
      return { plan: record.plan, preview: record.preview };
    },

    async preview(planId: string) {
      const record = await plans.get(planId);
      const expired = record.state === 'pending' && now() > record.expiresAt;
      return { ...record.preview, state: expired ? ('expired' as const) : record.state };
    },
  };
}
