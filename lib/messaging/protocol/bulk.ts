import { z } from 'zod/mini';
import { formFieldSchema } from '../../forms/fields';
import { type AllowedSender, named, pageUrl, planProposalAnswer, shortId, statusNames } from './common';

// The bulk helpers panel on Kitsu's shot and asset lists and task-type pages.

/** What the bulk panel knows of the page's production, to offer its choices. */
const bulkChoices = z.object({ type: z.literal('bulk/choices'), url: pageUrl });
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
 * One bulk operation (lib/bulk/operations) on the page's tasks matching the filters, with the values of
 * the fields the operation declares. The background makes them the operation's input and validates it
 * with the operation's schema, builds the plan from fresh Kitsu data and opens the confirm window;
 * nothing is written here.
 */
const bulkPropose = z.object({
  type: z.literal('bulk/propose'),
  url: pageUrl,
  operationId: shortId,
  filter: bulkFilter,
  values: z.record(shortId, z.union([/* @__PURE__ */ z.string().check(z.maxLength(20_000)), z.boolean()])),
});

export const bulkRequests = [bulkChoices, bulkSelect, bulkPropose] as const;
export type BulkRequest = z.infer<(typeof bulkRequests)[number]>;

export const bulkSenders = {
  'bulk/choices': ['content-script'],
  'bulk/select': ['content-script'],
  'bulk/propose': ['content-script'],
} as const satisfies Record<BulkRequest['type'], readonly AllowedSender[]>;

export const bulkChoicesAnswer = z.object({
  projectName: z.string(),
  /** The token's role: the operations offered are those it may run. */
  role: z.nullable(z.string()),
  /** Each with the fields the panel shows for it (the panel renders any operation from these). */
  operations: z.array(z.object({ id: z.string(), label: z.string(), fields: z.readonly(z.array(formFieldSchema)) })),
  taskTypes: z.array(named),
  statuses: z.array(statusNames),
  persons: z.array(named),
  departments: z.array(named),
  sequences: z.array(named),
});
export const bulkSelectAnswer = z.object({
  count: z.number(),
  sample: z.array(z.string()),
  warnings: z.array(z.string()),
});

export const bulkAnswers = {
  'bulk/choices': bulkChoicesAnswer,
  'bulk/select': bulkSelectAnswer,
  'bulk/propose': planProposalAnswer,
};
