// A second Kitsu origin in front of the front door whose shot lists of one production are `factor`
// times larger: each shot and its tasks copied with new ids. Seeding 20,000 real tasks through zou
// takes longer than the whole benchmark may; the worker's memory only depends on what it reads and
// keeps, so copies measure it as well. Everything else (pages, API, event stream) is passed through.
import http from 'node:http';
import net from 'node:net';

/** The same uuid with its first block replaced: a valid, distinct id per copy. */
const copyId = (id, copy) => `${copy.toString(16).padStart(8, '0')}${id.slice(8)}`;

export function inflateShotsWithTasks(shots, factor) {
  return Array.from({ length: factor }, (_, copy) =>
    copy === 0
      ? shots
      : shots.map((shot) => ({
          ...shot,
          id: copyId(shot.id, copy),
          name: `${shot.name}-${copy}`,
          tasks: shot.tasks.map((task) => ({ ...task, id: copyId(task.id, copy), entity_id: copyId(shot.id, copy) })),
        })),
  ).flat();
}

export async function startInflatingProxy({ upstream, projectId, factor }) {
  const target = new URL(upstream);
  let inflatedAnswers = 0;
  // Sidekick's reads only (they carry the token); the Kitsu-shaped page keeps its real list.
  const inflates = (req) => {
    const url = new URL(req.url ?? '/', upstream);
    return (
      /^Bearer /i.test(req.headers.authorization ?? '') &&
      url.pathname === '/api/data/shots/with-tasks' &&
      url.searchParams.get('project_id') === projectId
    );
  };

  const server = http.createServer((req, res) => {
    const inflated = inflates(req);
    const { 'accept-encoding': _encoding, ...plainHeaders } = req.headers;
    const forwarded = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: inflated ? plainHeaders : req.headers,
      },
      (answer) => {
        if (!inflated || answer.statusCode !== 200) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const chunks = [];
        answer.on('data', (chunk) => chunks.push(chunk));
        answer.on('end', () => {
          const body = JSON.stringify(
            inflateShotsWithTasks(JSON.parse(Buffer.concat(chunks).toString('utf8')), factor),
          );
          const { 'content-length': _length, 'transfer-encoding': _encoding, ...headers } = answer.headers;
          inflatedAnswers += 1;
          res.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(body) });
          res.end(body);
        });
      },
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  // The event stream's websocket: the raw bytes both ways once the upgrade request is replayed.
  server.on('upgrade', (req, socket, head) => {
    const upstreamSocket = net.connect(Number(target.port), target.hostname, () => {
      const headers = Object.entries(req.headers).map(([name, value]) => `${name}: ${value}`);
      upstreamSocket.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      upstreamSocket.write(head);
      upstreamSocket.pipe(socket);
      socket.pipe(upstreamSocket);
    });
    const close = () => {
      socket.destroy();
      upstreamSocket.destroy();
    };
    upstreamSocket.on('error', close);
    socket.on('error', close);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    /** How many shot lists were answered inflated: 0 means the figures are not about `factor` × the tasks. */
    inflatedAnswers: () => inflatedAnswers,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
