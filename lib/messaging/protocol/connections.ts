import { z } from 'zod/mini';
import { kitsuRoleSchema } from '../../shared/roles';
import { statusRoleSchema } from '../../shared/status-roles';
import type { AllowedSender } from './common';

// Connections to Kitsu hosts, from the options page only: a token goes in, never out.

const tokenField = /* @__PURE__ */ z
  .string()
  .check(z.trim(), z.minLength(20, 'A Kitsu token is a long string: paste the whole token.'), z.maxLength(4096));

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

/** One Kitsu host's workflow as the options page shows it: its statuses' roles, its studio's time zone. */
const connectionsWorkflow = z.object({
  type: z.literal('connections/workflow'),
  origin: /* @__PURE__ */ z.string().check(z.url()),
});
const connectionsSaveWorkflow = z.object({
  type: z.literal('connections/save-workflow'),
  origin: /* @__PURE__ */ z.string().check(z.url()),
  /** Status id → the role the person chose (the same as Kitsu's gives means "follow Kitsu"). */
  roles: z.record(z.string(), statusRoleSchema),
  /** An IANA zone name; null: the browser's. */
  timeZone: z.nullable(z.string()),
});

export const connectionRequests = [
  connectionsList,
  connectionsTest,
  connectionsSave,
  connectionsRemove,
  connectionsWorkflow,
  connectionsSaveWorkflow,
] as const;
export type ConnectionRequest = z.infer<(typeof connectionRequests)[number]>;

export const connectionSenders = {
  'connections/list': ['extension-page'],
  'connections/test': ['extension-page'],
  'connections/save': ['extension-page'],
  'connections/remove': ['extension-page'],
  'connections/workflow': ['extension-page'],
  'connections/save-workflow': ['extension-page'],
} as const satisfies Record<ConnectionRequest['type'], readonly AllowedSender[]>;

/** What Sidekick keeps about one Kitsu, as every page may see it: the token lives only in the background's vault. */
export const connectionSchema = z.object({
  id: /* @__PURE__ */ z.string().check(z.minLength(1)),
  label: /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  origin: /* @__PURE__ */ z.string().check(z.url()),
  createdAt: z.string(),
});
export type Connection = z.infer<typeof connectionSchema>;

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

export const workflowView = z.object({
  origin: z.string(),
  statuses: z.array(
    z.object({
      statusId: z.string(),
      name: z.string(),
      shortName: z.string(),
      color: z.string(),
      role: statusRoleSchema,
      source: z.enum(['override', 'flag', 'name', 'default']),
      derivedRole: statusRoleSchema,
      tasks: z.nullable(z.number()),
    }),
  ),
  timeZone: z.nullable(z.string()),
  browserTimeZone: z.string(),
});
export type WorkflowView = z.infer<typeof workflowView>;

export const connectionAnswers = {
  'connections/list': z.object({ connections: z.array(connectionView) }),
  'connections/test': connectionTestAnswer,
  'connections/save': connectionView,
  'connections/remove': z.object({ removed: z.boolean() }),
  'connections/workflow': workflowView,
  'connections/save-workflow': workflowView,
};
