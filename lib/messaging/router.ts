import { en } from 'zod/locales';
import { z } from 'zod/mini';
import { t } from '../i18n/pure';
import {
  type AnswerOf,
  allowedSenders,
  answerSchemas,
  type DomainRequest,
  type Envelope,
  type RequestType,
  requestSchema,
  type SidekickError,
  type SidekickRequest,
} from './protocol';
import { classifySender, type SenderFacts, type SenderKind } from './sender';

// Refusals quote zod's issue messages to people. The protocol's schemas use zod/mini, which sets no
// locale of its own (classic zod sets English on first use): set English here, whatever else is loaded.
z.config(en());

export type HandlerContext = { sender: Exclude<SenderKind, { kind: 'foreign' }> };

export type Handler<T extends RequestType> = (
  request: Extract<SidekickRequest, { type: T }>,
  context: HandlerContext,
) => Promise<AnswerOf<T>>;

/** Every request's handler: the background composes them from the domains' handlers modules. */
export type Handlers = { [T in RequestType]: Handler<T> };

/** The handlers of one domain's requests (lib/<domain>/handlers.ts). */
export type DomainHandlers<D extends keyof DomainRequest> = { [T in DomainRequest[D]['type']]: Handler<T> };

/** A refusal whose message is written for the person and safe to show anywhere. */
export class RefusedError extends Error {
  override name = 'RefusedError';
}

/**
 * The same handlers, with the domain's own refusals (errors written for people, such as a plan that
 * expired) passed on to the person as refusals; any other failure stays generic.
 */
export function refusingWith<H extends object>(isRefusal: (error: unknown) => error is Error, handlers: H): H {
  const wrapped: Record<string, unknown> = {};
  for (const [type, handler] of Object.entries(handlers) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    wrapped[type] = async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        throw isRefusal(error) ? new RefusedError(error.message) : error;
      }
    };
  }
  return wrapped as H;
}

export type RouterOptions = {
  ownId: string;
  ownOrigin: string;
  /** Content scripts may only talk from origins the person configured and granted. */
  isConfiguredOrigin: (origin: string) => Promise<boolean>;
  /** Told what was refused and why, never the payload (it may carry a token). */
  onRefused?: (reason: string) => void;
  onError?: (error: unknown) => void;
  /**
   * A sentence for people about a failure no handler turned into a refusal (Kitsu unreachable, a revoked
   * token...), or undefined for the generic one. It must never carry a token or a URL.
   */
  describeFailure?: (error: unknown) => string | undefined;
};

/**
 * The background's single entry point for messages: check the sender, parse, check the sender
 * may send this type, dispatch, and check the answer against its schema too, so a handler bug
 * cannot leak a stray field.
 */
export function createRouter(handlers: Handlers, options: RouterOptions) {
  const refuse = (code: SidekickError['code'], message: string): Envelope<never> => {
    options.onRefused?.(`${code}: ${message}`);
    return { ok: false, error: { code, message } };
  };

  return async function route(raw: unknown, senderFacts: SenderFacts): Promise<Envelope<unknown>> {
    const sender = classifySender(senderFacts, options.ownId, options.ownOrigin);
    if (sender.kind === 'foreign') return refuse('forbidden-sender', sender.reason);
    if (sender.kind === 'content-script' && !(await options.isConfiguredOrigin(sender.origin))) {
      return refuse('forbidden-sender', `${sender.origin} is not a configured Kitsu host`);
    }
    const parsed = requestSchema.safeParse(raw);
    if (!parsed.success) return refuse('bad-request', summarizeIssues(parsed.error));
    const request = parsed.data;
    if (!allowedSenders[request.type].includes(sender.kind)) {
      return refuse('forbidden-sender', `${request.type} is not accepted from a ${sender.kind}`);
    }
    try {
      const handler = handlers[request.type] as (r: SidekickRequest, c: HandlerContext) => Promise<unknown>;
      const answer = await handler(request, { sender });
      return { ok: true, data: answerSchemas[request.type].parse(answer) };
    } catch (error) {
      if (error instanceof RefusedError) return refuse('refused', error.message);
      options.onError?.(error);
      const message = options.describeFailure?.(error) ?? t('errorNoAnswer');
      return { ok: false, error: { code: 'internal', message } };
    }
  };
}

function summarizeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`)
    .join('; ');
}
