// The extension pages' side of a model call: through the background's port for an endpoint (the key
// stays there), or right here for the browser's built-in model (it exists in extension pages).

import { browser } from 'wxt/browser';
import { t } from '../i18n/pure';
import { AI_PORT_NAME, type AiRun, aiStreamEventSchema } from '../messaging/protocol';
import type { AiProviderKind } from '../messaging/protocol/ai';
import { builtInModelApi, createBuiltInProvider } from './built-in';
import { AiError, cancelled } from './errors';
import type { ChatMessage } from './types';

export type RunningAnswer = { done: Promise<string>; cancel: () => void };

export function askModel(
  provider: AiProviderKind,
  run: { host: string; messages: ChatMessage[] },
  onText: (delta: string) => void,
): RunningAnswer {
  if (provider === 'built-in') {
    const controller = new AbortController();
    const api = builtInModelApi();
    const done = api
      ? createBuiltInProvider(api).complete({ messages: run.messages, signal: controller.signal, onText })
      : Promise.reject(new AiError('unavailable', t('errorAiNoBuiltIn')));
    return { done, cancel: () => controller.abort() };
  }
  const port = browser.runtime.connect({ name: AI_PORT_NAME });
  let settle: { resolve: (text: string) => void; reject: (error: AiError) => void } | undefined;
  const done = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (outcome: { text: string } | { error: AiError }) => {
    const current = settle;
    settle = undefined;
    port.disconnect();
    if (!current) return;
    if ('text' in outcome) current.resolve(outcome.text);
    else current.reject(outcome.error);
  };
  port.onMessage.addListener((raw: unknown) => {
    const event = aiStreamEventSchema.safeParse(raw);
    if (!event.success) return finish({ error: new AiError('malformed', t('errorAiBackgroundUnreadable')) });
    if (event.data.type === 'ai/text') onText(event.data.delta);
    else if (event.data.type === 'ai/done') finish({ text: event.data.text });
    else finish({ error: new AiError(event.data.problem, event.data.message) });
  });
  port.onDisconnect.addListener(() => finish({ error: new AiError('server', t('errorAiBackgroundStopped')) }));
  port.postMessage({ type: 'ai/run', ...run } satisfies AiRun);
  return { done, cancel: () => finish({ error: cancelled() }) };
}
