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
  const raw: unknown = await browser.runtime.sendMessage(request);
  const envelope = envelopeSchema(answerSchemas[request.type]).parse(raw) as Envelope<AnswerOf<T>>;
  if (!envelope.ok) throw new SidekickRequestError(envelope.error.code, envelope.error.message);
  return envelope.data;
}
