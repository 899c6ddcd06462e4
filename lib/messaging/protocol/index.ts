import { z } from 'zod/mini';
import { type AgentRequest, agentAnswers, agentRequests, agentSenders } from './agent';
import { type AiRequest, aiAnswers, aiRequests, aiSenders } from './ai';
import { type BulkRequest, bulkAnswers, bulkRequests, bulkSenders } from './bulk';
import type { AllowedSender } from './common';
import { type ConnectionRequest, connectionAnswers, connectionRequests, connectionSenders } from './connections';
import { type DockRequest, dockAnswers, dockRequests, dockSenders } from './dock';
import { type PlanRequest, planAnswers, planRequests, planSenders } from './plans';
import { type PublishRequest, publishAnswers, publishRequests, publishSenders } from './publish';

/**
 * Every message that crosses a context boundary is described in this folder, one file per domain, and
 * only here. The background refuses anything these schemas do not accept.
 *
 * There is deliberately no message that writes to Kitsu: writes exist only as plans that a person
 * confirms on an extension page.
 */
export * from './agent';
export * from './ai';
export * from './bulk';
export * from './common';
export * from './connections';
export * from './dock';
export * from './plans';
export * from './publish';

// The `@__PURE__` marks let a bundle that does not use the assembled maps drop them (and every
// domain's schemas with them): the content script asks with one answer schema at a time.
export const requestSchema = /* @__PURE__ */ z.discriminatedUnion(
  'type',
  /* @__PURE__ */ concatenated(
    aiRequests,
    planRequests,
    dockRequests,
    bulkRequests,
    agentRequests,
    publishRequests,
    connectionRequests,
  ),
);
export type SidekickRequest = z.infer<typeof requestSchema>;
export type RequestType = SidekickRequest['type'];

/** The requests of one domain's file, to type that domain's handlers. */
export type DomainRequest = {
  agent: AgentRequest;
  ai: AiRequest;
  bulk: BulkRequest;
  connections: ConnectionRequest;
  dock: DockRequest;
  plans: PlanRequest;
  publish: PublishRequest;
};

/**
 * Who may send what. Connection and token messages never come from a Kitsu page, and a plan runs
 * only when the confirm window asks: a Kitsu page can propose plans, never execute them.
 */
export const allowedSenders: Record<RequestType, readonly AllowedSender[]> = /* @__PURE__ */ merged(
  aiSenders,
  planSenders,
  dockSenders,
  bulkSenders,
  agentSenders,
  publishSenders,
  connectionSenders,
);

export const answerSchemas = /* @__PURE__ */ merged(
  aiAnswers,
  planAnswers,
  dockAnswers,
  bulkAnswers,
  agentAnswers,
  publishAnswers,
  connectionAnswers,
) satisfies Record<RequestType, z.ZodMiniType>;

type Concatenation<T extends readonly (readonly unknown[])[]> = T extends readonly [
  infer First extends readonly unknown[],
  ...infer Rest extends readonly (readonly unknown[])[],
]
  ? [...First, ...Concatenation<Rest>]
  : [];

/** The domains' lists as one (a spread would keep them all in every bundle: spreading may have effects). */
function concatenated<T extends readonly (readonly unknown[])[]>(...lists: T): Concatenation<T> {
  return lists.flat() as Concatenation<T>;
}

type Intersection<T> = (T extends unknown ? (part: T) => void : never) extends (part: infer I) => void ? I : never;

/** One object of the domains' maps (their keys never overlap: each domain has its own request types). */
function merged<T extends object[]>(...parts: T): Intersection<T[number]> {
  return Object.assign({}, ...parts);
}

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
