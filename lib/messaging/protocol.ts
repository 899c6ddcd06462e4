import { z } from 'zod/mini';
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
/**
 * "Comment and set status" on the tasks of the page matching a filter. The background builds the
 * plan from fresh Kitsu data and opens the confirm window; nothing is written here.
 */
const bulkCommentStatus = z.object({
  type: z.literal('bulk/comment-status'),
  url: pageUrl,
  filter: z.object({
    taskTypeId: z.optional(z.string()),
    statusId: z.optional(z.string()),
    text: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(200))),
  }),
  statusId: z.nullable(z.string()),
  text: /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1, 'Write the comment.'), z.maxLength(10_000)),
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
/** Replaces a previewed plan by the same plan with its comments' hashtags escaped (Kitsu copies none). */
const planEscapeHashtags = z.object({ type: z.literal('plans/escape-hashtags'), planId });
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

export const requestSchema = z.discriminatedUnion('type', [
  dockLoadPanels,
  bulkChoices,
  bulkCommentStatus,
  agentSuggestions,
  agentDismiss,
  agentReviewPlan,
  planPreview,
  planExecute,
  planStatus,
  planCancel,
  planUndo,
  planEscapeHashtags,
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
  'dock/load-panels': ['content-script'],
  'bulk/choices': ['content-script'],
  'bulk/comment-status': ['content-script'],
  'agent/suggestions': ['content-script'],
  'agent/dismiss': ['content-script'],
  'agent/review-plan': ['content-script'],
  'plans/preview': ['confirm-page'],
  'plans/execute': ['confirm-page'],
  'plans/status': ['confirm-page'],
  'plans/cancel': ['confirm-page'],
  'plans/undo': ['confirm-page'],
  'plans/escape-hashtags': ['confirm-page'],
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
  taskTypes: z.array(named),
  statuses: z.array(z.object({ id: z.string(), name: z.string(), shortName: z.string() })),
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

export const answerSchemas = {
  'dock/load-panels': dockLoadPanelsAnswer,
  'bulk/choices': bulkChoicesAnswer,
  'bulk/comment-status': planProposalAnswer,
  'agent/suggestions': agentSuggestionsAnswer,
  'agent/dismiss': agentDismissAnswer,
  'agent/review-plan': planProposalAnswer,
  'plans/preview': planPreviewAnswer,
  'plans/execute': z.object({ started: z.boolean() }),
  'plans/status': planStatusAnswer,
  'plans/cancel': z.object({ cancelled: z.boolean() }),
  'plans/undo': z.object({ planId: z.nullable(z.string()), notUndoable: z.array(z.string()) }),
  'plans/escape-hashtags': z.object({ planId: z.string() }),
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
