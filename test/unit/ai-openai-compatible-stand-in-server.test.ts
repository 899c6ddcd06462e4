// @vitest-environment node
// The OpenAI-compatible client against a small HTTP server that STANDS IN for a real model server
// (Ollama, llama.cpp, vLLM): real sockets on 127.0.0.1, the exact request checked, streamed and
// error answers scripted by the test.
import { createStore } from 'idb-keyval';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AI_DATA_COLLECTION } from '../../lib/ai/data-collection';
import { settingsFromForm } from '../../lib/ai/draft';
import { createOpenAiCompatibleProvider, type OpenAiCompatibleConfig } from '../../lib/ai/openai-compatible';
import { type AiPermissions, type BrowserFacts, endpointPattern } from '../../lib/ai/permissions';
import { createAiService } from '../../lib/ai/service';
import { DEFAULT_AI_SETTINGS } from '../../lib/ai/settings';
import { createAiStore } from '../../lib/ai/store';
import type { ChatMessage } from '../../lib/ai/types';
import { matchPatternFor } from '../../lib/connections/origins';
import { DEFAULT_DRAFT, startStandInModelServer } from '../ai/stand-in-model-server.mjs';

const EXTENSION = 'chrome-extension://sidekickid';
const messages: ChatMessage[] = [
  { role: 'system', content: 'You draft comments.' },
  { role: 'user', content: 'Current comment:\nPlease update — merci' },
];

let server: Awaited<ReturnType<typeof startStandInModelServer>>;
beforeAll(async () => {
  server = await startStandInModelServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

function provider(overrides: Partial<OpenAiCompatibleConfig> = {}) {
  return createOpenAiCompatibleProvider({
    url: `${server.base}/chat/completions`,
    model: 'llama3.2',
    extensionOrigin: EXTENSION,
    answerTimeoutMs: 5_000,
    idleTimeoutMs: 5_000,
    ...overrides,
  });
}

async function draft(config: Partial<OpenAiCompatibleConfig> = {}, signal?: AbortSignal) {
  const deltas: string[] = [];
  const text = await provider(config).complete({ messages, signal, onText: (delta) => deltas.push(delta) });
  return { text, deltas };
}

describe('OpenAI-compatible client against a stand-in model server on 127.0.0.1', () => {
  it('sends exactly the model, the messages and stream: true, with no Authorization header without a key', async () => {
    const { text, deltas } = await draft();
    expect(text).toBe(DEFAULT_DRAFT.join(''));
    expect(deltas).toEqual(DEFAULT_DRAFT);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/chat/completions');
    expect(request?.body).toEqual({ model: 'llama3.2', messages, stream: true });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.accept).toBe('text/event-stream');
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers.cookie).toBeUndefined();
  });

  it('sends the key as a Bearer header when one is set', async () => {
    await draft({ key: 'sk-local-123' });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-local-123');
  });

  it('streams an answer the network cuts every 3 bytes, piece by piece as it arrives', async () => {
    server.script({ kind: 'stream', pieces: ['Rendu prêt — ', 'merci 🎬'], splitEvery: 3, delayMs: 1 });
    const { text, deltas } = await draft();
    expect(text).toBe('Rendu prêt — merci 🎬');
    expect(deltas).toEqual(['Rendu prêt — ', 'merci 🎬']);
  });

  it('takes a whole JSON completion from a server that does not stream', async () => {
    server.script({
      kind: 'raw',
      contentType: 'application/json',
      body: JSON.stringify({ choices: [{ message: { role: 'assistant', content: 'Whole answer' } }] }),
    });
    expect((await draft()).text).toBe('Whole answer');
  });

  it('maps a 500 to the server’s own words, a 401 to the key, a 404 about the model to an unavailable model', async () => {
    server.script(
      { kind: 'status', status: 500, body: '{"error":{"message":"CUDA out of memory"}}' },
      { kind: 'status', status: 401, body: '{"error":"unauthorized"}' },
      { kind: 'status', status: 404, body: '{"error":"model \\"llama3.2\\" not found, try pulling it first"}' },
    );
    await expect(draft()).rejects.toMatchObject({
      problem: 'server',
      message: `${server.origin} failed (500). It said: “CUDA out of memory”.`,
    });
    await expect(draft()).rejects.toMatchObject({ problem: 'unauthorized' });
    await expect(draft()).rejects.toMatchObject({ problem: 'unavailable' });
  });

  it('refuses a malformed stream', async () => {
    server.script(
      { kind: 'raw', contentType: 'text/event-stream', body: 'data: <html>Bad gateway</html>\n\n' },
      { kind: 'raw', contentType: 'text/event-stream', body: ': only a comment\n\n' },
    );
    await expect(draft()).rejects.toMatchObject({ problem: 'malformed' });
    await expect(draft()).rejects.toMatchObject({ problem: 'malformed' });
  });

  it('gives up when no answer comes in time', async () => {
    server.script({ kind: 'silence' });
    await expect(draft({ answerTimeoutMs: 300 })).rejects.toMatchObject({
      problem: 'timeout',
      message: expect.stringMatching(/did not answer within 0 s/),
    });
  });

  it('gives up when a stream stalls, after passing on what came', async () => {
    // The first event (about 170 bytes) and the start of the next, then a pause longer than the limit.
    server.script({ kind: 'stream', pieces: ['First words. ', 'never'], splitEvery: 200, delayMs: 1_500 });
    const deltas: string[] = [];
    await expect(
      provider({ idleTimeoutMs: 400 }).complete({ messages, onText: (delta) => deltas.push(delta) }),
    ).rejects.toMatchObject({ problem: 'timeout', message: expect.stringMatching(/stopped writing/) });
    expect(deltas).toEqual(['First words. ']);
  });

  it('cancels mid-stream when the person cancels', async () => {
    server.script({ kind: 'stream', pieces: ['One. ', 'Two. ', 'Three.'], splitEvery: 120, delayMs: 300 });
    const controller = new AbortController();
    const deltas: string[] = [];
    const running = provider().complete({
      messages,
      signal: controller.signal,
      onText: (delta) => {
        deltas.push(delta);
        controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ problem: 'cancelled' });
    expect(deltas).toEqual(['One. ']);
  });

  it('says how to allow the extension’s origin when the server refuses it, like Ollama does (403)', async () => {
    const strict = await startStandInModelServer({ allowedOrigins: ['http://localhost'] });
    try {
      const withOrigin: typeof fetch = (input, init) =>
        fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: EXTENSION } });
      const refused = createOpenAiCompatibleProvider({
        url: `${strict.base}/chat/completions`,
        model: 'llama3.2',
        extensionOrigin: EXTENSION,
        answerTimeoutMs: 5_000,
        idleTimeoutMs: 5_000,
        fetch: withOrigin,
      });
      await expect(refused.complete({ messages, onText: () => {} })).rejects.toMatchObject({
        problem: 'origin-refused',
        message: expect.stringContaining(`OLLAMA_ORIGINS=${EXTENSION},moz-extension://*`),
      });
    } finally {
      await strict.close();
    }
  });

  it('says the server is unreachable (or refused the origin) when nothing listens', async () => {
    const gone = await startStandInModelServer();
    await gone.close();
    await expect(
      createOpenAiCompatibleProvider({
        url: `${gone.base}/chat/completions`,
        model: 'm',
        extensionOrigin: EXTENSION,
        answerTimeoutMs: 5_000,
        idleTimeoutMs: 5_000,
      }).complete({ messages, onText: () => {} }),
    ).rejects.toMatchObject({ problem: 'unreachable', message: expect.stringContaining('OLLAMA_ORIGINS=') });
  });
});

describe('the background’s AI service with the stand-in model server', () => {
  let stores = 0;
  async function service(
    overrides: Partial<Parameters<typeof settingsFromForm>[1]> = {},
    granted: AiPermissions = { origins: [endpointPattern(server.origin, { portsInPatterns: true })] },
    facts: BrowserFacts = { portsInPatterns: true, dataCollectionConsent: false },
  ) {
    stores += 1;
    const store = createAiStore(createStore(`ai-service-${stores}`, 'settings'));
    await store.write(
      settingsFromForm(DEFAULT_AI_SETTINGS, {
        provider: 'openai-compatible',
        endpoint: server.base,
        model: 'llama3.2',
        enabledHosts: ['https://kitsu.allowed.example'],
        exclude: [],
        answerTimeoutSeconds: 30,
        ...overrides,
      }),
    );
    return createAiService({
      store,
      extensionOrigin: EXTENSION,
      // The browser's `contains`: every origin and data category asked for must have been granted.
      permissions: {
        contains: async (asked) =>
          asked.origins.every((origin) => granted.origins.includes(origin)) &&
          (asked.data_collection ?? []).every((category) => granted.data_collection?.includes(category)),
        remove: async () => true,
      },
      facts,
    });
  }
  const signal = () => new AbortController().signal;

  it('streams for a host AI is switched on for', async () => {
    const ai = await service();
    expect(await ai.run('https://kitsu.allowed.example', messages, signal(), () => {})).toBe(DEFAULT_DRAFT.join(''));
    expect(server.requests).toHaveLength(1);
  });

  it('sends nothing for a host AI is off for, when AI is off, or without the endpoint’s permission', async () => {
    await expect(
      (await service()).run('https://kitsu.forbidden.example', messages, signal(), () => {}),
    ).rejects.toMatchObject({ problem: 'host-blocked' });
    await expect(
      (await service({ provider: 'off' })).run('https://kitsu.allowed.example', messages, signal(), () => {}),
    ).rejects.toMatchObject({ problem: 'off' });
    await expect(
      (await service({}, { origins: [] })).run('https://kitsu.allowed.example', messages, signal(), () => {}),
    ).rejects.toMatchObject({ problem: 'permission' });
    // Another port of the same host is another origin.
    const otherPort = `http://127.0.0.1:${Number(new URL(server.origin).port) + 1}`;
    await expect(
      (await service({}, { origins: [endpointPattern(otherPort, { portsInPatterns: true })] })).run(
        'https://kitsu.allowed.example',
        messages,
        signal(),
        () => {},
      ),
    ).rejects.toMatchObject({ problem: 'permission' });
    // Firefox: the host alone is not enough without the person's consent to the data sent.
    const firefox = { portsInPatterns: false, dataCollectionConsent: true };
    await expect(
      (await service({}, { origins: [matchPatternFor(server.origin)] }, firefox)).run(
        'https://kitsu.allowed.example',
        messages,
        signal(),
        () => {},
      ),
    ).rejects.toMatchObject({ problem: 'permission', message: expect.stringContaining('the data it receives') });
    expect(server.requests).toHaveLength(0);
    const consented = { origins: [matchPatternFor(server.origin)], data_collection: [...AI_DATA_COLLECTION] };
    expect(
      await (await service({}, consented, firefox)).run('https://kitsu.allowed.example', messages, signal(), () => {}),
    ).toBe(DEFAULT_DRAFT.join(''));
  });

  it('tests the endpoint with a one-word prompt that carries no Kitsu data', async () => {
    server.script({ kind: 'stream', pieces: ['ready'] });
    const answer = await (await service({ key: 'sk-1' })).test();
    expect(answer).toMatchObject({ reply: 'ready', model: 'llama3.2' });
    expect(server.requests[0]?.body).toEqual({
      model: 'llama3.2',
      messages: [
        { role: 'system', content: 'Answer with one word.' },
        { role: 'user', content: 'Say: ready' },
      ],
      stream: true,
    });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-1');
  });
});
