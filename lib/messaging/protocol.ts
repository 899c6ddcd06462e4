import { z } from 'zod';
import { connectionSchema, kitsuRoleSchema } from '../connections/model';

/**
 * Every message that crosses a context boundary is described here, and only here.
 * The background refuses anything these schemas do not accept.
 *
 * There is deliberately no message that writes to Kitsu: writes exist only as plans that a
 * person confirms on an extension page (see DESIGN.md, invariant 1).
 */

export const senderKinds = ['extension-page', 'content-script'] as const;
export type AllowedSender = (typeof senderKinds)[number];

const statusRequest = z.object({
  type: z.literal('status'),
  /** How many times the person asked; echoed back so the panel can tell answers apart. */
  askedTimes: z.number().int().nonnegative(),
});

const tokenField = z.string().trim().min(20, 'A Kitsu token is a long string: paste the whole token.').max(4096);

/** What the page shows, with names from Kitsu; the page is read from the sender's URL, not from the message. */
const pageOverview = z.object({ type: z.literal('page/overview') });

const connectionsList = z.object({ type: z.literal('connections/list') });
const connectionsTest = z.object({
  type: z.literal('connections/test'),
  origin: z.string().url(),
  /** A new token to test; without it the stored token of the connection on that origin is used. */
  token: tokenField.optional(),
});
const connectionsSave = z.object({
  type: z.literal('connections/save'),
  id: z.string().optional(),
  label: z.string().trim().min(1, 'Give the connection a name.').max(80),
  origin: z.string().url(),
  token: tokenField.optional(),
});
const connectionsRemove = z.object({ type: z.literal('connections/remove'), id: z.string().min(1) });

export const requestSchema = z.discriminatedUnion('type', [
  statusRequest,
  pageOverview,
  connectionsList,
  connectionsTest,
  connectionsSave,
  connectionsRemove,
]);
export type SidekickRequest = z.infer<typeof requestSchema>;
export type RequestType = SidekickRequest['type'];

/** Who may send what. Connection and token messages never come from a Kitsu page. */
export const allowedSenders: Record<RequestType, readonly AllowedSender[]> = {
  status: ['content-script', 'extension-page'],
  'page/overview': ['content-script'],
  'connections/list': ['extension-page'],
  'connections/test': ['extension-page'],
  'connections/save': ['extension-page'],
  'connections/remove': ['extension-page'],
};

export const statusAnswer = z.object({
  extensionVersion: z.string(),
  /** The origin the asking page is on, as the browser stamped it (not as the page claims). */
  origin: z.string().nullable(),
  hostGranted: z.boolean(),
  askedTimes: z.number().int().nonnegative(),
});

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
      expirationDate: z.string().nullable(),
    }),
    productions: z.array(z.object({ id: z.string(), name: z.string() })),
    advice: privilegeAdviceSchema,
  }),
  z.object({ ok: z.literal(false), problem: z.string(), message: z.string() }),
]);
export type ConnectionTestAnswer = z.infer<typeof connectionTestAnswer>;

export const connectionView = connectionSchema.extend({ hostGranted: z.boolean() });
export type ConnectionView = z.infer<typeof connectionView>;

export const connectionStates = ['connected', 'expired', 'revoked', 'refused', 'unreachable', 'error'] as const;

export const pageOverviewAnswer = z.object({
  connection: z.object({
    label: z.string(),
    state: z.enum(connectionStates),
    /** One sentence for the dock: who Sidekick is connected as, or what to do. */
    message: z.string(),
  }),
  names: z.object({
    production: z.string().optional(),
    episode: z.string().optional(),
    entityType: z.string().optional(),
    entity: z.string().optional(),
    taskType: z.string().optional(),
    taskStatus: z.string().optional(),
  }),
});

export const answerSchemas = {
  status: statusAnswer,
  'page/overview': pageOverviewAnswer,
  'connections/list': z.object({ connections: z.array(connectionView) }),
  'connections/test': connectionTestAnswer,
  'connections/save': connectionView,
  'connections/remove': z.object({ removed: z.boolean() }),
} satisfies Record<RequestType, z.ZodType>;

export type AnswerOf<T extends RequestType> = z.infer<(typeof answerSchemas)[T]>;

export const errorCodes = ['bad-request', 'forbidden-sender', 'internal', 'refused'] as const;
export const sidekickError = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
});
export type SidekickError = z.infer<typeof sidekickError>;

export function envelopeSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: sidekickError }),
  ]);
}
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: SidekickError };

/** Messages the background sends to the content script of a tab. */
export const tabNoticeSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('dock/toggle') })]);
export type TabNotice = z.infer<typeof tabNoticeSchema>;
