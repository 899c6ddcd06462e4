import net from 'node:net';

/**
 * zou's event stream behind a TCP relay of the test's own, on a fixed local port. `kill()` makes
 * the event server vanish for whoever connects through the relay: open connections (the
 * extension's WebSocket) are cut and new ones refused, while zou's API stays up. `restore()`
 * brings it back on the same address. The real event-stream process of the shared stack is never
 * touched, so other tests using it see nothing.
 */
export async function startKillableEventServer(eventsUrl) {
  const target = new URL(eventsUrl);
  const sockets = new Set();
  const track = (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    track(client);
    track(upstream);
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', cut).on('close', cut);
    upstream.on('error', cut).on('close', cut);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = (port) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve(server.address().port);
      });
    });
  const port = await listen(0);

  let running = true;
  const kill = () =>
    new Promise((resolve) => {
      running = false;
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return {
    url: `http://127.0.0.1:${port}`,
    kill,
    restore: async () => {
      await listen(port);
      running = true;
    },
    close: () => (running ? kill() : Promise.resolve()),
  };
}
