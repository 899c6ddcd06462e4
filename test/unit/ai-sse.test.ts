import { describe, expect, it } from 'vitest';
import { AiError } from '../../lib/ai/errors';
import { createSseDecoder, readChatStream, readChunk } from '../../lib/ai/sse';

const chunk = (content: string) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;

/** A body delivering these byte pieces, one read each. */
function body(pieces: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
}
const bytesOf = (text: string) => new TextEncoder().encode(text);
function split(bytes: Uint8Array, every: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += every) pieces.push(bytes.slice(start, start + every));
  return pieces;
}

describe('the SSE decoder', () => {
  it('joins data lines, skips comments and other fields, and dispatches on blank lines', () => {
    const sse = createSseDecoder();
    expect(sse.push(': keep-alive\nevent: message\nid: 1\ndata: one\ndata:two\n\ndata: three\n')).toEqual(['one\ntwo']);
    expect(sse.push('\n')).toEqual(['three']);
  });

  it('keeps a line split across reads, and a CRLF split between "\\r" and "\\n"', () => {
    const sse = createSseDecoder();
    expect(sse.push('da')).toEqual([]);
    expect(sse.push('ta: hel')).toEqual([]);
    expect(sse.push('lo\r')).toEqual([]);
    expect(sse.push('\n\r\n')).toEqual(['hello']);
    expect(sse.push('data: next\r\n')).toEqual([]);
    expect(sse.push('\r\n')).toEqual(['next']);
  });

  it('counts an event the stream ended without a blank line after', () => {
    const sse = createSseDecoder();
    expect(sse.push('data: [DONE]')).toEqual([]);
    expect(sse.end()).toEqual(['[DONE]']);
  });
});

describe('chat-completion chunks', () => {
  it('reads a delta, the end, and an error reported mid-stream', () => {
    expect(readChunk(JSON.stringify({ choices: [{ delta: { content: 'Hi' } }], extra: 1 }))).toEqual({
      kind: 'text',
      text: 'Hi',
    });
    expect(readChunk(JSON.stringify({ choices: [{ delta: { role: 'assistant' } }] }))).toEqual({
      kind: 'text',
      text: '',
    });
    expect(readChunk(' [DONE] ')).toEqual({ kind: 'done' });
    expect(readChunk(JSON.stringify({ error: { message: 'out of memory' } }))).toEqual({
      kind: 'error',
      message: 'out of memory',
    });
  });

  it('refuses what is not a chat-completions chunk', () => {
    expect(() => readChunk('{"choices": [')).toThrow(AiError);
    expect(() => readChunk(JSON.stringify({ choices: 'nope' }))).toThrow(/without choices/);
  });
});

describe('reading a streamed answer', () => {
  const stream = `${chunk('Bonjour — ')}${chunk('l’équipe ')}${chunk('🎬!')}data: [DONE]\n\n`;

  it('gives the same text whatever the pieces the network cut, even inside a multi-byte character', async () => {
    for (const every of [1, 2, 3, 5, 7, 64, 10_000]) {
      const deltas: string[] = [];
      const text = await readChatStream(body(split(bytesOf(stream), every)), (delta) => deltas.push(delta));
      expect(text).toBe('Bonjour — l’équipe 🎬!');
      expect(deltas).toEqual(['Bonjour — ', 'l’équipe ', '🎬!']);
    }
  });

  it('stops at [DONE] and ignores what follows', async () => {
    const text = await readChatStream(body([bytesOf(`${chunk('a')}data: [DONE]\n\n${chunk('ignored')}`)]), () => {});
    expect(text).toBe('a');
  });

  it('accepts a stream that ends without [DONE] when it carried chunks', async () => {
    expect(await readChatStream(body([bytesOf(chunk('x') + chunk('y').trimEnd())]), () => {})).toBe('xy');
  });

  it('refuses an empty stream, a garbled one, and reports an error chunk', async () => {
    await expect(readChatStream(body([bytesOf(': nothing\n\n')]), () => {})).rejects.toMatchObject({
      problem: 'malformed',
    });
    await expect(readChatStream(body([bytesOf('data: <html>oops\n\n')]), () => {})).rejects.toMatchObject({
      problem: 'malformed',
    });
    await expect(
      readChatStream(body([bytesOf(`${chunk('a')}data: {"error":"model crashed"}\n\n`)]), () => {}),
    ).rejects.toThrow('The model stopped with an error: model crashed');
  });
});
