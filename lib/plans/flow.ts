// The background's side of a plan's life: a plan is proposed (by a bulk helper or a suggestion),
// previewed with its impact from real data, confirmed once from the confirm window, executed with
// the journal, and can be undone by a new plan. Pending plans live in IndexedDB so a confirm window
// outlives a service-worker restart; each can be confirmed once, before it expires.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import type { Session } from '../connections/session';
import type { PlanPreview, PlanStatus } from '../messaging/protocol';
import type { PublishFileSource } from '../publish/step';
import type { AuditLog } from './audit';
import { diffPlan } from './diff';
import { executePlan, type Progress, resumeJob } from './executor';
import { computeImpact, escapeHashtags, type ImpactInput, type ImpactTask } from './impact';
import type { Job, Journal } from './journal';
import { withMarker } from './marker';
import { type Operation, type Plan, PlanSchema } from './model';
import type { ProjectRole } from './permissions';
import { readBack, type StepContext } from './steps';
import { buildUndoPlan } from './undo';

export const PLAN_LIFETIME_MS = 15 * 60_000;

const PendingSchema = z.object({
  plan: PlanSchema,
  preview: z.custom<PlanPreview>(),
  preSkipped: z.record(z.string(), z.string()),
  expiresAt: z.number(),
  /** 'replaced': a new plan took its place (its hashtags escaped); only that one can be confirmed. */
  state: z.enum(['pending', 'confirmed', 'replaced']),
  /** Why it was replaced, when not for its hashtags: said to whoever tries to confirm it. */
  replacedBecause: z.string().optional(),
  jobId: z.string().optional(),
});
type Pending = z.infer<typeof PendingSchema>;

export class PlanRefusal extends Error {
  override name = 'PlanRefusal';
}

export type PlanFlowOptions = {
  sessionFor: (origin: string) => Promise<Session | null>;
  journal: Journal;
  audit: AuditLog;
  operator: () => Promise<{ operatorName: string; markerTemplate: string }>;
  /** Shows the plan in the extension's confirm window. */
  openConfirm: (planId: string) => Promise<void>;
  /** Batch publish: the files dropped on the publish page, read at upload. */
  publishFiles?: PublishFileSource;
  store?: UseStore;
  now?: () => number;
  newId?: () => string;
};

type Running = { controller: AbortController; progress: Progress; done: Promise<void> };

export function createPlanFlow(options: PlanFlowOptions) {
  const store = options.store ?? createStore('sidekick-plans', 'pending');
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const running = new Map<string, Running>();
  // Until the jobs a worker restart interrupted are running again, their journal says 'interrupted':
  // questions about live jobs wait for that, or a confirm window would take the job for finished.
  let resuming: Promise<void> = Promise.resolve();
  async function liveJob(planId: string): Promise<Running | undefined> {
    await resuming;
    return running.get(planId);
  }

  async function pending(planId: string): Promise<Pending> {
    const parsed = PendingSchema.safeParse(await get(planId, store));
    if (!parsed.success) throw new PlanRefusal('This plan is unknown: build it again from the Kitsu page.');
    return parsed.data;
  }

  async function session(plan: Plan): Promise<Session> {
    const found = await options.sessionFor(plan.host);
    if (!found) throw new PlanRefusal(`${plan.host} has no connection any more.`);
    return found;
  }

  async function impactInput(plan: Plan, current: Session, operator: { operatorName: string; markerTemplate: string }) {
    const { client, reads } = current;
    const [authenticated, project, team, persons, departments, taskTypes, statuses, shots, assets] = await Promise.all([
      reads.authenticated('fresh'),
      reads.project('fresh', plan.projectId),
      client.projectTeam(plan.projectId),
      reads.persons('fresh'),
      reads.departments('fresh'),
      reads.taskTypes('fresh'),
      reads.taskStatuses('fresh'),
      reads.shotsWithTasks('fresh', plan.projectId),
      reads.assetsWithTasks('fresh', plan.projectId),
    ]);
    const tasks: Record<string, ImpactTask> = {};
    const entityTasks: Record<string, { id: string; task_type_id: string }[]> = {};
    for (const [kind, entities] of [
      ['shot', shots],
      ['asset', assets],
    ] as const) {
      for (const entity of entities) {
        entityTasks[entity.id] = entity.tasks.map((task) => ({ id: task.id, task_type_id: task.task_type_id }));
        for (const task of entity.tasks) {
          tasks[task.id] = {
            id: task.id,
            entity_id: entity.id,
            entity_kind: kind,
            task_type_id: task.task_type_id,
            task_status_id: task.task_status_id,
            assignees: task.assignees,
          };
        }
      }
    }
    const { user } = authenticated;
    const input: ImpactInput = {
      plan,
      token: { personId: user.id, role: user.role as ProjectRole, departmentIds: user.departments },
      team,
      persons,
      departments,
      taskTypes: taskTypes.map((taskType) => ({ ...taskType, department_id: taskType.department_id ?? null })),
      statuses,
      tasks,
      entityTasks,
      // Status automations are readable by studio managers only: the preview says so instead.
      statusAutomations: [],
      marker: { operator: operator.operatorName, template: operator.markerTemplate },
      botCollaboration: project.is_bot_collaboration_enabled ?? false,
    };
    return { input, persons, statuses };
  }

  async function buildPreview(plan: Plan): Promise<{ preview: PlanPreview; preSkipped: Record<string, string> }> {
    const operator = await options.operator();
    if (!operator.operatorName) {
      throw new PlanRefusal('Say who confirms plans first: your name, in Sidekick’s settings.');
    }
    const { input, persons, statuses } = await impactInput(plan, await session(plan), operator);
    const impact = computeImpact(input);
    const diff = diffPlan(plan, { statuses, persons });
    const impactByTask = new Map<string, (typeof impact.operations)[number][]>();
    for (const item of impact.operations)
      impactByTask.set(item.taskId, [...(impactByTask.get(item.taskId) ?? []), item]);
    const notified = new Map<string, number>();
    for (const item of impact.operations) {
      for (const recipient of item.notified) notified.set(recipient.name, (notified.get(recipient.name) ?? 0) + 1);
    }
    const createdAt = now();
    return {
      preSkipped: impact.blocked,
      preview: {
        planId: plan.id,
        title: plan.title,
        host: plan.host,
        origin: plan.origin,
        createdAt: new Date(createdAt).toISOString(),
        expiresAt: new Date(createdAt + PLAN_LIFETIME_MS).toISOString(),
        state: 'pending',
        operator: operator.operatorName,
        markerExample: withMarker('…', operator.operatorName, operator.markerTemplate, '000000000000'),
        operationCount: diff.operationCount,
        tasks: diff.tasks.map((task) => {
          const impacts = impactByTask.get(task.taskId) ?? [];
          return {
            taskId: task.taskId,
            taskLabel: task.taskLabel,
            lines: task.lines.map((line) => ({ field: line.field, text: line.text })),
            blocked: impacts.find((item) => item.blocked)?.blocked ?? null,
            notified: [...new Set(impacts.flatMap((item) => item.notified.map((recipient) => recipient.name)))],
            hashtagCopies: impacts.flatMap((item) => item.hashtagCopies.map((copy) => copy.taskTypeName)),
            automations: impacts.flatMap((item) => item.automations),
          };
        }),
        notifiedPeople: [...notified].map(([name, operations]) => ({ name, operations })),
        blockedCount: Object.keys(impact.blocked).length,
        warnings: [
          ...impact.warnings,
          'Status automations of the production are not shown: Kitsu lets only studio managers read them.',
        ],
      },
    };
  }

  function startJob(plan: Plan, record: Pending, jobId: string, resume: boolean) {
    const controller = new AbortController();
    const state: Running = {
      controller,
      progress: { done: 0, total: plan.operations.length, applied: 0, skipped: 0, failed: 0 },
      done: Promise.resolve(),
    };
    running.set(plan.id, state);
    state.done = (async () => {
      const current = await session(plan);
      const [operator, statuses, persons] = await Promise.all([
        options.operator(),
        current.reads.taskStatuses('swr'),
        current.reads.persons('swr'),
      ]);
      const statusName = new Map(statuses.map((status) => [status.id, status.name]));
      const personName = new Map(persons.map((person) => [person.id, person.full_name]));
      const run = {
        client: current.client,
        journal: options.journal,
        audit: options.audit,
        signal: controller.signal,
        onProgress: (progress: Progress) => {
          state.progress = progress;
        },
        names: { status: (id: string) => statusName.get(id), person: (id: string) => personName.get(id) },
        now: () => new Date(now()),
        publish: options.publishFiles ? { client: current.client, files: options.publishFiles } : undefined,
      };
      try {
        if (resume) await resumeJob(jobId, run);
        else {
          await executePlan(plan, {
            ...run,
            jobId,
            operator: operator.operatorName,
            markerTemplate: operator.markerTemplate,
            preSkipped: record.preSkipped,
          });
        }
      } finally {
        running.delete(plan.id);
        // Kitsu changed: what Sidekick cached about these tasks is stale now.
        await current.cache.invalidateTags(plan.operations.map((op) => `task:${op.taskId}`));
        await current.cache.invalidateKind('entities-with-tasks');
      }
    })();
  }

  async function jobOf(planId: string): Promise<Job | undefined> {
    const record = await pending(planId);
    return record.jobId ? options.journal.get(record.jobId) : undefined;
  }

  /** Validates the plan, computes its preview and keeps it, confirmable until it expires. Writes nothing to Kitsu. */
  async function offer(candidate: Plan): Promise<Plan> {
    const plan = PlanSchema.parse(candidate);
    const { preview, preSkipped } = await buildPreview(plan);
    await set(
      plan.id,
      { plan, preview, preSkipped, expiresAt: now() + PLAN_LIFETIME_MS, state: 'pending' } satisfies Pending,
      store,
    );
    return plan;
  }

  function refuseUnlessConfirmable(record: Pending): void {
    if (record.state === 'replaced') {
      throw new PlanRefusal(
        record.replacedBecause ?? 'This plan was replaced by one with its hashtags escaped: confirm that one.',
      );
    }
    if (record.state !== 'pending') throw new PlanRefusal('This plan was already confirmed: it runs once.');
    if (now() > record.expiresAt) {
      throw new PlanRefusal('This preview is too old: Kitsu may have changed. Build the plan again.');
    }
  }

  /**
   * Offers a new plan with other operations in place of a confirmable one (a new preview: notifications
   * and copies may change with the text); the old plan can no longer be confirmed.
   */
  async function replace(
    planId: string,
    operations: (plan: Plan) => Plan['operations'],
    replacedBecause?: string,
  ): Promise<{ planId: string }> {
    const record = await pending(planId);
    refuseUnlessConfirmable(record);
    const replacement = await offer({
      ...record.plan,
      id: newId(),
      createdAt: new Date(now()).toISOString(),
      operations: operations(record.plan),
    });
    // Read again: the old plan may have been confirmed while the new preview was computed.
    const current = await pending(planId);
    refuseUnlessConfirmable(current);
    await set(planId, { ...current, state: 'replaced', replacedBecause } satisfies Pending, store);
    return { planId: replacement.id };
  }

  return {
    /** Offers the plan and opens the confirm window on it. Writes nothing to Kitsu. */
    async propose(candidate: Plan): Promise<{ planId: string; operationCount: number }> {
      const plan = await offer(candidate);
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
      const record = await pending(planId);
      if (!record.plan.operations.some((op) => op.kind === 'comment')) {
        throw new PlanRefusal('This plan posts no comment: there is no text to replace.');
      }
      return replace(
        planId,
        (plan) => plan.operations.map((op) => (op.kind === 'comment' ? { ...op, text } : op)),
        'This plan was replaced by one with the edited comment: confirm that one.',
      );
    },

    /** A plan that can still be confirmed, with its preview: what an AI draft is built from. */
    async confirmable(planId: string): Promise<{ plan: Plan; preview: PlanPreview }> {
      const record = await pending(planId);
      refuseUnlessConfirmable(record);
      return { plan: record.plan, preview: record.preview };
    },

    async preview(planId: string): Promise<PlanPreview> {
      const record = await pending(planId);
      const expired = record.state === 'pending' && now() > record.expiresAt;
      return { ...record.preview, state: expired ? 'expired' : record.state };
    },

    /** The one door to writing: a pending, unexpired plan, once. */
    async execute(planId: string): Promise<void> {
      const record = await pending(planId);
      refuseUnlessConfirmable(record);
      const jobId = newId();
      await set(planId, { ...record, state: 'confirmed', jobId } satisfies Pending, store);
      startJob(record.plan, record, jobId, false);
    },

    async status(planId: string): Promise<PlanStatus> {
      const record = await pending(planId);
      const live = await liveJob(planId);
      const job = await jobOf(planId);
      const labels = new Map(record.plan.operations.map((op) => [op.id, op.taskLabel]));
      const items = job
        ? Object.entries(job.items).map(([operationId, item]) => ({
            taskLabel: labels.get(operationId) ?? operationId,
            state: item.state,
            reason: item.reason ?? null,
          }))
        : [];
      const undo = job && !live ? buildUndoPlan(job, { id: 'preview', now: new Date(now()) }) : null;
      const progress = live?.progress ?? {
        done: items.filter((item) => item.state !== 'pending' && item.state !== 'started').length,
        total: record.plan.operations.length,
        applied: items.filter((item) => item.state === 'applied').length,
        skipped: items.filter((item) => item.state === 'skipped').length,
        failed: items.filter((item) => item.state === 'failed').length,
      };
      return {
        state: live ? 'running' : (job?.status ?? 'pending'),
        progress,
        items,
        undoable: undo?.plan != null,
        notUndoable: undo?.notUndoable ?? [],
      };
    },

    async cancel(planId: string): Promise<boolean> {
      const live = await liveJob(planId);
      live?.controller.abort();
      return live !== undefined;
    },

    /** Continues a paused (stopped) job with the items it had not written yet; each is checked afresh. */
    async resume(planId: string): Promise<boolean> {
      const record = await pending(planId);
      const job = await jobOf(planId);
      if (!job || (await liveJob(planId))) return false;
      if (job.status !== 'cancelled') throw new PlanRefusal('Only a paused job can be resumed.');
      startJob(record.plan, record, job.jobId, true);
      return true;
    },

    /**
     * The failed items of a finished job as a new plan, previewed and confirmed like any other. Kitsu is
     * read first: an item that landed after all (a slow write) is recorded as applied, not offered again.
     */
    async retryFailed(planId: string): Promise<{ planId: string | null; foundApplied: number }> {
      const job = await jobOf(planId);
      if (!job || (await liveJob(planId))) throw new PlanRefusal('Only a finished job can be retried.');
      const failed = job.plan.operations.filter((op) => job.items[op.id]?.state === 'failed');
      if (failed.length === 0) return { planId: null, foundApplied: 0 };
      const current = await session(job.plan);
      const context: StepContext = {
        client: current.client,
        jobId: job.jobId,
        projectId: job.plan.projectId,
        operator: job.operator,
        markerTemplate: job.markerTemplate,
        publish: options.publishFiles ? { client: current.client, files: options.publishFiles } : undefined,
        recorded: (op) => job.items[op.id]?.result,
      };
      const again: Operation[] = [];
      let foundApplied = 0;
      for (const op of failed) {
        const seen = await readBack(op, context);
        if (seen.landed) {
          foundApplied += 1;
          await options.journal.setItem(job.jobId, op.id, {
            state: 'applied',
            result: seen.result,
            reason: 'Found on the task when retrying: the write had landed after all.',
            at: new Date(now()).toISOString(),
          });
        } else if (!seen.partial) again.push(op);
      }
      if (again.length === 0) return { planId: null, foundApplied };
      const offered = await offer({
        ...job.plan,
        id: newId(),
        title: `Retry: ${job.plan.title}`,
        createdAt: new Date(now()).toISOString(),
        operations: again,
      });
      return { planId: offered.id, foundApplied };
    },

    /** The inverse of what a finished job applied, previewed in the same confirm window like any plan. */
    async undo(planId: string): Promise<{ planId: string | null; notUndoable: string[] }> {
      const job = await jobOf(planId);
      if (!job || (await liveJob(planId))) throw new PlanRefusal('Only a finished job can be undone.');
      const undo = buildUndoPlan(job, { id: newId(), now: new Date(now()) });
      if (!undo.plan) return { planId: null, notUndoable: undo.notUndoable };
      const offered = await offer(undo.plan);
      return { planId: offered.id, notUndoable: undo.notUndoable };
    },

    /** After a worker restart: jobs that were running continue, settling their started items first. */
    async resumeInterrupted(): Promise<void> {
      const resumed = (async () => {
        for (const job of await options.journal.markInterrupted()) {
          const record = await pending(job.planId).catch(() => null);
          if (record) startJob(record.plan, record, job.jobId, true);
        }
      })();
      // A failed resume leaves the journal's word ('interrupted') to the questions waiting for it.
      resuming = resumed.catch(() => undefined);
      return resumed;
    },
  };
}
export type PlanFlow = ReturnType<typeof createPlanFlow>;
