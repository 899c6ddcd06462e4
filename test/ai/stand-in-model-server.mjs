// STANDS IN for a real model server (Ollama, llama.cpp's server, vLLM): a small OpenAI-compatible
// chat-completions server on 127.0.0.1, run by the tests. It records every request exactly as it
// arrived, counts them, and answers with what the test scripted: a stream cut into awkward pieces,
// an HTTP error, a malformed stream, a silence. Like Ollama, it can refuse origins it does not allow.
import http from 'node:http';

export const DEFAULT_DRAFT = ['Hi team — ', 'a gentle reminder: ', 'the layout is due ', 'this week. Thanks!'];

function chunkEvent(content) {
  return `data: ${JSON.stringify({
    id: 'chatcmpl-stand-in',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'stand-in',
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
  })}\n\n`;
}

/** The SSE text of a streamed answer made of these pieces, ending with [DONE]. */
export function streamText(pieces) {
  return `${pieces.map(chunkEvent).join('')}data: [DONE]\n\n`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Answers, in order, the scripted replies given to `script()` (then `stream` of DEFAULT_DRAFT):
 * - { kind: 'stream', pieces, splitEvery?, delayMs? }: the SSE bytes written `splitEvery` bytes at a time
 * - { kind: 'status', status, body }: an HTTP error with that body
 * - { kind: 'raw', contentType, body }: any body (malformed streams, a JSON completion)
 * - { kind: 'silence' }: headers never come
 * `allowedOrigins`: like OLLAMA_ORIGINS, a request whose Origin is not listed gets a 403.
 */
export async function startStandInModelServer({ allowedOrigins = null } = {}) {
  const requests = [];
  const scripted = [];
  const sockets = new Set();
  const server = http.createServer(async (request, response) => {
    let raw = '';
    for await (const piece of request) raw += piece;
    let body = null;
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw;
    }
    requests.push({ method: request.method, url: request.url, headers: { ...request.headers }, body });
    const origin = request.headers.origin;
    if (allowedOrigins && origin && !allowedOrigins.some((allowed) => matches(allowed, origin))) {
      response.writeHead(403).end();
      return;
    }
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found');
      return;
    }
    const reply = scripted.shift() ?? { kind: 'stream', pieces: DEFAULT_DRAFT };
    if (reply.kind === 'silence') return;
    if (reply.kind === 'status') {
      response.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body ?? '');
      return;
    }
    if (reply.kind === 'raw') {
      response.writeHead(200, { 'content-type': reply.contentType }).end(reply.body);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const bytes = Buffer.from(streamText(reply.pieces));
    const step = reply.splitEvery ?? bytes.length;
    for (let start = 0; start < bytes.length && !response.destroyed; start += step) {
      response.write(bytes.subarray(start, start + step));
      if (reply.delayMs) await sleep(reply.delayMs);
    }
    response.end();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    /** The OpenAI-compatible base a person would type. */
    base: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...replies) => scripted.push(...replies),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function matches(allowed, origin) {
  return allowed.endsWith('*') ? origin.startsWith(allowed.slice(0, -1)) : allowed === origin;
}
