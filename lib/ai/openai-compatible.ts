// Any OpenAI-compatible chat-completions server (Ollama, llama.cpp's server, vLLM, LM Studio…):
// POST {model, messages, stream: true}, read the server-sent events. Runs in the background only,
// where the key lives; the endpoint's host permission lets the request through.

import { isLoopbackHost, travelsInClear } from '../connections/origins';
import { t } from '../i18n/pure';
import { AiError, asAiError, cancelled, httpFailure, networkFailure, timeoutFailure } from './errors';
import { readChatStream, readChunk } from './sse';
import type { AiProvider, AiRequest, ChatMessage } from './types';

export type EndpointResult =
  | {
      ok: true;
      url: string;
      origin: string;
      /** Plain http to a host other than loopback: the prompt and the key would travel in clear. */
      cleartext: boolean;
    }
  | { ok: false; reason: string };

/**
 * The chat-completions URL for what a person typed: a server ("127.0.0.1:11434"), its
 * OpenAI-compatible base (".../v1") or the full route (".../v1/chat/completions"). Without a
 * scheme, https, except on loopback where local servers (Ollama, llama.cpp) speak plain http and
 * nothing leaves the machine; plain http to another host is kept if typed, flagged `cleartext`.
 */
export function chatCompletionsUrl(input: string): EndpointResult {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, reason: t('errorAiAddressMissing') };
  const typedScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  let url: URL;
  try {
    url = new URL(typedScheme ? trimmed : `http://${trimmed}`);
  } catch {
    return { ok: false, reason: t('errorAiAddressInvalid', { input: trimmed }) };
  }
  if (!typedScheme && !isLoopbackHost(url.hostname)) url = new URL(`https://${trimmed}`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: t('errorAiAddressScheme') };
  }
  if (url.username || url.password) {
    return { ok: false, reason: t('errorAiAddressCredentials') };
  }
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith('/chat/completions')
    ? path
    : path === ''
      ? '/v1/chat/completions'
      : `${path}/chat/completions`;
  url.search = '';
  url.hash = '';
  return { ok: true, url: url.href, origin: url.origin, cleartext: travelsInClear(url.origin) };
}

/** The warning the AI settings show for an endpoint, or null when nothing travels in clear. */
export function endpointCleartextWarning(input: string): string | null {
  const endpoint = chatCompletionsUrl(input);
  if (!endpoint.ok || !endpoint.cleartext) return null;
  return t('errorAiCleartext', { origin: endpoint.origin });
}

export type OpenAiCompatibleConfig = {
  /** The chat-completions URL (see chatCompletionsUrl). */
  url: string;
  model: string;
  key?: string;
  /** The extension's own origin, named in the advice when a server refuses it. */
  extensionOrigin: string;
  /** Until the answer starts: a local model may have to load first. */
  answerTimeoutMs: number;
  /** Between two pieces of a streamed answer. */
  idleTimeoutMs: number;
  fetch?: typeof fetch;
};

/** The request exactly as it is sent: nothing but the model, the messages and streaming. */
export function chatCompletionsRequest(
  config: Pick<OpenAiCompatibleConfig, 'model' | 'key'>,
  messages: readonly ChatMessage[],
) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'text/event-stream' };
  if (config.key) headers.Authorization = `Bearer ${config.key}`;
  return {
    method: 'POST',
    headers,
    body: JSON.stringify({ model: config.model, messages, stream: true }),
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
  } satisfies RequestInit;
}

export function createOpenAiCompatibleProvider(config: OpenAiCompatibleConfig): AiProvider {
  const origin = new URL(config.url).origin;
  const fetchImpl = config.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  return {
    label: origin,
    async complete({ messages, signal, onText }: AiRequest): Promise<string> {
      if (signal?.aborted) throw cancelled();
      const controller = new AbortController();
      let timedOut: 'answer' | 'next words' | null = null;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const arm = (phase: 'answer' | 'next words', ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          timedOut = phase;
          controller.abort();
        }, ms);
      };
      const onCancel = () => controller.abort();
      signal?.addEventListener('abort', onCancel, { once: true });
      arm('answer', config.answerTimeoutMs);
      try {
        let response: Response;
        try {
          response = await fetchImpl(config.url, {
            ...chatCompletionsRequest(config, messages),
            signal: controller.signal,
          });
        } catch (error) {
          if (controller.signal.aborted) throw error;
          throw networkFailure(origin, config.extensionOrigin);
        }
        if (!response.ok) {
          const body = await response.text().catch(() => '');
          throw httpFailure({
            status: response.status,
            body,
            endpointOrigin: origin,
            model: config.model,
            extensionOrigin: config.extensionOrigin,
          });
        }
        arm('next words', config.idleTimeoutMs);
        const type = response.headers.get('content-type') ?? '';
        if (!response.body || type.includes('application/json')) {
          // A server that ignores `stream: true` answers with one JSON completion.
          const reading = readChunk(await response.text());
          if (reading.kind === 'error')
            throw new AiError('server', t('errorAiModelFailed', { message: reading.message }));
          if (reading.kind !== 'text' || !reading.text) {
            throw new AiError('malformed', t('errorAiNoText'));
          }
          onText(reading.text);
          return reading.text;
        }
        return await readChatStream(response.body, onText, () => arm('next words', config.idleTimeoutMs));
      } catch (error) {
        if (signal?.aborted) throw cancelled();
        if (timedOut) {
          const ms = timedOut === 'answer' ? config.answerTimeoutMs : config.idleTimeoutMs;
          throw timeoutFailure(origin, Math.round(ms / 1000), timedOut);
        }
        throw asAiError(error);
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onCancel);
      }
    },
  };
}
