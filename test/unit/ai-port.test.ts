import { describe, expect, it, vi } from 'vitest';
import { AiError } from '../../lib/ai/errors';
import { serveAiPort } from '../../lib/ai/port';
import type { AiStreamEvent } from '../../lib/messaging/protocol';

function fakePort() {
  const posted: AiStreamEvent[] = [];
  let onMessage: (message: unknown) => void = () => {};
  let onDisconnect: () => void = () => {};
  return {
    posted,
    port: {
      postMessage: (message: AiStreamEvent) => posted.push(message),
      onMessage: { addListener: (listener: (message: unknown) => void) => (onMessage = listener) },
      onDisconnect: { addListener: (listener: () => void) => (onDisconnect = listener) },
    },
    send: (message: unknown) => onMessage(message),
    disconnect: () => onDisconnect(),
  };
}
const run = { type: 'ai/run', host: 'https://kitsu.example', messages: [{ role: 'user', content: 'Hi' }] };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the AI port', () => {
  it('streams pieces then the whole text, for one valid prompt only', async () => {
    const port = fakePort();
    const ai = {
      run: vi.fn(async (_host: string, _messages: unknown, _signal: AbortSignal, onText: (delta: string) => void) => {
        onText('Hel');
        onText('lo');
        return 'Hello';
      }),
    };
    serveAiPort(port.port, ai);
    port.send(run);
    port.send(run);
    await settle();
    expect(ai.run).toHaveBeenCalledTimes(1);
    expect(ai.run.mock.calls[0]?.[0]).toBe('https://kitsu.example');
    expect(port.posted).toEqual([
      { type: 'ai/text', delta: 'Hel' },
      { type: 'ai/text', delta: 'lo' },
      { type: 'ai/done', text: 'Hello' },
    ]);
  });

  it('answers an unreadable request with an error and calls no model', async () => {
    const port = fakePort();
    const ai = { run: vi.fn() };
    serveAiPort(port.port, ai);
    port.send({ type: 'ai/run', host: 'not a url', messages: [] });
    await settle();
    expect(ai.run).not.toHaveBeenCalled();
    expect(port.posted).toEqual([
      { type: 'ai/error', problem: 'malformed', message: 'Sidekick could not read this request.' },
    ]);
  });

  it('passes the model’s refusal on in words', async () => {
    const port = fakePort();
    serveAiPort(port.port, { run: async () => Promise.reject(new AiError('host-blocked', 'AI is off here.')) });
    port.send(run);
    await settle();
    expect(port.posted).toEqual([{ type: 'ai/error', problem: 'host-blocked', message: 'AI is off here.' }]);
  });

  it('aborts the call when the page closes the port, and posts nothing after', async () => {
    const port = fakePort();
    let seen: AbortSignal | undefined;
    serveAiPort(port.port, {
      run: (_host, _messages, signal) =>
        new Promise((_resolve, reject) => {
          seen = signal;
          signal.addEventListener('abort', () => reject(new AiError('cancelled', 'Cancelled.')));
        }),
    });
    port.send(run);
    port.disconnect();
    await settle();
    expect(seen?.aborted).toBe(true);
    expect(port.posted).toEqual([]);
  });
});
