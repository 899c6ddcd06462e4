import { z } from 'zod/mini';
import { AI_PROBLEMS } from '../ai/errors';
import { DRAFT_KINDS } from '../ai/prompts';
import { REDACTABLE_FIELDS } from '../ai/redaction';
import { AI_PROVIDER_KINDS } from '../ai/types';
import { connectionSchema, kitsuRoleSchema } from '../connections/model';

// zod/mini, not classic zod: the content script bundles these schemas and has a size budget (mini is
// tree-shakable). `/* @__PURE__ */` marks schemas built with a method call (`.check`, `.brand`) as free of
// side effects, so a bundle that does not use them can drop them.

/**
 * Every message that crosses a context boundary is described here, and only here.
 * The background refuses anything these schemas do not accept.
 *
 * There is deliberately no message that writes to Kitsu: writes exist only as plans that a
 * person confirms on an extension page (see DESIGN.md, invariant 1).
 */

/** 'confirm-page' is the extension's own confirm window: the only place a plan can be confirmed. */
export const senderKinds = ['extension-page', 'confirm-page', 'content-script'] as const;
export type AllowedSender = (typeof senderKinds)[number];

const tokenField = /* @__PURE__ */ z
  .string()
  .check(z.trim(), z.minLength(20, 'A Kitsu token is a long string: paste the whole token.'), z.maxLength(4096));

/**
 * What the page shows, with names from Kitsu. The URL travels in the message because the browser's
 * `sender.url` keeps the URL the document loaded with, not the one after Kitsu's pushState
 * navigations; the background only accepts a URL on the sender's own, browser-stamped origin.
 */
const pageOverview = z.object({
  type: z.literal('page/overview'),
  url: /* @__PURE__ */ z.string().check(z.url(), z.maxLength(4096)),
});

/** The popup's view of the tab it was opened on: the origin comes from the tabs API, in the popup. */
const popupState = z.object({
  type: z.literal('popup/state'),
  origin: z.nullable(/* @__PURE__ */ z.string().check(z.url())),
});
const setPaused = z.object({ type: z.literal('settings/set-paused'), paused: z.boolean() });

const connectionsList = z.object({ type: z.literal('connections/list') });
const connectionsTest = z.object({
  type: z.literal('connections/test'),
  origin: /* @__PURE__ */ z.string().check(z.url()),
  /** A new token to test; without it the stored token of the connection on that origin is used. */
  token: z.optional(tokenField),
});
const connectionsSave = z.object({
  type: z.literal('connections/save'),
  id: z.optional(z.string()),
  label: /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1, 'Give the connection a name.'), z.maxLength(80)),
  origin: /* @__PURE__ */ z.string().check(z.url()),
  token: z.optional(tokenField),
});
const connectionsRemove = z.object({
  type: z.literal('connections/remove'),
  id: /* @__PURE__ */ z.string().check(z.minLength(1)),
});

const planId = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(100));
const pageUrl = /* @__PURE__ */ z.string().check(z.url(), z.maxLength(4096));

/** What the bulk panel knows of the page's production, to offer its choices. */
const bulkChoices = z.object({ type: z.literal('bulk/choices'), url: pageUrl });
const shortId = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(100));
const isoDay = /* @__PURE__ */ z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
/** The bulk panel's filters on the page's tasks (the page itself gives production, entity type, episode). */
const bulkFilter = z.object({
  taskTypeId: z.optional(shortId),
  statusId: z.optional(shortId),
  /** A person id, or 'unassigned'. */
  assignee: z.optional(shortId),
  departmentId: z.optional(shortId),
  sequenceId: z.optional(shortId),
  priority: z.optional(/* @__PURE__ */ z.int().check(z.gte(0), z.lte(3))),
  dueBefore: z.optional(isoDay),
  dueAfter: z.optional(isoDay),
  overdue: z.optional(z.boolean()),
  text: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(200))),
});
/** How many of the page's tasks the filters select, with a sample: the panel's live count. */
const bulkSelect = z.object({ type: z.literal('bulk/select'), url: pageUrl, filter: bulkFilter });
/**
 * One bulk operation (lib/bulk/operations) on the page's tasks matching the filters. The background
 * validates `input` with that operation's schema, builds the plan from fresh Kitsu data and opens the
 * confirm window; nothing is written here.
 */
const bulkPropose = z.object({
  type: z.literal('bulk/propose'),
  url: pageUrl,
  operationId: shortId,
  filter: bulkFilter,
  input: z.record(z.string(), z.unknown()),
});
/**
 * Loads the dock's lazy panels into the asking page's isolated world (the content script's, never the
 * page's): the content script that runs on every Kitsu page stays small.
 */
const dockLoadPanels = z.object({ type: z.literal('dock/load-panels') });
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
const planPreview = z.object({ type: z.literal('plans/preview'), planId });
const planExecute = z.object({ type: z.literal('plans/execute'), planId });
const planStatus = z.object({ type: z.literal('plans/status'), planId });
const planCancel = z.object({ type: z.literal('plans/cancel'), planId });
const planUndo = z.object({ type: z.literal('plans/undo'), planId });
/** Continues a job paused with plans/cancel: the person confirmed the plan, and clicks again to go on. */
const planResume = z.object({ type: z.literal('plans/resume'), planId });
/** Offers the failed items of a finished job as a new plan (to preview and confirm); writes nothing. */
const planRetryFailed = z.object({ type: z.literal('plans/retry-failed'), planId });
/** Replaces a previewed plan by the same plan with its comments' hashtags escaped (Kitsu copies none). */
const planEscapeHashtags = z.object({ type: z.literal('plans/escape-hashtags'), planId });
/** Batch publish: the dock asks the background to open the publish page for the Kitsu page it is on. */
const publishOpen = z.object({ type: z.literal('publish/open'), url: pageUrl });
/** The publish page: the production's entities, tasks and statuses, for matching file names. */
const publishCatalog = z.object({ type: z.literal('publish/catalog'), url: pageUrl });
/**
 * The publish page's matched files (already in the extension's IndexedDB): the background builds the
 * plan from fresh Kitsu data and opens the confirm window; nothing is written here.
 */
const publishPropose = z.object({
  type: z.literal('publish/propose'),
  url: pageUrl,
  items: /* @__PURE__ */ z
    .array(
      z.object({
        file: z.object({
          id: /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(100)),
          name: /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(500)),
          size: /* @__PURE__ */ z.number().check(z.int(), z.gte(0)),
          type: /* @__PURE__ */ z.string().check(z.maxLength(200)),
        }),
        taskId: /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(100)),
        version: z.nullable(/* @__PURE__ */ z.number().check(z.int(), z.gte(0))),
      }),
    )
    .check(z.minLength(1, 'Add at least one file matched to a task.'), z.maxLength(500)),
  template: /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1, 'Write the comment.'), z.maxLength(2000)),
  statusId: z.nullable(z.string()),
});
const settingsGet = z.object({ type: z.literal('settings/get') });
const settingsSave = z.object({
  type: z.literal('settings/save'),
  operatorName: /* @__PURE__ */ z
    .string()
    .check(z.trim(), z.minLength(1, 'Say who confirms: your name.'), z.maxLength(80)),
  markerTemplate: /* @__PURE__ */ z.string().check(z.maxLength(200)),
});
const auditList = z.object({
  type: z.literal('audit/list'),
  planId: z.optional(z.string()),
  taskId: z.optional(z.string()),
  since: z.optional(z.string()),
});
const auditExport = z.object({ type: z.literal('audit/export'), format: z.enum(['json', 'csv']) });

/** AI settings (optional assistance, off by default); the key goes in, never out. */
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
/**
 * Replaces the comment text of a pending plan by the person's edited text: a new plan with its own
 * preview, confirmable as any; the old one no longer is.
 */
const planReplaceComment = z.object({
  type: z.literal('plans/replace-comment'),
  planId,
  text: /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1, 'Write the comment.'), z.maxLength(10_000)),
});

export const requestSchema = z.discriminatedUnion('type', [
  aiSettingsGet,
  aiSettingsSave,
  aiTest,
  aiPrepareDraft,
  aiSummariseThread,
  aiPrepareSummary,
  planReplaceComment,
  dockLoadPanels,
  bulkChoices,
  bulkSelect,
  bulkPropose,
  agentSuggestions,
  agentDismiss,
  agentReviewPlan,
  planPreview,
  planExecute,
  planStatus,
  planCancel,
  planUndo,
  planResume,
  planRetryFailed,
  planEscapeHashtags,
  publishOpen,
  publishCatalog,
  publishPropose,
  settingsGet,
  settingsSave,
  auditList,
  auditExport,
  pageOverview,
  popupState,
  setPaused,
  connectionsList,
  connectionsTest,
  connectionsSave,
  connectionsRemove,
]);
export type SidekickRequest = z.infer<typeof requestSchema>;
export type RequestType = SidekickRequest['type'];

/**
 * Who may send what. Connection and token messages never come from a Kitsu page, and a plan runs
 * only when the confirm window asks: a Kitsu page can propose plans, never execute them.
 */
export const allowedSenders: Record<RequestType, readonly AllowedSender[]> = {
  'ai/settings/get': ['extension-page', 'confirm-page'],
  'ai/settings/save': ['extension-page'],
  'ai/test': ['extension-page'],
  'ai/prepare-draft': ['confirm-page'],
  'ai/summarise-thread': ['content-script'],
  'ai/prepare-summary': ['confirm-page'],
  'plans/replace-comment': ['confirm-page'],
  'dock/load-panels': ['content-script'],
  'bulk/choices': ['content-script'],
  'bulk/select': ['content-script'],
  'bulk/propose': ['content-script'],
  'agent/suggestions': ['content-script'],
  'agent/dismiss': ['content-script'],
  'agent/review-plan': ['content-script'],
  'plans/preview': ['confirm-page'],
  'plans/execute': ['confirm-page'],
  'plans/status': ['confirm-page'],
  'plans/cancel': ['confirm-page'],
  'plans/undo': ['confirm-page'],
  'plans/resume': ['confirm-page'],
  'plans/retry-failed': ['confirm-page'],
  'plans/escape-hashtags': ['confirm-page'],
  'publish/open': ['content-script'],
  // The publish page is an extension page: files are chosen where Kitsu's page scripts cannot read them.
  'publish/catalog': ['extension-page'],
  'publish/propose': ['extension-page'],
  'settings/get': ['extension-page', 'confirm-page'],
  'settings/save': ['extension-page'],
  'audit/list': ['extension-page'],
  'audit/export': ['extension-page'],
  'page/overview': ['content-script'],
  'popup/state': ['extension-page'],
  'settings/set-paused': ['extension-page'],
  'connections/list': ['extension-page'],
  'connections/test': ['extension-page'],
  'connections/save': ['extension-page'],
  'connections/remove': ['extension-page'],
};

const privilegeAdviceSchema = z.object({
  verdict: z.enum(['fits', 'too-high', 'too-low']),
  message: z.string(),
});

export const connectionTestAnswer = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    kitsuVersion: z.string(),
    identity: z.object({
      name: z.string(),
      role: kitsuRoleSchema,
      isBot: z.boolean(),
      expirationDate: z.nullable(z.string()),
    }),
    productions: z.array(z.object({ id: z.string(), name: z.string() })),
    advice: privilegeAdviceSchema,
  }),
  z.object({ ok: z.literal(false), problem: z.string(), message: z.string() }),
]);
export type ConnectionTestAnswer = z.infer<typeof connectionTestAnswer>;

export const connectionView = z.extend(connectionSchema, { hostGranted: z.boolean() });
export type ConnectionView = z.infer<typeof connectionView>;

export const connectionStates = ['connected', 'expired', 'revoked', 'refused', 'unreachable', 'error'] as const;

export const pageOverviewAnswer = z.object({
  /** What Sidekick understood of the page, as a short label ("Shots · episode all"). */
  where: z.string(),
  connection: z.object({
    label: z.string(),
    state: z.enum(connectionStates),
    /** One sentence for the dock: who Sidekick is connected as, or what to do. */
    message: z.string(),
  }),
  names: z.object({
    production: z.optional(z.string()),
    episode: z.optional(z.string()),
    entityType: z.optional(z.string()),
    entity: z.optional(z.string()),
    taskType: z.optional(z.string()),
    taskStatus: z.optional(z.string()),
  }),
});

export const popupStateAnswer = z.object({
  extensionVersion: z.string(),
  paused: z.boolean(),
  connection: z.nullable(
    z.object({
      label: z.string(),
      origin: z.string(),
      state: z.enum(connectionStates),
      message: z.string(),
      role: z.nullable(kitsuRoleSchema),
      kitsuVersion: z.nullable(z.string()),
      cache: z.object({
        hits: z.number(),
        staleServed: z.number(),
        misses: z.number(),
        requests: z.number(),
        entries: z.number(),
      }),
      /** Live updates from Kitsu's event stream; null while no Kitsu tab of this host is open. */
      live: z.nullable(
        z.object({
          state: z.enum(['connecting', 'live', 'reconnecting', 'off']),
          lastEventAt: z.nullable(z.number()),
        }),
      ),
    }),
  ),
});

const named = z.object({ id: z.string(), name: z.string() });
export const bulkChoicesAnswer = z.object({
  projectName: z.string(),
  /** The token's role: the operations offered are those it may run. */
  role: z.nullable(z.string()),
  operations: z.array(z.object({ id: z.string(), label: z.string() })),
  taskTypes: z.array(named),
  statuses: z.array(z.object({ id: z.string(), name: z.string(), shortName: z.string() })),
  persons: z.array(named),
  departments: z.array(named),
  sequences: z.array(named),
});
export const bulkSelectAnswer = z.object({
  count: z.number(),
  sample: z.array(z.string()),
  warnings: z.array(z.string()),
});

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
});
export const agentDismissAnswer = z.object({ hidden: z.boolean() });

/** A plan was built and opened in the confirm window; nothing is written yet. */
export const planProposalAnswer = z.object({ planId: z.string(), operationCount: z.number() });

const progressSchema = z.object({
  done: z.number(),
  total: z.number(),
  applied: z.number(),
  skipped: z.number(),
  failed: z.number(),
});

export const planPreviewAnswer = z.object({
  planId: z.string(),
  title: z.string(),
  host: z.string(),
  origin: z.object({ kind: z.string(), id: z.string() }),
  createdAt: z.string(),
  expiresAt: z.string(),
  state: z.enum(['pending', 'confirmed', 'expired', 'replaced']),
  operator: z.string(),
  markerExample: z.string(),
  operationCount: z.number(),
  tasks: z.array(
    z.object({
      taskId: z.string(),
      taskLabel: z.string(),
      lines: z.array(z.object({ field: z.string(), text: z.string() })),
      blocked: z.nullable(z.string()),
      notified: z.array(z.string()),
      hashtagCopies: z.array(z.string()),
      automations: z.array(z.string()),
    }),
  ),
  notifiedPeople: z.array(z.object({ name: z.string(), operations: z.number() })),
  blockedCount: z.number(),
  warnings: z.array(z.string()),
});
export type PlanPreview = z.infer<typeof planPreviewAnswer>;

export const planStatusAnswer = z.object({
  state: z.enum(['pending', 'running', 'done', 'cancelled', 'interrupted']),
  progress: progressSchema,
  /** Items that did not apply, with the reason, and every item's state for the report. */
  items: z.array(z.object({ taskLabel: z.string(), state: z.string(), reason: z.nullable(z.string()) })),
  undoable: z.boolean(),
  notUndoable: z.array(z.string()),
});
export type PlanStatus = z.infer<typeof planStatusAnswer>;

export const publishOpenAnswer = z.object({ opened: z.literal(true) });

/** What the publish page matches file names against (lib/publish/service.ts PublishCatalog). */
export const publishCatalogAnswer = z.object({
  productionName: z.string(),
  entities: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['shot', 'asset', 'sequence', 'edit', 'episode']),
      name: z.string(),
      sequence: z.optional(z.nullable(z.string())),
      episode: z.optional(z.nullable(z.string())),
      episodeId: z.optional(z.nullable(z.string())),
      tasks: z.array(z.object({ id: z.string(), taskTypeId: z.string() })),
    }),
  ),
  taskTypes: z.array(z.object({ id: z.string(), name: z.string(), shortName: z.optional(z.nullable(z.string())) })),
  statuses: z.array(z.object({ id: z.string(), name: z.string(), shortName: z.string() })),
  defaultStatusId: z.nullable(z.string()),
  taskStatuses: z.record(z.string(), z.string()),
  scope: z.object({
    taskTypeId: z.optional(z.string()),
    entityId: z.optional(z.string()),
    taskId: z.optional(z.string()),
    episodeId: z.optional(z.string()),
  }),
});
export type PublishCatalogAnswer = z.infer<typeof publishCatalogAnswer>;

export const settingsAnswer = z.object({ operatorName: z.string(), markerTemplate: z.string() });

export const auditRecordView = z.object({
  at: z.string(),
  operator: z.string(),
  planId: z.string(),
  jobId: z.string(),
  taskId: z.string(),
  kind: z.string(),
  result: z.string(),
  before: z.string(),
  after: z.string(),
});

export const dockLoadPanelsAnswer = z.object({ loaded: z.literal(true) });

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

/** Exactly what a draft would send, and what was kept from it; sending is a separate, explicit step. */
export const aiPreparedDraftAnswer = z.object({
  host: z.string(),
  kind: z.enum(DRAFT_KINDS),
  provider: z.enum(AI_PROVIDER_KINDS),
  /** Where it goes: the endpoint's origin, or null for the built-in model. */
  destination: z.nullable(z.string()),
  messages: z.array(chatMessageSchema),
  characters: z.number(),
  excluded: z.array(z.string()),
  leftOut: z.array(z.string()),
  /** Placeholder → name, to give names back in the draft on this side. */
  restorations: z.record(z.string(), z.string()),
  currentText: z.string(),
});
export type AiPreparedDraft = z.infer<typeof aiPreparedDraftAnswer>;

export const aiSummariseThreadAnswer = z.object({ opened: z.boolean() });
export const aiPreparedSummaryAnswer = z.object({
  host: z.string(),
  provider: z.enum(AI_PROVIDER_KINDS),
  destination: z.nullable(z.string()),
  taskLabel: z.string(),
  commentCount: z.number(),
  messages: z.array(chatMessageSchema),
  characters: z.number(),
  excluded: z.array(z.string()),
  leftOut: z.array(z.string()),
  restorations: z.record(z.string(), z.string()),
});
export type AiPreparedSummary = z.infer<typeof aiPreparedSummaryAnswer>;

export const answerSchemas = {
  'ai/settings/get': aiSettingsAnswer,
  'ai/settings/save': aiSettingsAnswer,
  'ai/test': aiTestAnswer,
  'ai/prepare-draft': aiPreparedDraftAnswer,
  'ai/summarise-thread': aiSummariseThreadAnswer,
  'ai/prepare-summary': aiPreparedSummaryAnswer,
  'plans/replace-comment': z.object({ planId: z.string() }),
  'dock/load-panels': dockLoadPanelsAnswer,
  'bulk/choices': bulkChoicesAnswer,
  'bulk/select': bulkSelectAnswer,
  'bulk/propose': planProposalAnswer,
  'agent/suggestions': agentSuggestionsAnswer,
  'agent/dismiss': agentDismissAnswer,
  'agent/review-plan': planProposalAnswer,
  'plans/preview': planPreviewAnswer,
  'plans/execute': z.object({ started: z.boolean() }),
  'plans/status': planStatusAnswer,
  'plans/cancel': z.object({ cancelled: z.boolean() }),
  'plans/undo': z.object({ planId: z.nullable(z.string()), notUndoable: z.array(z.string()) }),
  'plans/resume': z.object({ resumed: z.boolean() }),
  'plans/retry-failed': z.object({ planId: z.nullable(z.string()), foundApplied: z.number() }),
  'plans/escape-hashtags': z.object({ planId: z.string() }),
  'publish/open': publishOpenAnswer,
  'publish/catalog': publishCatalogAnswer,
  'publish/propose': planProposalAnswer,
  'settings/get': settingsAnswer,
  'settings/save': settingsAnswer,
  'audit/list': z.object({ records: z.array(auditRecordView) }),
  'audit/export': z.object({ content: z.string(), fileName: z.string() }),
  'page/overview': pageOverviewAnswer,
  'popup/state': popupStateAnswer,
  'settings/set-paused': z.object({ paused: z.boolean() }),
  'connections/list': z.object({ connections: z.array(connectionView) }),
  'connections/test': connectionTestAnswer,
  'connections/save': connectionView,
  'connections/remove': z.object({ removed: z.boolean() }),
} satisfies Record<RequestType, z.ZodMiniType>;

export type AnswerOf<T extends RequestType> = z.infer<(typeof answerSchemas)[T]>;

export const errorCodes = ['bad-request', 'forbidden-sender', 'internal', 'refused'] as const;
export const sidekickError = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
});
export type SidekickError = z.infer<typeof sidekickError>;

export function envelopeSchema<T extends z.ZodMiniType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: sidekickError }),
  ]);
}
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: SidekickError };

/** Messages the background sends to the content script of a tab. */
export const pageNoticeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dock/toggle') }),
  /** Kitsu data shown on the page changed (a live event): panels showing it read it again. */
  z.object({ type: z.literal('changed'), projectId: z.optional(z.string()), tags: z.array(z.string()) }),
]);
export type PageNotice = z.infer<typeof pageNoticeSchema>;

/**
 * Each Kitsu page keeps one port open to the background: it says where the page is after each
 * navigation, receives "changed" notices, and its closing tells the background the page is gone.
 */
export const PAGE_PORT_NAME = 'sidekick-page';
export const pagePortMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page/visit'), url: /* @__PURE__ */ z.string().check(z.url(), z.maxLength(4096)) }),
]);
export type PagePortMessage = z.infer<typeof pagePortMessageSchema>;

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
