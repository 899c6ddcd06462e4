// Plans waiting in the background for a person's confirmation, kept in the extension's IndexedDB so a
// confirm window outlives a service-worker restart. Every change of a plan's state is one readwrite
// transaction (read, decide, write): two confirmations that race — a double-click, two windows, a
// message sent five times — see each other, and only the first one moves the plan on.

import { createStore, get, type UseStore, update } from 'idb-keyval';
import { z } from 'zod';
import { t } from '../i18n/pure';
import { planPreviewAnswer } from '../messaging/protocol/plans';
import { PlanSchema } from './model';

/** Who confirms and the marker's wording, frozen when the plan is previewed: what the person saw is what is posted. */
export const FrozenOperatorSchema = z.object({ operatorName: z.string().min(1), markerTemplate: z.string().min(1) });
export type FrozenOperator = z.infer<typeof FrozenOperatorSchema>;

export const PendingSchema = z.object({
  plan: PlanSchema,
  /** The preview as the confirm window shows it: the protocol's own schema. */
  preview: planPreviewAnswer,
  preSkipped: z.record(z.string(), z.string()),
  operator: FrozenOperatorSchema,
  expiresAt: z.number(),
  /** 'replaced': a new plan took its place; only that one can be confirmed. */
  state: z.enum(['pending', 'confirmed', 'replaced']),
  /** Why it was replaced: said to whoever tries to confirm it. */
  replacedBecause: z.string().optional(),
  jobId: z.string().optional(),
  /** The plan that undoes this plan's job, once one was offered: a second Undo shows it again. */
  undoPlanId: z.string().optional(),
  /** The plan that retries this job's failed items, once one was offered. */
  retryPlanId: z.string().optional(),
});
export type Pending = z.infer<typeof PendingSchema>;

export class PlanRefusal extends Error {
  override name = 'PlanRefusal';
}

export function createPendingPlans(store: UseStore = createStore('sidekick-plans', 'pending')) {
  return {
    async get(planId: string): Promise<Pending> {
      const parsed = PendingSchema.safeParse(await get(planId, store));
      if (!parsed.success) throw new PlanRefusal(t('refusalPlanUnknown'));
      return parsed.data;
    },

    /** Keeps a new plan; an id that exists already is refused, so no plan is ever overwritten. */
    async add(record: Pending): Promise<void> {
      const checked = PendingSchema.parse(record);
      await update(
        checked.plan.id,
        (old) => {
          if (old !== undefined) throw new PlanRefusal(t('refusalPlanIdExists'));
          return checked;
        },
        store,
      );
    },

    /**
     * Reads the plan, lets `decide` refuse (by throwing) or return its next state, and writes it, all in one
     * readwrite transaction: no other change of this plan can come between the read and the write.
     */
    async change(planId: string, decide: (record: Pending) => Pending): Promise<Pending> {
      let next: Pending | undefined;
      await update(
        planId,
        (old) => {
          const parsed = PendingSchema.safeParse(old);
          if (!parsed.success) throw new PlanRefusal(t('refusalPlanUnknown'));
          next = PendingSchema.parse(decide(parsed.data));
          return next;
        },
        store,
      );
      if (!next) throw new PlanRefusal(t('refusalPlanUnknown'));
      return next;
    },
  };
}
export type PendingPlans = ReturnType<typeof createPendingPlans>;
