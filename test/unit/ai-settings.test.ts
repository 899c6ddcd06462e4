import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { type AiSettingsForm, commentDraftInput, endpointOriginOf, settingsFromForm } from '../../lib/ai/draft';
import { chatCompletionsUrl, endpointCleartextWarning } from '../../lib/ai/openai-compatible';
import { aiSettingsView, assertAiAllowed, DEFAULT_AI_SETTINGS } from '../../lib/ai/settings';
import { createAiStore } from '../../lib/ai/store';
import type { PlanPreview } from '../../lib/messaging/protocol';
import { op, plan } from '../../lib/plans/testing/fixtures';

const form: AiSettingsForm = {
  provider: 'openai-compatible',
  endpoint: 'http://127.0.0.1:11434/v1/',
  model: 'llama3.2',
  key: 'sk-secret',
  enabledHosts: ['https://kitsu.b.example', 'https://kitsu.a.example', 'https://kitsu.a.example'],
  exclude: ['names', 'emails'],
  answerTimeoutSeconds: 60,
};

describe('AI settings', () => {
  it('are off by default, on no host, with people’s names and e-mail addresses excluded', () => {
    expect(DEFAULT_AI_SETTINGS).toEqual({
      provider: 'off',
      endpoint: '',
      model: '',
      enabledHosts: [],
      exclude: ['names', 'emails'],
      answerTimeoutSeconds: 90,
    });
    expect(() => assertAiAllowed(DEFAULT_AI_SETTINGS, 'https://kitsu.a.example')).toThrow(/AI assistance is off:/);
  });

  it('allow AI only on the hosts switched on', () => {
    const settings = settingsFromForm(DEFAULT_AI_SETTINGS, form);
    expect(() => assertAiAllowed(settings, 'https://kitsu.a.example')).not.toThrow();
    expect(() => assertAiAllowed(settings, 'https://kitsu.forbidden.example')).toThrow(
      'AI assistance is off for https://kitsu.forbidden.example',
    );
  });

  it('normalise the endpoint, keep the key unless replaced or forgotten, and never show it', () => {
    const saved = settingsFromForm(DEFAULT_AI_SETTINGS, form);
    expect(saved).toMatchObject({
      endpoint: 'http://127.0.0.1:11434/v1/chat/completions',
      key: 'sk-secret',
      enabledHosts: ['https://kitsu.a.example', 'https://kitsu.b.example'],
    });
    expect(settingsFromForm(saved, { ...form, key: undefined }).key).toBe('sk-secret');
    expect(settingsFromForm(saved, { ...form, key: 'sk-new' }).key).toBe('sk-new');
    expect(settingsFromForm(saved, { ...form, forgetKey: true }).key).toBeUndefined();
    const view = aiSettingsView(saved);
    expect(view.hasKey).toBe(true);
    expect(JSON.stringify(view)).not.toContain('sk-secret');
    expect(endpointOriginOf(saved)).toBe('http://127.0.0.1:11434');
    expect(endpointOriginOf({ ...saved, provider: 'built-in' })).toBeNull();
  });

  it('refuse an endpoint they cannot use, and a missing model', () => {
    expect(() => settingsFromForm(DEFAULT_AI_SETTINGS, { ...form, endpoint: 'ftp://x' })).toThrow('http or https');
    expect(() => settingsFromForm(DEFAULT_AI_SETTINGS, { ...form, endpoint: 'http://u:p@x' })).toThrow('key field');
    expect(() => settingsFromForm(DEFAULT_AI_SETTINGS, { ...form, model: '' })).toThrow('Name the model');
  });

  it('are kept in the extension’s IndexedDB, and a damaged record reads as the defaults', async () => {
    const idb = createStore('ai-settings-test', 'settings');
    const store = createAiStore(idb);
    expect(await store.read()).toEqual(DEFAULT_AI_SETTINGS);
    await store.write(settingsFromForm(DEFAULT_AI_SETTINGS, form));
    expect((await store.read()).key).toBe('sk-secret');
    await set('settings', { provider: 'telepathy' }, idb);
    expect(await store.read()).toEqual(DEFAULT_AI_SETTINGS);
  });
});

describe('the chat-completions URL', () => {
  it.each([
    ['127.0.0.1:11434', 'http://127.0.0.1:11434/v1/chat/completions'],
    ['http://127.0.0.1:11434/', 'http://127.0.0.1:11434/v1/chat/completions'],
    ['http://localhost:8080/v1', 'http://localhost:8080/v1/chat/completions'],
    [
      'https://llm.studio.example/openai/v1/chat/completions?x=1',
      'https://llm.studio.example/openai/v1/chat/completions',
    ],
  ])('%s → %s', (input, url) => {
    expect(chatCompletionsUrl(input)).toMatchObject({ ok: true, url });
  });

  it.each([
    ['llm.studio.example/v1', 'https://llm.studio.example/v1/chat/completions'],
    ['10.0.0.5:8000', 'https://10.0.0.5:8000/v1/chat/completions'],
    ['localhost:11434', 'http://localhost:11434/v1/chat/completions'],
    ['ollama.localhost:11434', 'http://ollama.localhost:11434/v1/chat/completions'],
    ['127.0.0.2:8080/v1', 'http://127.0.0.2:8080/v1/chat/completions'],
    ['[::1]:11434', 'http://[::1]:11434/v1/chat/completions'],
  ])('without a scheme, %s uses https unless it is loopback → %s', (input, url) => {
    expect(chatCompletionsUrl(input)).toMatchObject({ ok: true, url, cleartext: false });
  });

  it('keeps a typed http:// to another host, flagged as travelling in clear, with a warning to show', () => {
    expect(chatCompletionsUrl('http://llm.studio.example/v1')).toMatchObject({
      ok: true,
      url: 'http://llm.studio.example/v1/chat/completions',
      cleartext: true,
    });
    expect(endpointCleartextWarning('http://llm.studio.example/v1')).toMatch(
      /^http:\/\/llm\.studio\.example uses plain http: the prompts .* travel in clear/,
    );
    for (const safe of ['https://llm.studio.example', 'http://127.0.0.1:11434', 'llm.studio.example', 'ftp://x']) {
      expect(endpointCleartextWarning(safe)).toBeNull();
    }
  });

  it('refuses an empty address', () => {
    expect(chatCompletionsUrl('  ')).toMatchObject({ ok: false });
  });
});

describe('a draft’s input from a pending plan', () => {
  const pending = plan([
    op.comment('c1', 't1', 'Please update the layout'),
    op.comment('c2', 't2', 'Please update the layout'),
    op.estimate('e1', 't2', null, 60),
  ]);
  const preview = {
    notifiedPeople: [{ name: 'Ana Lima', operations: 2 }],
    tasks: [
      { taskId: 't1', lines: [{ field: 'comment', text: 'Comment: Please update the layout' }] },
      {
        taskId: 't2',
        lines: [
          { field: 'comment', text: 'Comment: Please update the layout' },
          { field: 'estimate', text: 'Estimate: none → 1 h' },
        ],
      },
    ],
  } as unknown as PlanPreview;

  it('takes the commented tasks, the current text, the other changes and who is notified', () => {
    expect(commentDraftInput(pending, preview, { kind: 'reminder', production: 'Fox Tales' })).toEqual({
      kind: 'reminder',
      taskLabels: [pending.operations[0]?.taskLabel, pending.operations[1]?.taskLabel],
      currentText: 'Please update the layout',
      changes: ['Estimate: none → 1 h'],
      recipients: ['Ana Lima'],
      production: 'Fox Tales',
    });
  });

  it('refuses a plan without comments', () => {
    expect(() => commentDraftInput(plan([op.estimate('e', 't', null, 5)]), preview, { kind: 'comment' })).toThrow(
      'nothing to draft',
    );
  });
});
