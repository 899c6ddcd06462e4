import type { z } from 'zod';
import {
  type AnswerOf,
  answerSchemas,
  type Envelope,
  type RequestType,
  requestSchema,
  type SidekickRequest,
} from './protocol';
import { classifySender, type SenderFacts, type SenderKind } from './sender';

export type HandlerContext = { sender: Exclude<SenderKind, { kind: 'foreign' }> };

export type Handlers = {
  [T in RequestType]: (request: Extract<SidekickRequest, { type: T }>, context: HandlerContext) => Promise<AnswerOf<T>>;
};

export type RouterOptions = {
  ownId: string;
  ownOrigin: string;
  /** Content scripts may only talk from origins the person granted to Sidekick. */
  isGrantedOrigin: (origin: string) => Promise<boolean>;
  onError?: (error: unknown) => void;
};

/**
 * The background's single entry point for messages: parse, check the sender, dispatch,
 * and check the answer against its schema too, so a handler bug cannot leak a stray field.
 */
export function createRouter(handlers: Handlers, options: RouterOptions) {
  return async function route(raw: unknown, senderFacts: SenderFacts): Promise<Envelope<unknown>> {
    const sender = classifySender(senderFacts, options.ownId, options.ownOrigin);
    if (sender.kind === 'foreign') {
      return { ok: false, error: { code: 'forbidden-sender', message: sender.reason } };
    }
    if (sender.kind === 'content-script' && !(await options.isGrantedOrigin(sender.origin))) {
      return {
        ok: false,
        error: { code: 'forbidden-sender', message: `${sender.origin} is not a configured Kitsu host` },
      };
    }
    const parsed = requestSchema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, error: { code: 'bad-request', message: summarizeIssues(parsed.error) } };
    }
    const request = parsed.data;
    try {
      const handler = handlers[request.type] as (r: SidekickRequest, c: HandlerContext) => Promise<unknown>;
      const answer = await handler(request, { sender });
      return { ok: true, data: answerSchemas[request.type].parse(answer) };
    } catch (error) {
      options.onError?.(error);
      return { ok: false, error: { code: 'internal', message: 'Sidekick could not answer this request.' } };
    }
  };
}

function summarizeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`)
    .join('; ');
}
