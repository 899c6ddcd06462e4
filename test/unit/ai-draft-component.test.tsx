// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AiDraft } from '../../components/AiDraft';
import type { AiSettingsAnswer, PlanPreview } from '../../lib/messaging/protocol';

const HOST = 'https://kitsu.studio.example';
const preview = {
  planId: 'plan-1',
  title: 'Comment on 1 task',
  host: HOST,
  origin: { kind: 'rule', id: 'overdue' },
  state: 'pending',
  tasks: [{ taskId: 't1', taskLabel: 'SH010 / Layout', lines: [{ field: 'comment', text: 'Comment: Late' }] }],
} as unknown as PlanPreview;
const settings: AiSettingsAnswer = {
  provider: 'openai-compatible',
  endpoint: 'http://127.0.0.1:11434/v1/chat/completions',
  model: 'llama3.2',
  hasKey: false,
  enabledHosts: [HOST],
  exclude: ['emails'],
  answerTimeoutSeconds: 90,
};

let asked: { type: string; kind?: string; exclude?: string[] }[] = [];
let current: AiSettingsAnswer = settings;
vi.mock('../../lib/messaging/client', async (original) => ({
  ...(await original<typeof import('../../lib/messaging/client')>()),
  ask: async (message: { type: string }) => {
    asked.push(message);
    if (message.type === 'ai/settings/get') return current;
    if (message.type === 'ai/prepare-draft') {
      return {
        host: HOST,
        kind: 'reminder',
        provider: current.provider,
        destination: 'http://127.0.0.1:11434',
        messages: [
          { role: 'system', content: 'You draft comments.' },
          { role: 'user', content: 'Current comment:\nLate <b>bold</b>' },
        ],
        characters: 52,
        excluded: ['e-mail addresses'],
        leftOut: [],
        restorations: {},
        currentText: 'Late',
      };
    }
    throw new Error(`unexpected ${message.type}`);
  },
}));
const answerWith = (settingsNow: AiSettingsAnswer) => {
  current = settingsNow;
};

beforeEach(() => {
  fakeBrowser.reset();
  asked = [];
});

describe('Draft with AI in the confirm window', () => {
  it('shows nothing and asks nothing more than the settings when AI is off', async () => {
    answerWith({ ...settings, provider: 'off' });
    const { container } = render(<AiDraft planId="plan-1" preview={preview} onOpenChange={() => {}} />);
    await waitFor(() => expect(asked.map((message) => message.type)).toEqual(['ai/settings/get']));
    // Let the answer render: with AI on, the same wait shows the button (next test).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.innerHTML).toBe('');
  });

  it('says AI is off for a Kitsu not switched on', async () => {
    answerWith({ ...settings, enabledHosts: ['https://other.example'] });
    render(<AiDraft planId="plan-1" preview={preview} onOpenChange={() => {}} />);
    expect(await screen.findByTestId('ai-draft-off')).toHaveProperty(
      'textContent',
      `AI assistance is off for ${HOST}.`,
    );
  });

  it('opens on the plan’s kind of comment, shows what will be sent as text, and calls no model before a click', async () => {
    answerWith(settings);
    const connect = vi.spyOn(fakeBrowser.runtime, 'connect');
    const onOpenChange = vi.fn();
    render(<AiDraft planId="plan-1" preview={preview} onOpenChange={onOpenChange} />);
    fireEvent.click(await screen.findByTestId('ai-draft-open'));
    expect(onOpenChange).toHaveBeenLastCalledWith(true);
    const prompt = await screen.findByTestId('ai-draft-prompt');
    expect(prompt.textContent).toBe('[system]\nYou draft comments.\n\n[user]\nCurrent comment:\nLate <b>bold</b>');
    expect(prompt.querySelector('b')).toBeNull();
    expect(screen.getByTestId('ai-draft-size').textContent).toBe(
      '52 characters in 2 messages, to http://127.0.0.1:11434.',
    );
    expect(asked.find((message) => message.type === 'ai/prepare-draft')).toMatchObject({
      kind: 'reminder',
      exclude: ['emails'],
    });
    expect(connect).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('ai-draft-discard'));
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
  });
});
