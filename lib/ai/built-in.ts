// Chrome's built-in model (the Prompt API, `LanguageModel`), available to extension pages in
// Chrome 138+ on capable machines. Sidekick only feature-detects it; the model download (gigabytes)
// starts only from a person's click on an extension page.
import { t } from '../i18n/pure';
import { AiError, cancelled } from './errors';
import type { AiProvider, AiRequest } from './types';

export type BuiltInAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

type Monitor = { addEventListener(type: 'downloadprogress', listener: (event: { loaded: number }) => void): void };
type Session = {
  promptStreaming(input: string, options?: { signal?: AbortSignal }): ReadableStream<string>;
  destroy(): void;
};
export type LanguageModelApi = {
  availability(): Promise<BuiltInAvailability>;
  create(options?: {
    initialPrompts?: { role: 'system' | 'user' | 'assistant'; content: string }[];
    signal?: AbortSignal;
    monitor?: (monitor: Monitor) => void;
  }): Promise<Session>;
};

/** The Prompt API where this browser has it, else null (Firefox, older Chrome, the background of some). */
export function builtInModelApi(scope: object = globalThis): LanguageModelApi | null {
  const api = (scope as { LanguageModel?: unknown }).LanguageModel;
  return api && typeof (api as LanguageModelApi).availability === 'function' ? (api as LanguageModelApi) : null;
}

export const BUILT_IN_STATES: Record<BuiltInAvailability | 'missing', string> = {
  missing: t('aiBuiltInMissing'),
  unavailable: t('aiBuiltInUnavailable'),
  downloadable: t('aiBuiltInDownloadable'),
  downloading: t('aiBuiltInDownloading'),
  available: t('aiBuiltInAvailable'),
};

export async function builtInState(api: LanguageModelApi | null): Promise<BuiltInAvailability | 'missing'> {
  if (!api) return 'missing';
  try {
    return await api.availability();
  } catch {
    return 'unavailable';
  }
}

/** Starts (or joins) the download. Call it from a click handler: Chrome wants a user activation. */
export async function downloadBuiltInModel(api: LanguageModelApi, onProgress: (fraction: number) => void) {
  const session = await api.create({
    monitor: (monitor) => monitor.addEventListener('downloadprogress', (event) => onProgress(event.loaded)),
  });
  session.destroy();
}

export function createBuiltInProvider(api: LanguageModelApi): AiProvider {
  return {
    label: 'The built-in model',
    async complete({ messages, signal, onText }: AiRequest): Promise<string> {
      const state = await builtInState(api);
      if (state !== 'available') throw new AiError('unavailable', BUILT_IN_STATES[state]);
      const system = messages.filter((message) => message.role === 'system');
      const prompt = messages
        .filter((message) => message.role !== 'system')
        .map((message) => message.content)
        .join('\n\n');
      let session: Session | undefined;
      let text = '';
      try {
        session = await api.create({ initialPrompts: system, signal });
        const reader = session.promptStreaming(prompt, { signal }).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          text += value;
          onText(value);
        }
        return text;
      } catch (error) {
        if (signal?.aborted) throw cancelled();
        throw new AiError(
          'unavailable',
          t('errorAiBuiltInFailed', { message: error instanceof Error ? error.message : t('errorAiUnknownError') }),
        );
      } finally {
        session?.destroy();
      }
    },
  };
}
