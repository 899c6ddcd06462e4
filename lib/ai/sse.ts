// Server-sent events as chat-completions servers send them: `data:` lines, events separated by a
// blank line, `:` comments, and `[DONE]` at the end. Network reads split the text anywhere — inside
// a line, between "\r" and "\n", inside a multi-byte character — so the decoder keeps what it has
// not finished reading.

import { z } from 'zod';
import { t } from '../i18n/pure';
import { AiError } from './errors';

/** Feeds text in any pieces; returns each complete event's data (its data lines joined by "\n"). */
export function createSseDecoder() {
  let buffer = '';
  let data: string[] = [];
  let sawCarriageReturn = false;

  function line(text: string, events: string[]) {
    if (text === '') {
      if (data.length > 0) events.push(data.join('\n'));
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    if (field !== 'data') return;
    const value = colon === -1 ? '' : text.slice(colon + 1);
    data.push(value.startsWith(' ') ? value.slice(1) : value);
  }

  return {
    push(chunk: string): string[] {
      const events: string[] = [];
      let text = chunk;
      // A "\r\n" split across two reads: the "\n" ends nothing new.
      if (sawCarriageReturn && text.startsWith('\n')) text = text.slice(1);
      sawCarriageReturn = text.endsWith('\r');
      buffer += text;
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop() ?? '';
      for (const each of lines) line(each, events);
      return events;
    },
    /** The stream ended: an event not followed by a blank line still counts. */
    end(): string[] {
      const events: string[] = [];
      if (buffer !== '') line(buffer, events);
      buffer = '';
      line('', events);
      return events;
    },
  };
}

const ChunkSchema = z.object({
  choices: z
    .array(
      z.object({
        delta: z.object({ content: z.string().nullish() }).nullish(),
        message: z.object({ content: z.string().nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .optional(),
  error: z.unknown().optional(),
});

export type ChunkReading = { kind: 'text'; text: string } | { kind: 'done' } | { kind: 'error'; message: string };

/** One event's data: a piece of text, the end, or an error the server reported mid-stream. */
export function readChunk(data: string): ChunkReading {
  if (data.trim() === '[DONE]') return { kind: 'done' };
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw new AiError('malformed', t('errorAiNotAStream'));
  }
  const parsed = ChunkSchema.safeParse(json);
  if (!parsed.success) throw new AiError('malformed', t('errorAiChunkWithoutChoices'));
  if (parsed.data.error !== undefined) {
    const error = parsed.data.error;
    const message =
      typeof error === 'string'
        ? error
        : error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string'
          ? (error as { message: string }).message
          : 'unknown error';
    return { kind: 'error', message };
  }
  const choice = parsed.data.choices?.[0];
  return { kind: 'text', text: choice?.delta?.content ?? choice?.message?.content ?? '' };
}

/**
 * Reads a streamed chat completion to its end, calling `onText` with each piece. Ends at `[DONE]`
 * or at the end of the body; a body that carried no chunk at all is refused as malformed.
 */
export async function readChatStream(
  body: ReadableStream<Uint8Array>,
  onText: (delta: string) => void,
  onActivity: () => void = () => {},
): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const sse = createSseDecoder();
  let text = '';
  let chunks = 0;
  let drained = false;
  const handle = (events: string[]): boolean => {
    for (const data of events) {
      const reading = readChunk(data);
      if (reading.kind === 'done') return true;
      if (reading.kind === 'error')
        throw new AiError('server', t('errorAiStoppedWithError', { message: reading.message }));
      chunks += 1;
      if (reading.text) {
        text += reading.text;
        onText(reading.text);
      }
    }
    return false;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        drained = true;
        break;
      }
      onActivity();
      if (handle(sse.push(decoder.decode(value, { stream: true })))) return text;
    }
    handle(sse.push(decoder.decode()));
    handle(sse.end());
  } finally {
    // Stopped early ([DONE], an error): close the connection instead of leaving it open.
    if (!drained) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
  if (chunks === 0) throw new AiError('malformed', t('errorAiStreamEmpty'));
  return text;
}
