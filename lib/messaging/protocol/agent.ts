import { z } from 'zod/mini';
import { type AllowedSender, pageUrl, planProposalAnswer } from './common';

// The suggestions panel on Kitsu's production pages.

/** The agent's suggestions for the page (production pages), without the dismissed and snoozed ones. */
const agentSuggestions = z.object({ type: z.literal('agent/suggestions'), url: pageUrl });
const suggestionId = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200));
/** Hides a suggestion on this Kitsu for `days` (a snooze) or for good (null). */
const agentDismiss = z.object({
  type: z.literal('agent/dismiss'),
  url: pageUrl,
  suggestionId,
  days: z.nullable(/* @__PURE__ */ z.number().check(z.gt(0), z.lte(366))),
});
/**
 * Recomputes the suggestion from fresh Kitsu data and, if it still stands and has a plan, opens that
 * plan in the confirm window; nothing is written here.
 */
const agentReviewPlan = z.object({ type: z.literal('agent/review-plan'), url: pageUrl, suggestionId });

export const agentRequests = [agentSuggestions, agentDismiss, agentReviewPlan] as const;
export type AgentRequest = z.infer<(typeof agentRequests)[number]>;

export const agentSenders = {
  'agent/suggestions': ['content-script'],
  'agent/dismiss': ['content-script'],
  'agent/review-plan': ['content-script'],
} as const satisfies Record<AgentRequest['type'], readonly AllowedSender[]>;

/** The suggestions panel's view: groups per rule with counts, and each suggestion's reasons as text. */
export const agentSuggestionsAnswer = z.object({
  groups: z.array(z.object({ ruleId: z.string(), name: z.string(), count: z.number() })),
  suggestions: z.array(
    z.object({
      id: z.string(),
      ruleId: z.string(),
      severity: z.string(),
      title: z.string(),
      reasons: z.array(z.string()),
      reasonCount: z.number(),
      taskCount: z.number(),
      /** The evidence's tasks and their Kitsu pages (built by the background on the connection's origin). */
      tasks: z.array(
        z.object({ label: z.string(), url: /* @__PURE__ */ z.string().check(z.url({ protocol: /^https?$/ })) }),
      ),
      hasPlan: z.boolean(),
      actionable: z.boolean(),
    }),
  ),
  hidden: z.number(),
  problems: z.number(),
  /** Why recent human decisions in Kitsu could not be read (the guard is not working); null when they were. */
  humanDecisionsUnchecked: z.nullable(z.string()),
});
export const agentDismissAnswer = z.object({ hidden: z.boolean() });

export const agentAnswers = {
  'agent/suggestions': agentSuggestionsAnswer,
  'agent/dismiss': agentDismissAnswer,
  'agent/review-plan': planProposalAnswer,
};
