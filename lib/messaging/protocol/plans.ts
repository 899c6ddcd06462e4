import { z } from 'zod/mini';
import { type AllowedSender, planId } from './common';

// Plans, from the confirm window only: preview, run, follow, cancel, undo, read back. There is deliberately
// no message that writes to Kitsu: writes exist only as plans that a person confirms on the confirm page (a
// finished job's read-back deletes only the copies of that job's comments Kitsu received twice).
// Also the operator's settings and the audit log of what plans did (the options page).

const planPreview = z.object({ type: z.literal('plans/preview'), planId });
const planExecute = z.object({ type: z.literal('plans/execute'), planId });
const planStatus = z.object({ type: z.literal('plans/status'), planId });
const planCancel = z.object({ type: z.literal('plans/cancel'), planId });
const planUndo = z.object({ type: z.literal('plans/undo'), planId });
/** Continues a job paused with plans/cancel: the person confirmed the plan, and clicks again to go on. */
const planResume = z.object({ type: z.literal('plans/resume'), planId });
/** Offers the failed items of a finished job as a new plan (to preview and confirm); writes nothing. */
const planRetryFailed = z.object({ type: z.literal('plans/retry-failed'), planId });
/**
 * Reads a finished job back from Kitsu again, when Kitsu could not be read back as it ended: counts from Kitsu,
 * and the copies of comments Kitsu received twice deleted (the confirmed job's own cleanup, nothing new).
 */
const planReadBack = z.object({ type: z.literal('plans/read-back'), planId });
/** Replaces a previewed plan by the same plan with its comments' hashtags escaped (Kitsu copies none). */
const planEscapeHashtags = z.object({ type: z.literal('plans/escape-hashtags'), planId });
/**
 * Replaces the comment text of a pending plan by the person's edited text: a new plan with its own
 * preview, confirmable as any; the old one no longer is.
 */
const planReplaceComment = z.object({
  type: z.literal('plans/replace-comment'),
  planId,
  text: /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1, 'Write the comment.'), z.maxLength(10_000)),
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

export const planRequests = [
  planPreview,
  planExecute,
  planStatus,
  planCancel,
  planUndo,
  planResume,
  planRetryFailed,
  planReadBack,
  planEscapeHashtags,
  planReplaceComment,
  settingsGet,
  settingsSave,
  auditList,
  auditExport,
] as const;
export type PlanRequest = z.infer<(typeof planRequests)[number]>;

/** A plan runs only when the confirm window asks: a Kitsu page can propose plans, never execute them. */
export const planSenders = {
  'plans/preview': ['confirm-page'],
  'plans/execute': ['confirm-page'],
  'plans/status': ['confirm-page'],
  'plans/cancel': ['confirm-page'],
  'plans/undo': ['confirm-page'],
  'plans/resume': ['confirm-page'],
  'plans/retry-failed': ['confirm-page'],
  'plans/read-back': ['confirm-page'],
  'plans/escape-hashtags': ['confirm-page'],
  'plans/replace-comment': ['confirm-page'],
  'settings/get': ['extension-page', 'confirm-page'],
  'settings/save': ['extension-page'],
  'audit/list': ['extension-page'],
  'audit/export': ['extension-page'],
} as const satisfies Record<PlanRequest['type'], readonly AllowedSender[]>;

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
      /** The task's status and assignees when the preview was made, and its page in Kitsu. */
      status: z.nullish(z.string()),
      assignees: z.optional(z.array(z.string())),
      url: z.nullish(z.string()),
      lines: z.array(
        z.object({
          field: z.string(),
          text: z.string(),
          before: z.optional(z.string()),
          after: z.optional(z.string()),
          /** Assignee changes: the people before and after, for avatars. */
          people: z.optional(z.object({ before: z.array(z.string()), after: z.array(z.string()) })),
        }),
      ),
      blocked: z.nullable(z.string()),
      notified: z.array(z.string()),
      hashtagCopies: z.array(z.string()),
      automations: z.array(z.string()),
    }),
  ),
  notifiedPeople: z.array(z.object({ name: z.string(), operations: z.number() })),
  blockedCount: z.number(),
  warnings: z.array(z.string()),
  /** Kitsu's statuses the plan shows, with their colours, for status chips like Kitsu's. */
  statuses: z.optional(z.array(z.object({ name: z.string(), shortName: z.string(), color: z.string() }))),
});
export type PlanPreview = z.infer<typeof planPreviewAnswer>;

export const planStatusAnswer = z.object({
  state: z.enum(['pending', 'running', 'done', 'cancelled', 'interrupted']),
  progress: progressSchema,
  /** Items that did not apply, with the reason, and every item's state for the report. */
  items: z.array(
    z.object({
      taskId: z.optional(z.string()),
      taskLabel: z.string(),
      state: z.string(),
      reason: z.nullable(z.string()),
    }),
  ),
  /**
   * A finished job read back from Kitsu: then `progress` counts what Kitsu holds. Null while running, or
   * when Kitsu could not be read (`progress` then counts what the job recorded).
   */
  readBack: z.nullable(
    z.object({ checkedAt: z.string(), duplicatesRemoved: z.number(), mismatches: z.array(z.string()) }),
  ),
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

export const planAnswers = {
  'plans/preview': planPreviewAnswer,
  'plans/execute': z.object({ started: z.boolean() }),
  'plans/status': planStatusAnswer,
  'plans/cancel': z.object({ cancelled: z.boolean() }),
  'plans/undo': z.object({ planId: z.nullable(z.string()), notUndoable: z.array(z.string()) }),
  'plans/resume': z.object({ resumed: z.boolean() }),
  'plans/retry-failed': z.object({ planId: z.nullable(z.string()), foundApplied: z.number() }),
  /** `failure`: why Kitsu could not be read back this time; null once it was. */
  'plans/read-back': z.object({ failure: z.nullable(z.string()) }),
  'plans/escape-hashtags': z.object({ planId: z.string() }),
  'plans/replace-comment': z.object({ planId: z.string() }),
  'settings/get': settingsAnswer,
  'settings/save': settingsAnswer,
  'audit/list': z.object({ records: z.array(auditRecordView) }),
  'audit/export': z.object({ content: z.string(), fileName: z.string() }),
};
