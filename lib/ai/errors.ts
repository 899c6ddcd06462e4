// What went wrong with a model, in words a person can act on. Fetch cannot tell "nothing listens"
// from "the server refused the extension's origin", so those messages name both and how to fix the
// second one for Ollama, the most common local server.

import { t } from '../i18n/pure';
import type { AiProblem } from '../messaging/protocol/ai';
import { clip } from '../shared/text';

export class AiError extends Error {
  override name = 'AiError';
  constructor(
    readonly problem: AiProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The environment variable Ollama reads for the origins it answers; both browsers' extension origins. */
export function ollamaOriginsHint(extensionOrigin: string): string {
  const own = extensionOrigin.replace(/\/$/, '');
  const origins = own.startsWith('moz-extension://')
    ? `chrome-extension://*,${own}`
    : `${own || 'chrome-extension://*'},moz-extension://*`;
  return t('errorAiOllamaOrigins', { origins });
}

const MAX_QUOTED = 200;

/** The server's own words, when its body carries any: OpenAI's {error:{message}}, Ollama's {error:"…"}. */
export function serverMessage(body: string): string {
  let message = body.trim();
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'error' in parsed) {
      const error = (parsed as { error: unknown }).error;
      if (typeof error === 'string') message = error;
      else if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
        message = (error as { message: string }).message;
      }
    }
  } catch {
    // Not JSON: the body is the message.
  }
  message = message.replace(/\s+/g, ' ');
  return clip(message, MAX_QUOTED);
}

export type HttpFailure = {
  status: number;
  body: string;
  endpointOrigin: string;
  model: string;
  extensionOrigin: string;
};

/** A non-2xx answer of a chat-completions endpoint. */
export function httpFailure({ status, body, endpointOrigin, model, extensionOrigin }: HttpFailure): AiError {
  const said = serverMessage(body);
  const quoted = said ? t('errorAiServerSaid', { said }) : '';
  if (status === 401) {
    return new AiError('unauthorized', t('errorAiKeyRefused', { origin: endpointOrigin, said: quoted }));
  }
  if (status === 403) {
    return new AiError(
      'origin-refused',
      t('errorAiOriginRefused', { origin: endpointOrigin, said: quoted, hint: ollamaOriginsHint(extensionOrigin) }),
    );
  }
  if (status === 404 && /model/i.test(said)) {
    return new AiError('unavailable', t('errorAiModelUnavailable', { model, origin: endpointOrigin, said: quoted }));
  }
  if (status === 404) {
    return new AiError('not-found', t('errorAiNoRoute', { origin: endpointOrigin }));
  }
  if (status === 429 || status === 503) {
    return new AiError('busy', t('errorAiBusy', { origin: endpointOrigin, status: String(status), said: quoted }));
  }
  return new AiError(
    'server',
    t('errorAiServerFailed', { origin: endpointOrigin, status: String(status), said: quoted }),
  );
}

/** fetch rejected before any answer: the server is down, or it refused the extension's origin. */
export function networkFailure(endpointOrigin: string, extensionOrigin: string): AiError {
  return new AiError(
    'unreachable',
    t('errorAiUnreachable', { origin: endpointOrigin, hint: ollamaOriginsHint(extensionOrigin) }),
  );
}

export function timeoutFailure(label: string, seconds: number, waitingFor: 'answer' | 'next words'): AiError {
  return new AiError(
    'timeout',
    waitingFor === 'answer'
      ? t('errorAiNoAnswerInTime', { label, seconds: String(seconds) })
      : t('errorAiStoppedWriting', { label, seconds: String(seconds) }),
  );
}

export const cancelled = () => new AiError('cancelled', t('errorAiCancelled'));

/** Whatever was thrown, as an AiError (unknown failures keep a generic message: no stack, no payload). */
export function asAiError(error: unknown): AiError {
  if (error instanceof AiError) return error;
  return new AiError('server', t('errorAiFailedSilently'));
}
