import { describe, expect, it } from 'vitest';
import { httpFailure, networkFailure, ollamaOriginsHint, serverMessage, timeoutFailure } from '../../lib/ai/errors';

const base = { endpointOrigin: 'http://127.0.0.1:11434', model: 'llama3.2', extensionOrigin: 'chrome-extension://abc' };

describe('AI error messages', () => {
  it('a 401 says the key was refused', () => {
    const error = httpFailure({ ...base, status: 401, body: '{"error":{"message":"invalid api key"}}' });
    expect(error.problem).toBe('unauthorized');
    expect(error.message).toBe(
      "http://127.0.0.1:11434 refused the key (401). It said: “invalid api key”. Check the key in Sidekick's AI settings, or remove it if the server needs none.",
    );
  });

  it('a 403 (how Ollama refuses an origin it does not allow) says how to set OLLAMA_ORIGINS', () => {
    const error = httpFailure({ ...base, status: 403, body: '' });
    expect(error.problem).toBe('origin-refused');
    expect(error.message).toContain('OLLAMA_ORIGINS=chrome-extension://abc,moz-extension://*');
  });

  it('a 404 about the model says the model is unavailable; any other 404 says the route is wrong', () => {
    const model = httpFailure({
      ...base,
      status: 404,
      body: '{"error":"model \\"llama3.2\\" not found, try pulling it first"}',
    });
    expect(model.problem).toBe('unavailable');
    expect(model.message).toContain('The model “llama3.2” is not available on http://127.0.0.1:11434');
    const route = httpFailure({ ...base, status: 404, body: '404 page not found' });
    expect(route.problem).toBe('not-found');
    expect(route.message).toContain('/v1');
  });

  it('5xx quotes the server, clipped; 429 and 503 say it is busy', () => {
    const error = httpFailure({ ...base, status: 500, body: `{"error":"${'x'.repeat(500)}"}` });
    expect(error.problem).toBe('server');
    expect(error.message.length).toBeLessThan(300);
    expect(httpFailure({ ...base, status: 503, body: '' }).problem).toBe('busy');
    expect(httpFailure({ ...base, status: 429, body: '' }).problem).toBe('busy');
  });

  it('a network failure names both causes and the fix for Ollama', () => {
    const error = networkFailure('http://127.0.0.1:11434', 'chrome-extension://abc');
    expect(error.problem).toBe('unreachable');
    expect(error.message).toMatch(/not running there, or it refused the extension's origin \(CORS\)/);
    expect(error.message).toContain('OLLAMA_ORIGINS=');
  });

  it('names Firefox’s own origin when running there', () => {
    expect(ollamaOriginsHint('moz-extension://1234-uuid/')).toContain(
      'OLLAMA_ORIGINS=chrome-extension://*,moz-extension://1234-uuid',
    );
  });

  it('timeouts say which wait ran out', () => {
    expect(timeoutFailure('http://x', 90, 'answer').message).toMatch(/did not answer within 90 s/);
    expect(timeoutFailure('http://x', 30, 'next words').message).toMatch(/stopped writing for 30 s/);
  });

  it('reads the server’s words from OpenAI-style, Ollama-style and plain bodies', () => {
    expect(serverMessage('{"error":{"message":"bad"}}')).toBe('bad');
    expect(serverMessage('{"error":"worse"}')).toBe('worse');
    expect(serverMessage('  plain\n text ')).toBe('plain text');
  });
});
