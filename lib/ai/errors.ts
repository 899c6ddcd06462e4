// What went wrong with a model, in words a person can act on. Fetch cannot tell "nothing listens"
// from "the server refused the extension's origin", so those messages name both and how to fix the
// second one for Ollama, the most common local server.

export const AI_PROBLEMS = [
  'off',
  'host-blocked',
  'permission',
  'unavailable',
  'origin-refused',
  'unreachable',
  'unauthorized',
  'not-found',
  'busy',
  'server',
  'malformed',
  'timeout',
  'cancelled',
] as const;
export type AiProblem = (typeof AI_PROBLEMS)[number];

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
  return `For Ollama, allow the extension's origin: set OLLAMA_ORIGINS=${origins} in its environment and restart it.`;
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
  return message.length > MAX_QUOTED ? `${message.slice(0, MAX_QUOTED - 1)}…` : message;
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
  const quoted = said ? ` It said: “${said}”.` : '';
  if (status === 401) {
    return new AiError(
      'unauthorized',
      `${endpointOrigin} refused the key (401).${quoted} Check the key in Sidekick's AI settings, or remove it if the server needs none.`,
    );
  }
  if (status === 403) {
    return new AiError(
      'origin-refused',
      `${endpointOrigin} refused the request (403).${quoted} A local server may refuse browser extensions by their origin. ${ollamaOriginsHint(extensionOrigin)} If the server needs a key, check it.`,
    );
  }
  if (status === 404 && /model/i.test(said)) {
    return new AiError('unavailable', `The model “${model}” is not available on ${endpointOrigin}.${quoted}`);
  }
  if (status === 404) {
    return new AiError(
      'not-found',
      `${endpointOrigin} has no chat-completions route at this address (404). Use the server's OpenAI-compatible base, e.g. http://127.0.0.1:11434/v1.`,
    );
  }
  if (status === 429 || status === 503) {
    return new AiError('busy', `${endpointOrigin} is busy (${status}).${quoted} Try again in a moment.`);
  }
  return new AiError('server', `${endpointOrigin} failed (${status}).${quoted}`);
}

/** fetch rejected before any answer: the server is down, or it refused the extension's origin. */
export function networkFailure(endpointOrigin: string, extensionOrigin: string): AiError {
  return new AiError(
    'unreachable',
    `Sidekick could not reach ${endpointOrigin}: it is not running there, or it refused the extension's origin (CORS). ${ollamaOriginsHint(extensionOrigin)}`,
  );
}

export function timeoutFailure(label: string, seconds: number, waitingFor: 'answer' | 'next words'): AiError {
  return new AiError(
    'timeout',
    waitingFor === 'answer'
      ? `${label} did not answer within ${seconds} s. A local model may still be loading: try again, or raise the time limit.`
      : `${label} stopped writing for ${seconds} s: the draft so far is kept.`,
  );
}

export const cancelled = () => new AiError('cancelled', 'Cancelled.');

/** Whatever was thrown, as an AiError (unknown failures keep a generic message: no stack, no payload). */
export function asAiError(error: unknown): AiError {
  if (error instanceof AiError) return error;
  return new AiError('server', 'The model failed without saying why.');
}
