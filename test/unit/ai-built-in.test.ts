import { describe, expect, it, vi } from 'vitest';
import {
  type BuiltInAvailability,
  builtInModelApi,
  builtInState,
  createBuiltInProvider,
  downloadBuiltInModel,
  type LanguageModelApi,
} from '../../lib/ai/built-in';

function fakeLanguageModel(state: BuiltInAvailability, pieces: string[] = []) {
  const destroy = vi.fn();
  const prompts: string[] = [];
  const created: unknown[] = [];
  const api: LanguageModelApi = {
    availability: async () => state,
    create: async (options) => {
      created.push(options);
      options?.monitor?.({ addEventListener: (_type, listener) => listener({ loaded: 0.5 }) });
      return {
        promptStreaming: (input, { signal } = {}) => {
          prompts.push(input);
          return new ReadableStream<string>({
            async pull(controller) {
              if (signal?.aborted) return controller.error(new DOMException('aborted', 'AbortError'));
              const next = pieces.shift();
              if (next === undefined) controller.close();
              else controller.enqueue(next);
            },
          });
        },
        destroy,
      };
    },
  };
  return { api, destroy, prompts, created };
}

describe('the built-in model (Prompt API)', () => {
  it('is detected only where LanguageModel exists', async () => {
    expect(builtInModelApi({})).toBeNull();
    expect(await builtInState(null)).toBe('missing');
    const { api } = fakeLanguageModel('downloadable');
    expect(builtInModelApi({ LanguageModel: api })).toBe(api);
    expect(await builtInState(api)).toBe('downloadable');
  });

  it('streams with the system messages as the session’s initial prompts, and ends its session', async () => {
    const fake = fakeLanguageModel('available', ['Hel', 'lo']);
    const deltas: string[] = [];
    const text = await createBuiltInProvider(fake.api).complete({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Draft it.' },
      ],
      onText: (delta) => deltas.push(delta),
    });
    expect(text).toBe('Hello');
    expect(deltas).toEqual(['Hel', 'lo']);
    expect(fake.created[0]).toMatchObject({ initialPrompts: [{ role: 'system', content: 'Be brief.' }] });
    expect(fake.prompts).toEqual(['Draft it.']);
    expect(fake.destroy).toHaveBeenCalledTimes(1);
  });

  it('refuses to start a download by itself: a model not ready is “unavailable”, with what to do', async () => {
    const fake = fakeLanguageModel('downloadable');
    await expect(
      createBuiltInProvider(fake.api).complete({ messages: [{ role: 'user', content: 'x' }], onText: () => {} }),
    ).rejects.toMatchObject({ problem: 'unavailable', message: expect.stringContaining('Download the model') });
    expect(fake.created).toEqual([]);
  });

  it('downloads when asked (from a click), reporting progress', async () => {
    const fake = fakeLanguageModel('downloadable');
    const progress: number[] = [];
    await downloadBuiltInModel(fake.api, (fraction) => progress.push(fraction));
    expect(progress).toEqual([0.5]);
    expect(fake.destroy).toHaveBeenCalled();
  });

  it('reports a cancel as cancelled', async () => {
    const fake = fakeLanguageModel('available', ['a', 'b', 'c']);
    const controller = new AbortController();
    await expect(
      createBuiltInProvider(fake.api).complete({
        messages: [{ role: 'user', content: 'x' }],
        signal: controller.signal,
        onText: () => controller.abort(),
      }),
    ).rejects.toMatchObject({ problem: 'cancelled' });
    expect(fake.destroy).toHaveBeenCalled();
  });
});
