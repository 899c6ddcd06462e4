// Fault proxy: a small HTTP proxy on 127.0.0.1 that stands between the browser and a Kitsu origin (the
// front door) and damages the API traffic on purpose, at a rate and with a seeded PRNG, so that the same
// seed replays the same faults. Pages, the event stream (/socket.io, WebSocket upgrades included) and the
// admin routes pass through untouched unless told otherwise.
//
//   node scripts/fault-proxy/server.mjs --upstream http://127.0.0.1:8080 [--port 0] [--seed 1] [--rate 0.1]
//   prints one JSON line: {"url": "http://127.0.0.1:<port>"}
//
// Admin endpoint (on the proxy itself):
//   GET  /__fault-proxy/config   the current configuration
//   POST /__fault-proxy/config   changes it: any subset of the fields of DEFAULT_CONFIG; `seed` restarts the PRNG
//   GET  /__fault-proxy/stats    requests seen and faults injected, per kind and per method
//   POST /__fault-proxy/stats    resets the counters
//   GET  /__fault-proxy/log      the last requests it could damage: time, method, path, fault or null (reset with the stats)
//
// Faults, chosen per request among `kinds` (weights) when the PRNG draws under `rate`:
//   drop          the connection is cut before the request reaches upstream
//   drop-after    upstream handles the request (a write lands), then the connection is cut in the middle of the
//                 answer (after its headers): the answer is lost
//   reset-after   upstream handles the request, then the connection is cut before any byte of the answer. On a
//                 reused keep-alive connection Chromium then sends the request again by itself, POSTs included,
//                 and the write lands twice without the page or extension ever seeing an error; on a fresh
//                 connection the client sees the connection reset. Sidekick's read-back at the end of each job
//                 finds the second copy of a comment and deletes it (lib/plans/read-back-report.ts).
//   500/502/503   answered by the proxy, upstream never sees the request
//   429           answered by the proxy with Retry-After: 1
//   malformed     200 with a body that is not JSON, upstream never sees the request
//   slow          forwarded after `slowMs` (on top of the latency every request gets)
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { relayUpgrade } from '../lib/upgrade-relay.mjs';

export const FAULT_KINDS = ['drop', 'drop-after', 'reset-after', '500', '502', '503', '429', 'malformed', 'slow'];

export const DEFAULT_CONFIG = Object.freeze({
  /** Share of the matching requests that get a fault, 0..1. */
  rate: 0,
  /** Relative weight of each fault kind. */
  kinds: Object.freeze({
    drop: 1,
    'drop-after': 1,
    'reset-after': 1,
    500: 1,
    502: 1,
    503: 1,
    429: 1,
    malformed: 1,
    slow: 0,
  }),
  /** Added to every matching request, uniformly between the two values (ms). */
  latencyMs: Object.freeze([0, 0]),
  slowMs: 3000,
  /** Only requests whose path starts with one of these are damaged. */
  paths: Object.freeze(['/api/']),
  /** Only these methods are damaged (empty: all). */
  methods: Object.freeze([]),
  seed: 1,
});

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Checks and merges a configuration change; throws a readable error for a wrong field. */
export function mergeConfig(current, change) {
  const next = { ...current, ...change };
  if (typeof next.rate !== 'number' || next.rate < 0 || next.rate > 1) throw new Error('rate is a number in 0..1');
  next.kinds = { ...current.kinds, ...(change.kinds ?? {}) };
  for (const [kind, weight] of Object.entries(next.kinds)) {
    if (!FAULT_KINDS.includes(kind)) throw new Error(`unknown fault kind "${kind}" (known: ${FAULT_KINDS.join(', ')})`);
    if (typeof weight !== 'number' || weight < 0) throw new Error(`weight of ${kind} is a number >= 0`);
  }
  if (!Array.isArray(next.latencyMs) || next.latencyMs.length !== 2) throw new Error('latencyMs is [min, max]');
  if (!Array.isArray(next.paths) || !Array.isArray(next.methods)) throw new Error('paths and methods are arrays');
  if (!Number.isInteger(next.seed)) throw new Error('seed is an integer');
  return next;
}

/** Which fault (or null) the next matching request gets. */
export function drawFault(config, random) {
  if (config.rate <= 0 || random() >= config.rate) return null;
  const weighted = Object.entries(config.kinds).filter(([, weight]) => weight > 0);
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  if (total === 0) return null;
  let pick = random() * total;
  for (const [kind, weight] of weighted) {
    pick -= weight;
    if (pick < 0) return kind;
  }
  return weighted.at(-1)[0];
}

const LOG_SIZE = 20_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function createFaultProxy({ upstream, config: initial = {} }) {
  const target = new URL(upstream);
  let config = mergeConfig(DEFAULT_CONFIG, initial);
  let random = seededRandom(config.seed);
  const emptyStats = () => ({ requests: 0, damaged: 0, faults: {}, byMethod: {} });
  let stats = emptyStats();
  /** The matching requests, newest last, at most LOG_SIZE: what a failed test prints to tell what happened. */
  let log = [];
  const sockets = new Set();

  const matches = (req) =>
    config.paths.some((prefix) => (req.url ?? '').startsWith(prefix)) &&
    (config.methods.length === 0 || config.methods.includes(req.method));

  /** `lose`: 'body' cuts the answer after its headers, 'all' before its first byte; upstream handles it either way. */
  function forward(req, res, { lose = null } = {}) {
    const headers = { ...req.headers, host: target.host };
    const upstreamRequest = http.request(
      { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (upstreamResponse) => {
        if (lose) {
          upstreamResponse.resume();
          upstreamResponse.on('end', () => {
            if (lose === 'all') return res.socket?.destroy();
            // The full length is announced, part of it sent: the client sees the answer break off.
            res.writeHead(upstreamResponse.statusCode ?? 200, {
              'content-type': 'application/json',
              'content-length': '64',
            });
            res.write('{"id": "', () => res.socket?.destroy());
          });
          return;
        }
        res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        upstreamResponse.pipe(res);
      },
    );
    upstreamRequest.on('error', () => res.socket?.destroy());
    req.pipe(upstreamRequest);
  }

  function answer(res, status, body, headers = {}) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  }

  function admin(req, res) {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      try {
        if (req.url === '/__fault-proxy/config' && req.method === 'POST') {
          const change = JSON.parse(Buffer.concat(chunks).toString() || '{}');
          config = mergeConfig(config, change);
          if ('seed' in change) random = seededRandom(config.seed);
        } else if (req.url === '/__fault-proxy/stats' && req.method === 'POST') {
          stats = emptyStats();
          log = [];
        }
        const body = req.url === '/__fault-proxy/stats' ? stats : req.url === '/__fault-proxy/log' ? log : config;
        answer(res, 200, JSON.stringify(body));
      } catch (error) {
        answer(res, 400, JSON.stringify({ error: error.message }));
      }
    });
  }

  const server = http.createServer(async (req, res) => {
    if ((req.url ?? '').startsWith('/__fault-proxy/')) return admin(req, res);
    if (!matches(req)) return forward(req, res);
    stats.requests += 1;
    const [low, high] = config.latencyMs;
    const latency = low + random() * (high - low);
    const fault = drawFault(config, random);
    log.push({ at: new Date().toISOString(), method: req.method, path: req.url, fault });
    if (log.length > LOG_SIZE) log.shift();
    if (latency > 0) await sleep(latency);
    if (fault === null) return forward(req, res);
    stats.damaged += 1;
    stats.faults[fault] = (stats.faults[fault] ?? 0) + 1;
    const method = stats.byMethod[req.method] ?? {};
    method[fault] = (method[fault] ?? 0) + 1;
    stats.byMethod[req.method] = method;
    switch (fault) {
      case 'drop':
        req.resume();
        return res.socket?.destroy();
      case 'drop-after':
        return forward(req, res, { lose: 'body' });
      case 'reset-after':
        return forward(req, res, { lose: 'all' });
      case 'malformed':
        req.resume();
        return answer(res, 200, '{"data": [tru');
      case 'slow':
        await sleep(config.slowMs);
        return forward(req, res);
      case '429':
        req.resume();
        return answer(res, 429, JSON.stringify({ message: 'Too many requests' }), { 'retry-after': '1' });
      default:
        req.resume();
        return answer(res, Number(fault), JSON.stringify({ error: true, message: `Injected ${fault}` }));
    }
  });
  // WebSocket upgrades (the event stream) are relayed as raw TCP, never damaged.
  server.on('upgrade', (req, socket, head) => relayUpgrade(req, socket, head, target, { sockets }));
  server.requestTimeout = 0;

  return {
    server,
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(`http://${host}:${server.address().port}`);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function argumentsFrom(argv) {
  const options = {};
  for (let index = 0; index < argv.length; index++) {
    const flag = /^--(upstream|port|seed|rate)(?:=(.*))?$/.exec(argv[index]);
    if (!flag) throw new Error(`Unknown argument "${argv[index]}" (expected --upstream, --port, --seed, --rate).`);
    options[flag[1]] = flag[2] ?? argv[++index];
  }
  if (!options.upstream) throw new Error('--upstream <origin> is required');
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = argumentsFrom(process.argv.slice(2));
  const proxy = createFaultProxy({
    upstream: options.upstream,
    config: {
      ...(options.seed ? { seed: Number(options.seed) } : {}),
      ...(options.rate ? { rate: Number(options.rate) } : {}),
    },
  });
  const url = await proxy.listen(Number(options.port ?? 0));
  console.log(JSON.stringify({ url }));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => proxy.close().then(() => process.exit(0)));
}
