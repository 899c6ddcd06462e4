// A WebSocket upgrade (Zou's event stream) relayed as raw TCP by the test proxies: the upgrade request
// replayed to the upstream server, then the bytes both ways untouched.
import net from 'node:net';

/** Every chunk from `from` written to `to` `delayMs` later; timers of equal delay fire in order, so order holds. */
function delayedPipe(from, to, delayMs) {
  if (delayMs <= 0) return from.pipe(to);
  from.on('data', (chunk) => setTimeout(() => to.destroyed || to.write(chunk), delayMs));
  from.on('end', () => setTimeout(() => to.end(), delayMs));
}

/**
 * Relays the upgrade `req` (its `socket` and `head`, as an http server's 'upgrade' event gives them) to
 * `target` (a URL). `delayMs`: the handshake and every chunk wait that long, each way. `sockets`: both
 * ends are kept there while open, so that the server's close() can end them.
 */
export function relayUpgrade(req, socket, head, target, { delayMs = 0, sockets } = {}) {
  socket.pause();
  const upstream = new net.Socket();
  for (const end of [socket, upstream]) {
    sockets?.add(end);
    end.on('close', () => sockets?.delete(end));
    end.on('error', () => {
      socket.destroy();
      upstream.destroy();
    });
  }
  setTimeout(() => {
    if (socket.destroyed) return;
    upstream.connect(Number(target.port), target.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let index = 0; index < req.rawHeaders.length; index += 2) {
        lines.push(`${req.rawHeaders[index]}: ${req.rawHeaders[index + 1]}`);
      }
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      delayedPipe(upstream, socket, delayMs);
      delayedPipe(socket, upstream, delayMs);
      socket.resume();
    });
  }, delayMs);
}
