import { describe, expect, it } from 'vitest';
import { aiRunSchema, aiSettingsAnswer, allowedSenders, requestSchema } from '../../lib/messaging/protocol';

const types = requestSchema.def.options.flatMap((option) => option.shape.type.def.values) as string[];
const sendersOf = (type: string) => allowedSenders[type as keyof typeof allowedSenders];

describe('AI messages', () => {
  it('come from Sidekick’s own pages; a Kitsu page can only open the summary window', () => {
    const ai = types.filter((type) => type.startsWith('ai/') || type === 'plans/replace-comment');
    expect(ai.filter((type) => sendersOf(type).includes('content-script'))).toEqual(['ai/summarise-thread']);
    expect(sendersOf('ai/summarise-thread')).toEqual(['content-script']);
    expect(sendersOf('ai/settings/save')).toEqual(['extension-page']);
    expect(sendersOf('ai/test')).toEqual(['extension-page']);
    for (const type of ['ai/prepare-draft', 'ai/prepare-summary', 'plans/replace-comment']) {
      expect(sendersOf(type)).toEqual(['confirm-page']);
    }
  });

  it('never carry the key back out', () => {
    const view = aiSettingsAnswer.parse({
      provider: 'openai-compatible',
      endpoint: 'http://127.0.0.1:11434/v1/chat/completions',
      model: 'm',
      hasKey: true,
      key: 'sk-secret',
      enabledHosts: [],
      exclude: [],
      answerTimeoutSeconds: 90,
    });
    expect(JSON.stringify(view)).not.toContain('sk-secret');
  });

  it('refuse a replaced comment that is empty or too long', () => {
    const request = (text: string) => requestSchema.safeParse({ type: 'plans/replace-comment', planId: 'p', text });
    expect(request('  ').success).toBe(false);
    expect(request('x'.repeat(10_001)).success).toBe(false);
    expect(request('Edited').success).toBe(true);
  });

  it('refuse a model run without a Kitsu host or with too many messages', () => {
    const message = { role: 'user', content: 'Hi' };
    expect(aiRunSchema.safeParse({ type: 'ai/run', host: 'https://kitsu.example', messages: [message] }).success).toBe(
      true,
    );
    expect(aiRunSchema.safeParse({ type: 'ai/run', host: 'kitsu', messages: [message] }).success).toBe(false);
    expect(
      aiRunSchema.safeParse({ type: 'ai/run', host: 'https://kitsu.example', messages: Array(9).fill(message) })
        .success,
    ).toBe(false);
    expect(aiRunSchema.safeParse({ type: 'ai/run', host: 'https://kitsu.example', messages: [] }).success).toBe(false);
  });
});
