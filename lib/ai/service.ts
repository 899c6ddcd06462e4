// The background's side of AI: the settings (with the key), the per-host switch, the endpoint's
// permission, and the calls. Prompts come built (lib/ai/prompts.ts) and were shown to the person.
import { t } from '../i18n/pure';
import { AiError } from './errors';
import { chatCompletionsUrl, createOpenAiCompatibleProvider } from './openai-compatible';
import { assertAiPermitted, type BrowserFacts, type PermissionsPort } from './permissions';
import { type AiSettings, assertAiAllowed, IDLE_TIMEOUT_MS } from './settings';
import type { AiStore } from './store';
import type { AiProvider, ChatMessage } from './types';

export type AiServiceOptions = {
  store: AiStore;
  extensionOrigin: string;
  /** What the browser granted: the endpoint's origin, and in Firefox the data it receives (asked from a click in the settings). */
  permissions: PermissionsPort;
  facts: BrowserFacts;
  fetch?: typeof fetch;
};

const TEST_MESSAGES: ChatMessage[] = [
  { role: 'system', content: 'Answer with one word.' },
  { role: 'user', content: 'Say: ready' },
];

export function createAiService(options: AiServiceOptions) {
  async function endpointProvider(settings: AiSettings): Promise<AiProvider> {
    if (settings.provider === 'off') {
      throw new AiError('off', t('errorAiOff'));
    }
    if (settings.provider === 'built-in') {
      throw new AiError('unavailable', t('errorAiBuiltInInPagesOnly'));
    }
    const endpoint = chatCompletionsUrl(settings.endpoint);
    if (!endpoint.ok || !settings.model) {
      throw new AiError('unavailable', t('errorAiServerNotSet'));
    }
    await assertAiPermitted(settings, options.permissions, options.facts, t('errorAiAdviceSaveSettings'));
    return createOpenAiCompatibleProvider({
      url: endpoint.url,
      model: settings.model,
      key: settings.key,
      extensionOrigin: options.extensionOrigin,
      answerTimeoutMs: settings.answerTimeoutSeconds * 1000,
      idleTimeoutMs: IDLE_TIMEOUT_MS,
      fetch: options.fetch,
    });
  }

  return {
    /** Streams an answer for a page of `host`, if the settings allow AI there. */
    async run(host: string, messages: readonly ChatMessage[], signal: AbortSignal, onText: (delta: string) => void) {
      const settings = await options.store.read();
      assertAiAllowed(settings, host);
      return (await endpointProvider(settings)).complete({ messages, signal, onText });
    },

    /** The settings page's test: a one-word prompt, no Kitsu data. */
    async test(signal?: AbortSignal): Promise<{ reply: string; milliseconds: number; model: string }> {
      const settings = await options.store.read();
      const provider = await endpointProvider(settings);
      const started = Date.now();
      const reply = await provider.complete({ messages: TEST_MESSAGES, signal, onText: () => {} });
      return { reply: reply.trim().slice(0, 200), milliseconds: Date.now() - started, model: settings.model };
    },
  };
}
export type AiService = ReturnType<typeof createAiService>;
