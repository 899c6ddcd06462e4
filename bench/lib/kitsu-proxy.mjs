// A second Kitsu origin in front of the front door, for the benchmark's conditions:
// - latency: every request and every answer (pages, API, the event stream's websocket frames) waits
//   `latencyMs` on its way in and again on its way out, as a Kitsu across the Internet would;
// - inflation: the shot lists of one production read with a token (Sidekick's reads) come back
//   `factor` times larger, each shot and its tasks copied with new ids. Seeding 75,000 real tasks
//   through zou takes longer than the whole benchmark may; the worker's memory and work only depend
//   on what it reads, so copies measure them as well. Writes go through to the real tasks.
// It counts the API requests that carry a token (Sidekick's, or a benchmark client's), by route, and
// answers the front door's counter route (/__front-door/api-requests) with its own count, so code
// that counts at "the front door" counts what went through this proxy.
import http from 'node:http';
import { relayUpgrade } from '../../scripts/lib/upgrade-relay.mjs';

/** The same uuid with its first block replaced: a valid, distinct id per copy. */
const copyId = (id, copy) => `${copy.toString(16).padStart(8, '0')}${id.slice(8)}`;

const copyShot = (shot, copy) => ({
  ...shot,
  id: copyId(shot.id, copy),
  name: `${shot.name}-${copy}`,
  tasks: shot.tasks.map((task) => ({ ...task, id: copyId(task.id, copy), entity_id: copyId(shot.id, copy) })),
});

export function inflateShotsWithTasks(shots, factor) {
  return Array.from({ length: factor }, (_, copy) =>
    copy === 0 ? shots : shots.map((shot) => copyShot(shot, copy)),
  ).flat();
}

/** A compact row (zou's `compact=true`: values in the order of the header's field lists) copied. */
function copyCompactRow(row, copy, { shot_fields: shotFields, task_fields: taskFields }) {
  const at = (fields, name) => fields.indexOf(name);
  const [shotId, name, tasks] = [at(shotFields, 'id'), at(shotFields, 'name'), at(shotFields, 'tasks')];
  const [taskId, entityId] = [at(taskFields, 'id'), at(taskFields, 'entity_id')];
  const copied = [...row];
  copied[shotId] = copyId(row[shotId], copy);
  copied[name] = `${row[name]}-${copy}`;
  copied[tasks] = row[tasks].map((task) => {
    const copiedTask = [...task];
    copiedTask[taskId] = copyId(task[taskId], copy);
    if (entityId >= 0) copiedTask[entityId] = copied[shotId];
    return copiedTask;
  });
  return copied;
}

const copyRow = (row, copy, header) => (header.compact ? copyCompactRow(row, copy, header) : copyShot(row, copy));
const inflateRows = (rows, factor, header) =>
  Array.from({ length: factor }, (_, copy) =>
    copy === 0 ? rows : rows.map((row) => copyRow(row, copy, header)),
  ).flat();

/**
 * A shot list answer `factor` times larger, in whichever of zou's encodings it came: a JSON array of
 * shots, the `compact=true` object (header fields and `rows`), or the `stream=true` NDJSON (a header
 * line, then one row per line).
 */
export function inflateShotList(text, factor, contentType = 'application/json') {
  if (contentType.includes('ndjson')) {
    const [headerLine, ...lines] = text.split('\n').filter((line) => line.trim() !== '');
    const header = JSON.parse(headerLine);
    const rows = inflateRows(
      lines.map((line) => JSON.parse(line)),
      factor,
      header,
    );
    return `${[headerLine, ...rows.map((row) => JSON.stringify(row))].join('\n')}\n`;
  }
  const body = JSON.parse(text);
  if (Array.isArray(body)) return JSON.stringify(inflateShotsWithTasks(body, factor));
  return JSON.stringify({ ...body, rows: inflateRows(body.rows, factor, body) });
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** "GET /api/data/tasks/:id" for a request: ids and query values left out, to group requests by route. */
export function routeOf(method, url) {
  const [pathname, query] = url.split('?');
  const keys = query ? [...new URLSearchParams(query).keys()].sort() : [];
  return `${method} ${pathname.replace(UUID, ':id')}${keys.length > 0 ? `?${keys.join('&')}` : ''}`;
}

/** Time with at least one of `intervals` ([start, end] pairs) under way: how long requests were in flight. */
export function busyTime(intervals) {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let busy = 0;
  let [start, end] = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const [from, to] of sorted) {
    if (from > end) {
      if (end > start) busy += end - start;
      [start, end] = [from, to];
    } else end = Math.max(end, to);
  }
  if (end > start) busy += end - start;
  return busy;
}

const sleep = (ms) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/**
 * Starts the proxy. `latencyMs`: added each way to everything. `inflate`: { projectId, factor } makes
 * that production's shot lists `factor` times larger for token-carrying reads (the Kitsu-shaped page
 * reads by cookie and keeps its real list).
 */
export async function startKitsuProxy({ upstream, latencyMs = 0, inflate = null }) {
  const target = new URL(upstream);
  let inflatedAnswers = 0;
  let log = [];
  const counted = { bearer: 0, other: 0 };
  const inflates = (req) => {
    if (!inflate || !/^Bearer /i.test(req.headers.authorization ?? '')) return false;
    const url = new URL(req.url ?? '/', upstream);
    return url.pathname === '/api/data/shots/with-tasks' && url.searchParams.get('project_id') === inflate.projectId;
  };

  const server = http.createServer(async (req, res) => {
    const url = req.url ?? '/';
    if (url === '/__front-door/api-requests') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(counted));
      return;
    }
    const api = url.startsWith('/api/');
    const bearer = api && /^Bearer /i.test(req.headers.authorization ?? '');
    if (api) counted[bearer ? 'bearer' : 'other'] += 1;
    const entry = bearer ? { route: routeOf(req.method ?? 'GET', url), start: performance.now(), end: null } : null;
    if (entry) log.push(entry);
    const inflated = inflates(req);
    await sleep(latencyMs);
    const { 'accept-encoding': _encoding, ...plainHeaders } = req.headers;
    const forwarded = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: url,
        headers: inflated ? plainHeaders : req.headers,
      },
      async (answer) => {
        const body = [];
        if (inflated && answer.statusCode === 200) {
          for await (const chunk of answer) body.push(chunk);
        }
        await sleep(latencyMs);
        const done = () => {
          if (entry) entry.end = performance.now();
        };
        res.on('close', done);
        if (body.length === 0 || answer.statusCode !== 200) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const { 'content-length': _length, 'transfer-encoding': _transfer, ...headers } = answer.headers;
        const text = inflateShotList(Buffer.concat(body).toString('utf8'), inflate.factor, headers['content-type']);
        inflatedAnswers += 1;
        res.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(text) });
        res.end(text);
      },
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  // The event stream's websocket: the upgrade request replayed, then the raw bytes both ways, delayed.
  const sockets = new Set();
  server.on('upgrade', (req, socket, head) => relayUpgrade(req, socket, head, target, { delayMs: latencyMs, sockets }));
  server.requestTimeout = 0;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    latencyMs,
    /** How many shot lists were answered inflated: 0 means the figures are not about `factor` × the tasks. */
    inflatedAnswers: () => inflatedAnswers,
    /** API requests with a token so far. */
    bearerRequests: () => counted.bearer,
    /** Starts a new log of token-carrying requests (route, start, end); returns the previous one. */
    takeLog: () => {
      const previous = log;
      log = [];
      return previous;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** A request log summarised: requests by route (most first) and how long at least one was in flight. */
export function summariseLog(log) {
  const byRoute = {};
  for (const { route } of log) byRoute[route] = (byRoute[route] ?? 0) + 1;
  const finished = log.filter((entry) => entry.end !== null);
  return {
    requests: log.length,
    byRoute: Object.fromEntries(Object.entries(byRoute).sort((a, b) => b[1] - a[1])),
    inFlightMs: busyTime(finished.map((entry) => [entry.start, entry.end])),
    requestMs: finished.reduce((sum, entry) => sum + (entry.end - entry.start), 0),
  };
}
