import assert from 'node:assert/strict';
import os from 'node:os';
import { startFrontDoor } from '../../../scripts/front-door/server.mjs';

export { kitsuGet, pickSeededIds, readStack } from '../../e2e/support/stack.mjs';

/**
 * A front door of the tests' own, in front of the real Zou API and event stream of the running
 * stack: its request counter sees only this test's traffic, so a concurrent run (the Chrome e2e,
 * another engineer's tests) on the shared front door cannot change the counts. It also counts the
 * WebSocket upgrades of the event stream.
 */
export async function startPrivateFrontDoor(stack, { host = '127.0.0.1' } = {}) {
  const frontDoor = await startFrontDoor({ host, port: 0, apiUrl: stack.api, eventsUrl: stack.events });
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

export async function bearerRequests(origin) {
  const response = await fetch(`${origin}/__front-door/api-requests`);
  return (await response.json()).bearer;
}

/** Another Kitsu user, by password login: the change must come from outside Sidekick. */
export async function loginAsManager(stack) {
  const manager = stack.persons.find((person) => person.role === 'manager');
  const response = await fetch(`${stack.frontDoor}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: manager.email, password: manager.password }),
  });
  assert.equal(response.status, 200);
  return (await response.json()).access_token;
}

export async function kitsuSend(stack, token, method, route, body) {
  const response = await fetch(`${stack.frontDoor}/api${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(response.ok, `${method} ${route}: ${response.status}`);
  return response.status === 204 ? null : response.json();
}
