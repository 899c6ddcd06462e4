// Tests of scripts/front-door/server.mjs against in-process fake upstreams (no Zou needed).
// Run: node --test test/front-door/

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { safeNextPath, startFrontDoor, stripApiPrefix } from '../../scripts/front-door/server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PUBLIC_DIR = path.resolve(HERE, '../../scripts/front-door/public');
const ADMIN = { email: 'admin@example.test', password: 'not-a-real-secret' };
const FAKE_COOKIES = [
  'access_token_cookie=fake-access; HttpOnly; Path=/; SameSite=Lax',
  'refresh_token_cookie=fake-refresh; HttpOnly; Path=/auth/refresh-token',
];

/** Everything the fake upstreams received, newest last. */
const received = { api: [], events: [], upgrades: [], apiConnections: 0 };
let apiServer;
let eventsServer;
let frontDoor;
let base;
let stackDir;

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

function readBody(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** A request to the front door (another one at `origin`); resolves with status, headers and body (Buffer). */
function request(urlPath, { method = 'GET', headers = {}, body, origin = base } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${origin}${urlPath}`, { method, headers }, async (res) => {
      resolve({ status: res.statusCode, headers: res.headers, body: await readBody(res) });
    });
    req.on('error', reject);
    req.end(body);
  });
}

before(async () => {
  apiServer = http.createServer(async (req, res) => {
    const body = await readBody(req);
    received.api.push({ method: req.method, url: req.url, headers: req.headers, body });
    if (req.url === '/auth/login' && req.method === 'POST') {
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': FAKE_COOKIES });
      res.end(JSON.stringify({ login: true, access_token: 'fake-access', refresh_token: 'fake-refresh' }));
      return;
    }
    res.writeHead(201, { 'content-type': 'application/json', 'x-upstream': 'api', 'set-cookie': ['a=1', 'b=2'] });
    res.end(JSON.stringify({ method: req.method, url: req.url, length: body.length }));
  });
  apiServer.on('connection', () => {
    received.apiConnections += 1;
  });
  eventsServer = http.createServer((req, res) => {
    received.events.push({ method: req.method, url: req.url });
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('0{"sid":"fake"}');
  });
  eventsServer.on('upgrade', (req, socket, head) => {
    received.upgrades.push({ url: req.url, headers: req.headers });
    socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
    if (head.length) socket.write(head);
    socket.pipe(socket); // echo every byte back
  });
  const apiPort = await listen(apiServer);
  const eventsPort = await listen(eventsServer);
  stackDir = fs.mkdtempSync(path.join(os.tmpdir(), 'front-door-test-'));
  fs.writeFileSync(path.join(stackDir, 'stack.json'), JSON.stringify({ admin: ADMIN }));
  frontDoor = await startFrontDoor({
    port: 0,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    eventsUrl: `http://127.0.0.1:${eventsPort}`,
    stackFile: path.join(stackDir, 'stack.json'),
  });
  base = `http://127.0.0.1:${frontDoor.port}`;
});

after(async () => {
  await frontDoor?.close();
  apiServer?.closeAllConnections();
  eventsServer?.closeAllConnections();
  await Promise.all([apiServer, eventsServer].map((server) => new Promise((resolve) => server?.close(resolve))));
  fs.rmSync(stackDir, { recursive: true, force: true });
});

test('stripApiPrefix maps /api paths to Zou paths', () => {
  assert.equal(stripApiPrefix('/api/data/tasks?x=1'), '/data/tasks?x=1');
  assert.equal(stripApiPrefix('/api'), '/');
  assert.equal(stripApiPrefix('/api?x=1'), '/?x=1');
  assert.equal(stripApiPrefix('/api/'), '/');
});

test('/api strips the prefix and passes method, query, headers and cookies; relays the answer', async () => {
  const res = await request('/api/data/projects/open?name=a%20b', {
    headers: { 'x-test': 'yes', cookie: 'access_token_cookie=abc', 'user-agent': 'Mozilla/5.0 test' },
  });
  assert.equal(res.status, 201);
  assert.equal(res.headers['x-upstream'], 'api');
  assert.deepEqual(res.headers['set-cookie'], ['a=1', 'b=2']);
  const seen = received.api.at(-1);
  assert.equal(seen.method, 'GET');
  assert.equal(seen.url, '/data/projects/open?name=a%20b');
  assert.equal(seen.headers['x-test'], 'yes');
  assert.equal(seen.headers.cookie, 'access_token_cookie=abc');
  assert.equal(seen.headers['user-agent'], 'Mozilla/5.0 test');
  assert.match(seen.headers.host, /^127\.0\.0\.1:\d+$/);
  assert.equal(seen.headers['x-forwarded-for'], '127.0.0.1');
});

test("counts /api requests with a Bearer token apart from the page's own", async () => {
  const count = async () => JSON.parse((await request('/__front-door/api-requests')).body);
  const before = await count();
  await request('/api/data/tasks', { headers: { authorization: 'Bearer abc' } });
  await request('/api/data/tasks', { headers: { authorization: 'bearer abc' } });
  await request('/api/data/tasks', { headers: { cookie: 'access_token_cookie=abc' } });
  await request('/productions/x/shots');
  const after = await count();
  assert.deepEqual(
    { bearer: after.bearer - before.bearer, other: after.other - before.other },
    { bearer: 2, other: 1 },
  );
});

test('each /api request opens its own upstream connection, as nginx does', async () => {
  // A kept-alive socket that gunicorn closes (2 s keep-alive) fails the next request with ECONNRESET.
  const before = received.apiConnections;
  for (let i = 0; i < 3; i++) assert.equal((await request('/api/data/tasks')).status, 201);
  assert.equal(received.apiConnections - before, 3);
});

test('/api streams large request bodies unchanged, for every method', async () => {
  const bigBody = crypto.randomBytes(5 * 1024 * 1024);
  for (const method of ['POST', 'PUT', 'DELETE']) {
    const res = await request('/api/actions/tasks/t1/comment', {
      method,
      headers: { 'content-type': 'application/octet-stream', 'content-length': bigBody.length },
      body: bigBody,
    });
    assert.equal(res.status, 201);
    const seen = received.api.at(-1);
    assert.equal(seen.method, method);
    assert.equal(seen.url, '/actions/tasks/t1/comment');
    assert.equal(seen.body.length, bigBody.length);
    assert.ok(seen.body.equals(bigBody), `${method} body differs`);
  }
});

test('/api answers 502 when Zou is down', async () => {
  const down = await startFrontDoor({ port: 0, apiUrl: 'http://127.0.0.1:1', eventsUrl: 'http://127.0.0.1:1' });
  try {
    const res = await request('/api/data/tasks', { origin: `http://127.0.0.1:${down.port}` });
    assert.equal(res.status, 502);
    assert.match(JSON.parse(res.body).message, /Zou API unreachable/);
  } finally {
    await down.close();
  }
});

test('/socket.io keeps its path (HTTP long-polling)', async () => {
  const res = await request('/socket.io/?EIO=4&transport=polling&t=abc');
  assert.equal(res.status, 200);
  assert.equal(res.body.toString(), '0{"sid":"fake"}');
  assert.equal(received.events.at(-1).url, '/socket.io/?EIO=4&transport=polling&t=abc');
  assert.equal(
    received.api.some((r) => r.url.includes('socket.io')),
    false,
  );
});

test('/socket.io WebSocket upgrade is piped both ways', async () => {
  const socket = net.connect(frontDoor.port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(
    [
      'GET /socket.io/?EIO=4&transport=websocket HTTP/1.1',
      `Host: 127.0.0.1:${frontDoor.port}`,
      'Connection: Upgrade',
      'Upgrade: websocket',
      'Sec-WebSocket-Version: 13',
      `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}`,
      'Cookie: access_token_cookie=abc',
      '',
      '',
    ].join('\r\n'),
  );
  let buffered = '';
  const waitFor = (text) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${JSON.stringify(text)}; got ${JSON.stringify(buffered)}`)),
        3000,
      );
      const check = () => {
        if (!buffered.includes(text)) return;
        clearTimeout(timer);
        socket.off('data', onData);
        resolve();
      };
      const onData = (chunk) => {
        buffered += chunk.toString('latin1');
        check();
      };
      socket.on('data', onData);
      check();
    });
  await waitFor('\r\n\r\n');
  assert.match(buffered, /^HTTP\/1\.1 101 /);
  socket.write('ping-bytes-\u00ff', 'latin1');
  await waitFor('ping-bytes-\u00ff');
  socket.destroy();
  const seen = received.upgrades.at(-1);
  assert.equal(seen.url, '/socket.io/?EIO=4&transport=websocket');
  assert.equal(seen.headers.upgrade, 'websocket');
  assert.equal(seen.headers.cookie, 'access_token_cookie=abc');
});

test('SPA history fallback serves index.html for app routes', async () => {
  for (const route of [
    '/productions/x/shots',
    '/productions/x/episodes/all/shots/tasks/y',
    '/my-tasks?section=done',
    '/login',
  ]) {
    const res = await request(route);
    assert.equal(res.status, 200, route);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8', route);
    assert.match(res.body.toString(), /<div id="app"><\/div>/, route);
  }
});

test('static files are served with the right content types', async () => {
  const expected = {
    '/': 'text/html; charset=utf-8',
    '/index.html': 'text/html; charset=utf-8',
    '/app.js': 'text/javascript; charset=utf-8',
    '/pages/entity-lists.js': 'text/javascript; charset=utf-8',
    '/style.css': 'text/css; charset=utf-8',
  };
  for (const [file, type] of Object.entries(expected)) {
    const res = await request(file);
    assert.equal(res.status, 200, file);
    assert.equal(res.headers['content-type'], type, file);
  }
  const appJs = await request('/app.js');
  assert.ok(appJs.body.equals(fs.readFileSync(path.join(PUBLIC_DIR, 'app.js'))));
  const head = await request('/style.css', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
});

test('static serving never leaves the public folder and refuses writes', async () => {
  for (const outside of ['/../server.mjs', '/..%2fserver.mjs', '/%2e%2e/%2e%2e/package.json']) {
    const res = await request(outside);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8', outside);
    assert.doesNotMatch(res.body.toString(), /createFrontDoor|"devDependencies"/, outside);
  }
  const post = await request('/productions/x/shots', { method: 'POST', body: 'x' });
  assert.equal(post.status, 405);
});

test('dev-login logs in server-side, relays Set-Cookie and redirects to ?next=', async () => {
  const res = await request('/__front-door/dev-login?next=%2Fmy-tasks%3Fsection%3Ddone', {
    headers: { 'user-agent': 'curl/8' },
  });
  assert.equal(res.status, 302);
  assert.equal(res.headers.location, '/my-tasks?section=done');
  assert.deepEqual(res.headers['set-cookie'], FAKE_COOKIES);
  assert.equal(res.body.length, 0, 'tokens of the login JSON must not reach the page');
  const login = received.api.at(-1);
  assert.equal(login.method, 'POST');
  assert.equal(login.url, '/auth/login');
  assert.deepEqual(JSON.parse(login.body), ADMIN);
  // Zou sets cookies only for browser User-Agents, so dev-login always presents one.
  assert.match(login.headers['user-agent'], /Chrome\//);
  assert.doesNotMatch(login.headers['user-agent'], /Headless|curl/);
});

test('dev-login refuses open redirects and reports a missing stack file', async () => {
  const offsite = await request('/__front-door/dev-login?next=//evil.example/x');
  assert.equal(offsite.headers.location, '/');
  assert.equal(safeNextPath('/\\evil.example'), '/');
  assert.equal(safeNextPath('https://evil.example'), '/');
  assert.equal(safeNextPath('/productions/p/shots?search=a'), '/productions/p/shots?search=a');

  const noStack = await startFrontDoor({
    port: 0,
    apiUrl: 'http://127.0.0.1:1',
    stackFile: path.join(stackDir, 'missing.json'),
  });
  try {
    const res = await request('/__front-door/dev-login', { origin: `http://127.0.0.1:${noStack.port}` });
    assert.equal(res.status, 500);
    assert.match(JSON.parse(res.body).message, /cannot read admin credentials/);
  } finally {
    await noStack.close();
  }
});

test('dev-login never echoes the stack file content when it is not valid JSON', async () => {
  const brokenFile = path.join(stackDir, 'broken.json');
  fs.writeFileSync(brokenFile, '{"admin": {"email": "a@b.test", "password": "half-written-secret"');
  const broken = await startFrontDoor({ port: 0, apiUrl: 'http://127.0.0.1:1', stackFile: brokenFile });
  try {
    const res = await request('/__front-door/dev-login', { origin: `http://127.0.0.1:${broken.port}` });
    assert.equal(res.status, 500);
    assert.doesNotMatch(res.body.toString(), /half-written-secret/);
  } finally {
    await broken.close();
  }
});
