import { z } from 'zod/mini';
import { type AllowedSender, pageUrl, planId } from './common';

// Optional AI assistance (off by default): settings, prompts shown before anything is sent, and the
// port a model's answer streams over. The vocabularies below are the wire's, so they live here.

export const AI_PROVIDER_KINDS = ['off', 'built-in', 'openai-compatible'] as const;
export type AiProviderKind = (typeof AI_PROVIDER_KINDS)[number];

/** What a person can keep from leaving the browser (lib/ai/redaction.ts). */
export const REDACTABLE_FIELDS = ['names', 'emails', 'links', 'production', 'labels'] as const;
export type RedactableField = (typeof REDACTABLE_FIELDS)[number];

export const DRAFT_KINDS = ['reminder', 'check-in', 'retake', 'comment'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** What went wrong with a model (lib/ai/errors.ts says it in words a person can act on). */
export const AI_PROBLEMS = [
  'off',
  'host-blocked',
  'permission',
  'unavailable',
  'origin-refused',
  'unreachable',
  'unauthorized',
  'not-found',
  'busy',
  'server',
  'malformed',
  'timeout',
  'cancelled',
] as const;
export type AiProblem = (typeof AI_PROBLEMS)[number];

/** AI settings; the key goes in, never out. */
const aiSettingsGet = z.object({ type: z.literal('ai/settings/get') });
const aiExclusions = z.array(z.enum(REDACTABLE_FIELDS));
const aiSettingsSave = z.object({
  type: z.literal('ai/settings/save'),
  provider: z.enum(AI_PROVIDER_KINDS),
  endpoint: /* @__PURE__ */ z.string().check(z.trim(), z.maxLength(2048)),
  model: /* @__PURE__ */ z.string().check(z.trim(), z.maxLength(200)),
  /** A new key; absent keeps the stored one. */
  key: z.optional(/* @__PURE__ */ z.string().check(z.trim(), z.maxLength(4096))),
  forgetKey: z.optional(z.boolean()),
  enabledHosts: z.array(/* @__PURE__ */ z.string().check(z.url())),
  exclude: aiExclusions,
  answerTimeoutSeconds: /* @__PURE__ */ z.number().check(z.int(), z.gte(5), z.lte(600)),
});
/** Tries the configured endpoint with a one-word prompt that carries no Kitsu data. */
const aiTest = z.object({ type: z.literal('ai/test') });
/**
 * The prompt a comment draft of a pending plan would send, built by the background from the plan and
 * shown to the person before anything is sent. Sends nothing.
 */
const aiPrepareDraft = z.object({
  type: z.literal('ai/prepare-draft'),
  planId,
  kind: z.enum(DRAFT_KINDS),
  exclude: aiExclusions,
  instructions: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(500))),
});
/**
 * "Summarise thread" on a task page: opens Sidekick's own window on that task's thread, if AI is on
 * for this Kitsu. The page gets no AI text and sends nothing to a model.
 */
const aiSummariseThread = z.object({ type: z.literal('ai/summarise-thread'), url: pageUrl });
/** The prompt a thread summary would send, shown before anything is sent. Sends nothing. */
const aiPrepareSummary = z.object({
  type: z.literal('ai/prepare-summary'),
  host: /* @__PURE__ */ z.string().check(z.url()),
  taskId: /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(100)),
  exclude: aiExclusions,
});

export const aiRequests = [
  aiSettingsGet,
  aiSettingsSave,
  aiTest,
  aiPrepareDraft,
  aiSummariseThread,
  aiPrepareSummary,
] as const;
export type AiRequest = z.infer<(typeof aiRequests)[number]>;

export const aiSenders = {
  'ai/settings/get': ['extension-page', 'confirm-page'],
  'ai/settings/save': ['extension-page'],
  'ai/test': ['extension-page'],
  'ai/prepare-draft': ['confirm-page'],
  'ai/summarise-thread': ['content-script'],
  'ai/prepare-summary': ['confirm-page'],
} as const satisfies Record<AiRequest['type'], readonly AllowedSender[]>;

const chatMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: /* @__PURE__ */ z.string().check(z.maxLength(40_000)),
});

export const aiSettingsAnswer = z.object({
  provider: z.enum(AI_PROVIDER_KINDS),
  endpoint: z.string(),
  model: z.string(),
  hasKey: z.boolean(),
  enabledHosts: z.array(z.string()),
  exclude: aiExclusions,
  answerTimeoutSeconds: z.number(),
});
export type AiSettingsAnswer = z.infer<typeof aiSettingsAnswer>;

export const aiTestAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), reply: z.string(), milliseconds: z.number(), model: z.string() }),
  z.object({ ok: z.literal(false), problem: z.enum(AI_PROBLEMS), message: z.string() }),
]);

/** What a prompt would send and what was kept from it; sending is a separate, explicit step. */
const preparedPrompt = z.object({
  host: z.string(),
  provider: z.enum(AI_PROVIDER_KINDS),
  /** Where it goes: the endpoint's origin, or null for the built-in model. */
  destination: z.nullable(z.string()),
  messages: z.array(chatMessageSchema),
  characters: z.number(),
  excluded: z.array(z.string()),
  leftOut: z.array(z.string()),
  /** Placeholder → name, to give names back in the answer on this side. */
  restorations: z.record(z.string(), z.string()),
});

export const aiPreparedDraftAnswer = /* @__PURE__ */ z.extend(preparedPrompt, {
  kind: z.enum(DRAFT_KINDS),
  currentText: z.string(),
});
export type AiPreparedDraft = z.infer<typeof aiPreparedDraftAnswer>;

export const aiSummariseThreadAnswer = z.object({ opened: z.boolean() });
export const aiPreparedSummaryAnswer = /* @__PURE__ */ z.extend(preparedPrompt, {
  taskLabel: z.string(),
  commentCount: z.number(),
});
export type AiPreparedSummary = z.infer<typeof aiPreparedSummaryAnswer>;

export const aiAnswers = {
  'ai/settings/get': aiSettingsAnswer,
  'ai/settings/save': aiSettingsAnswer,
  'ai/test': aiTestAnswer,
  'ai/prepare-draft': aiPreparedDraftAnswer,
  'ai/summarise-thread': aiSummariseThreadAnswer,
  'ai/prepare-summary': aiPreparedSummaryAnswer,
};

/**
 * A model's answer streams over a port an extension page opens (never a Kitsu page): the page sends
 * one prompt it showed the person, the background answers with pieces of text and an end; closing the
 * port cancels the call.
 */
export const AI_PORT_NAME = 'sidekick-ai';
export const aiRunSchema = z.object({
  type: z.literal('ai/run'),
  /** The Kitsu host the data comes from: AI must be switched on for it. */
  host: /* @__PURE__ */ z.string().check(z.url()),
  messages: /* @__PURE__ */ z.array(chatMessageSchema).check(z.minLength(1), z.maxLength(8)),
});
export type AiRun = z.infer<typeof aiRunSchema>;
export const aiStreamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ai/text'), delta: z.string() }),
  z.object({ type: z.literal('ai/done'), text: z.string() }),
  z.object({ type: z.literal('ai/error'), problem: z.enum(AI_PROBLEMS), message: z.string() }),
]);
export type AiStreamEvent = z.infer<typeof aiStreamEventSchema>;
