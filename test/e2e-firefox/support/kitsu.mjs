import os from 'node:os';
import { startFrontDoor } from '../../../scripts/front-door/server.mjs';
import { STACK_FILE } from '../../e2e/support/stack.mjs';

// The Firefox suites read and change the same stack as the Chromium ones, with the same helpers.
export * from '../../e2e/support/stack.mjs';

/**
 * A front door of the tests' own, in front of the real Zou API and event stream of the running
 * stack: its request counter sees only this test's traffic, so a concurrent run (the Chrome e2e,
 * another engineer's tests) on the shared front door cannot change the counts. It also counts the
 * WebSocket upgrades of the event stream.
 */
export async function startPrivateFrontDoor(stack, { host = '127.0.0.1' } = {}) {
  // Its dev-login signs in with the admin of the stack the tests use (KITSU_STACK_DIR), not the default one.
  const frontDoor = await startFrontDoor({
    host,
    port: 0,
    apiUrl: stack.api,
    eventsUrl: stack.events,
    stackFile: STACK_FILE,
  });
  let webSockets = 0;
  frontDoor.server.on('upgrade', (request) => {
    if (request.url?.startsWith('/socket.io/') && request.url.includes('transport=websocket')) webSockets += 1;
  });
  return { origin: `http://${host}:${frontDoor.port}`, close: frontDoor.close, webSockets: () => webSockets };
}

/** An address of this machine that is not loopback: Firefox treats loopback as secure, a LAN host not. */
export function lanAddress() {
  for (const addresses of Object.values(os.networkInterfaces())) {
    const found = addresses?.find((address) => address.family === 'IPv4' && !address.internal);
    if (found) return found.address;
  }
  return null;
}
