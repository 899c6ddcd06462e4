import { browser } from 'wxt/browser';
import {
  type AnswerOf,
  answerSchemas,
  type Envelope,
  envelopeSchema,
  type RequestType,
  type SidekickRequest,
} from './protocol';

export class SidekickRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SidekickRequestError';
  }
}

/** Asks the background and checks its answer; throws a readable error when it refuses. */
export async function ask<T extends RequestType>(request: Extract<SidekickRequest, { type: T }>): Promise<AnswerOf<T>> {
  return askWith(answerSchemas[request.type], request);
}

/**
 * Like `ask`, with the answer's schema given by the caller (it must be `answerSchemas[type]`), so that
 * a bundle carries only the schemas of what it asks: the content script has a size budget, and `ask`
 * brings in every answer schema.
 */
export async function askWith<T extends RequestType>(
  answerSchema: (typeof answerSchemas)[T],
  request: Extract<SidekickRequest, { type: T }>,
): Promise<AnswerOf<T>> {
  const raw: unknown = await browser.runtime.sendMessage(request);
  const envelope = envelopeSchema(answerSchema).parse(raw) as Envelope<AnswerOf<T>>;
  if (!envelope.ok) throw new SidekickRequestError(envelope.error.code, envelope.error.message);
  return envelope.data;
}

/** What to tell the person when a request failed: the background's refusals are written for them. */
export function failureText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
