// Front door: one origin on 127.0.0.1 that stands in for Kitsu's nginx.
//
//   /api/...        -> Zou API, with the /api prefix stripped (like `proxy_pass http://zou/;`)
//   /socket.io/...  -> Zou event stream, path kept, HTTP long-polling and WebSocket upgrade
//   /__front-door/dev-login -> server-side admin login (test convenience), relays Zou's cookies
//   /__front-door/api-requests -> how many /api requests came with a Bearer token (Sidekick's
//                     background) and how many without (the page's own, by cookie): tests count
//                     what reached "Kitsu" without trusting the extension's own counters
//   anything else   -> static SPA from ./public, falling back to index.html (like `try_files`)
//
// Kitsu served under a sub-path (https://host/kitsu/): with a base path, all of the above moves under it
// (`/kitsu/api/...`, `/kitsu/socket.io/...`, `/kitsu/__front-door/...`, `/kitsu/productions/...`), the
// SPA learns its base from index.html, and anything outside the base path is 404.
//
// Node built-ins only. Run: `node scripts/front-door/server.mjs`
// Env: FRONT_DOOR_PORT (8080), ZOU_API_URL (http://127.0.0.1:5000), ZOU_EVENTS_URL (http://127.0.0.1:5001),
//      FRONT_DOOR_STACK_FILE (default <repo>/.kitsu-stack/stack.json, read by dev-login),
//      FRONT_DOOR_BASE_PATH (default none, e.g. /kitsu)

import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serveStatic } from './static.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');

export const DEFAULTS = Object.freeze({
  host: '127.0.0.1',
  port: 8080,
  apiUrl: 'http://127.0.0.1:5000',
  eventsUrl: 'http://127.0.0.1:5001',
  publicDir: path.join(HERE, 'public'),
  stackFile: path.join(REPO_ROOT, '.kitsu-stack', 'stack.json'),
  basePath: '',
});

// Headers that describe one hop only; Node sets its own for the next hop.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'upgrade',
]);

// Zou only sets its JWT cookies when the User-Agent parses as one of a fixed list of browsers
// (zou is_from_browser); "HeadlessChrome", curl and Node are not on it, so dev-login always presents this one.
const BROWSER_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

// One upstream connection per request, as nginx proxies by default: Node 20's global agent keeps sockets
// alive, and reusing one that gunicorn closes after its 2 s keep-alive fails with ECONNRESET (a false 502).
function upstreamTarget(baseUrl, upstreamPath) {
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/$/, '');
  return { hostname: base.hostname, port: Number(base.port) || 80, path: basePath + upstreamPath, agent: false };
}

/** `/api/data/x?y` -> `/data/x?y`; `/api` and `/api?x` -> `/` and `/?x`. */
export function stripApiPrefix(url) {
  const rest = url.slice('/api'.length);
  if (rest === '' || rest.startsWith('?')) return `/${rest}`;
  return rest;
}

function isApiPath(url) {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

function isSocketIoPath(url) {
  return url === '/socket.io' || url.startsWith('/socket.io/') || url.startsWith('/socket.io?');
}

function forwardedHeaders(req) {
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!HOP_BY_HOP.has(name)) headers[name] = value;
  }
  const clientIp = req.socket.remoteAddress ?? '';
  headers['x-real-ip'] = clientIp;
  headers['x-forwarded-for'] = req.headers['x-forwarded-for']
    ? `${req.headers['x-forwarded-for']}, ${clientIp}`
    : clientIp;
  headers['x-forwarded-host'] = req.headers.host ?? '';
  headers['x-forwarded-proto'] = 'http';
  return headers;
}

function sendError(res, status, message) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error: true, message });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Streams the request to the upstream and the answer back, untouched apart from hop-by-hop headers. */
function proxyHttp(req, res, baseUrl, upstreamPath, label) {
  const target = upstreamTarget(baseUrl, upstreamPath);
  const upstreamReq = http.request({
    ...target,
    method: req.method,
    headers: forwardedHeaders(req),
  });
  upstreamReq.on('response', (upstreamRes) => {
    const headers = {};
    for (const [name, value] of Object.entries(upstreamRes.headers)) {
      if (!HOP_BY_HOP.has(name)) headers[name] = value;
    }
    res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, headers);
    upstreamRes.pipe(res);
    upstreamRes.on('error', () => res.destroy());
  });
  upstreamReq.on('error', (error) => sendError(res, 502, `${label} unreachable: ${error.code ?? error.message}`));
  // A browser that goes away (e.g. a cancelled long-poll) must not leave the upstream request hanging.
  res.on('close', () => {
    if (!res.writableFinished) upstreamReq.destroy();
  });
  req.pipe(upstreamReq);
}

/** WebSocket upgrade: replay the request head to the upstream, then splice the two raw sockets. */
function proxyUpgrade(req, clientSocket, head, baseUrl, upstreamPath, openSockets) {
  const target = upstreamTarget(baseUrl, upstreamPath);
  const upstreamSocket = net.connect(target.port, target.hostname);
  openSockets.add(clientSocket).add(upstreamSocket);
  let connected = false;
  const closeBoth = () => {
    clientSocket.destroy();
    upstreamSocket.destroy();
    openSockets.delete(clientSocket);
    openSockets.delete(upstreamSocket);
  };
  upstreamSocket.on('connect', () => {
    connected = true;
    const lines = [`${req.method} ${target.path} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    lines.push(
      `X-Real-IP: ${clientSocket.remoteAddress ?? ''}`,
      `X-Forwarded-For: ${clientSocket.remoteAddress ?? ''}`,
    );
    upstreamSocket.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head?.length) upstreamSocket.write(head);
    upstreamSocket.pipe(clientSocket);
    clientSocket.pipe(upstreamSocket);
  });
  upstreamSocket.on('error', () => {
    if (!connected && clientSocket.writable) {
      clientSocket.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      openSockets.delete(clientSocket);
      upstreamSocket.destroy();
      openSockets.delete(upstreamSocket);
      return;
    }
    closeBoth();
  });
  clientSocket.on('error', closeBoth);
  upstreamSocket.on('close', () => {
    if (connected) closeBoth();
  });
  clientSocket.on('close', closeBoth);
}

/** '/kitsu/' or 'kitsu' -> '/kitsu'; '' or '/' -> '' (served at the root). Throws on anything else. */
export function normaliseBasePath(value) {
  const trimmed = String(value ?? '').replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '';
  if (!/^[\w.-]+(\/[\w.-]+)*$/.test(trimmed) || trimmed.split('/').some((part) => /^\.+$/.test(part)))
    throw new Error(`Not a base path: ${value}`);
  return `/${trimmed}`;
}

/** Only same-origin paths, so `?next=` cannot be used as an open redirect. */
export function safeNextPath(next) {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  return next;
}

/** Logs in as the stack's admin on the server side and relays Zou's Set-Cookie, then redirects. */
async function devLogin(req, res, options, basePath) {
  const next = basePath + safeNextPath(new URL(req.url, 'http://front-door').searchParams.get('next'));
  let admin;
  try {
    // Read at request time: the stack may be (re)created after the front door started.
    admin = JSON.parse(fs.readFileSync(options.stackFile, 'utf8')).admin;
    if (!admin?.email || !admin?.password) throw new Error('no admin.email / admin.password');
  } catch (error) {
    // Never echo error.message of JSON.parse: V8 quotes the input, which holds the password.
    const reason = error instanceof SyntaxError ? 'not valid JSON (being rewritten?)' : (error.code ?? error.message);
    sendError(res, 500, `dev-login: cannot read admin credentials from ${options.stackFile}: ${reason}`);
    return;
  }
  const body = JSON.stringify({ email: admin.email, password: admin.password });
  const target = upstreamTarget(options.apiUrl, '/auth/login');
  const loginReq = http.request({
    ...target,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'user-agent': BROWSER_USER_AGENT,
      host: req.headers.host ?? target.hostname,
    },
  });
  loginReq.on('response', (loginRes) => {
    loginRes.resume(); // the JSON holds tokens: never relayed to the page
    loginRes.on('end', () => {
      if (loginRes.statusCode !== 200) {
        sendError(res, 502, `dev-login: Zou answered ${loginRes.statusCode} to /auth/login`);
        return;
      }
      const cookies = loginRes.headers['set-cookie'] ?? [];
      if (cookies.length === 0) {
        sendError(res, 502, 'dev-login: Zou set no cookie (User-Agent not seen as a browser?)');
        return;
      }
      res.writeHead(302, { location: next, 'set-cookie': cookies, 'cache-control': 'no-store', 'content-length': 0 });
      res.end();
    });
  });
  loginReq.on('error', (error) =>
    sendError(res, 502, `dev-login: Zou API unreachable: ${error.code ?? error.message}`),
  );
  loginReq.end(body);
}

/**
 * The request's path inside the base path, or null when it lies outside it.
 * `/kitsu/api/x` -> `/api/x`; `/kitsu?a` -> `/?a`; `/other` -> null. Without a base path, the path itself.
 */
export function pathInsideBase(url, basePath) {
  if (!basePath) return url;
  if (url === basePath || url.startsWith(`${basePath}?`)) return `/${url.slice(basePath.length)}`;
  return url.startsWith(`${basePath}/`) ? url.slice(basePath.length) : null;
}

/** Creates the front door server (not listening yet). */
export function createFrontDoor(overrides = {}) {
  const options = { ...DEFAULTS, ...overrides };
  options.publicDir = path.resolve(options.publicDir);
  const basePath = normaliseBasePath(options.basePath);
  // `latestBearer`: the last few Bearer requests, so a test that expected none can say which came.
  const apiRequests = { bearer: 0, other: 0, latestBearer: [] };
  const server = http.createServer((req, res) => {
    const url = pathInsideBase(req.url ?? '/', basePath);
    if (url === null) sendError(res, 404, `outside ${basePath}/, where this Kitsu is served`);
    else if (isApiPath(url)) {
      if (/^Bearer /i.test(req.headers.authorization ?? '')) {
        apiRequests.bearer += 1;
        apiRequests.latestBearer = [
          ...apiRequests.latestBearer.slice(-9),
          `${new Date().toISOString()} ${req.method} ${url}`,
        ];
      } else apiRequests.other += 1;
      proxyHttp(req, res, options.apiUrl, stripApiPrefix(url), 'Zou API');
    } else if (url === '/__front-door/api-requests') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(apiRequests));
    } else if (isSocketIoPath(url)) proxyHttp(req, res, options.eventsUrl, url, 'Zou event stream');
    else if (url === '/__front-door/dev-login' || url.startsWith('/__front-door/dev-login?')) {
      devLogin(req, res, options, basePath);
    } else serveStatic(req, res, options.publicDir, url, basePath);
  });
  // Upgraded sockets leave the HTTP server's bookkeeping, so they are tracked here for close().
  const openSockets = new Set();
  server.on('upgrade', (req, socket, head) => {
    const url = pathInsideBase(req.url ?? '/', basePath);
    if (url !== null && isSocketIoPath(url)) proxyUpgrade(req, socket, head, options.eventsUrl, url, openSockets);
    else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  /** Stops listening and drops every open connection (keep-alive, long-polls, websockets). */
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
      for (const socket of openSockets) socket.destroy();
      openSockets.clear();
    });
  // Long-polling and big uploads: no server-side request timeout (nginx in kitsu-docker allows 1 GB bodies).
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  return { server, options, close };
}

/** Starts listening; resolves with the bound port (pass port 0 for a random one). */
export function startFrontDoor(overrides = {}) {
  const { server, options, close } = createFrontDoor(overrides);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve({ server, port: server.address().port, options, close });
    });
  });
}

function optionsFromEnv(env) {
  const port =
    env.FRONT_DOOR_PORT === undefined || env.FRONT_DOOR_PORT === '' ? DEFAULTS.port : Number(env.FRONT_DOOR_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`FRONT_DOOR_PORT is not a port: ${env.FRONT_DOOR_PORT}`);
  return {
    port,
    apiUrl: env.ZOU_API_URL || DEFAULTS.apiUrl,
    eventsUrl: env.ZOU_EVENTS_URL || DEFAULTS.eventsUrl,
    // Override for running beside a stack other than the repo's own (tests, a private zou).
    stackFile: env.FRONT_DOOR_STACK_FILE ? path.resolve(env.FRONT_DOOR_STACK_FILE) : DEFAULTS.stackFile,
    basePath: normaliseBasePath(env.FRONT_DOOR_BASE_PATH),
  };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const { port, options, close } = await startFrontDoor(optionsFromEnv(process.env));
  const served = `http://127.0.0.1:${port}${normaliseBasePath(options.basePath)}/`;
  console.log(`front door on ${served} (api ${options.apiUrl}, events ${options.eventsUrl})`);
  const shutDown = () => close().then(() => process.exit(0));
  process.on('SIGTERM', shutDown);
  process.on('SIGINT', shutDown);
}
