import { ZouClient } from '../../../scripts/lib/zou-client.mjs';

/** Changes the running fault proxy's configuration through its admin endpoint. */
export async function configureFaults(proxyUrl, change) {
  const response = await fetch(`${proxyUrl}/__fault-proxy/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(change),
  });
  if (!response.ok) throw new Error(`fault proxy config: ${response.status} ${await response.text()}`);
  return response.json();
}

export async function faultStats(proxyUrl, { reset = false } = {}) {
  const response = await fetch(`${proxyUrl}/__fault-proxy/stats`, { method: reset ? 'POST' : 'GET' });
  return response.json();
}

/**
 * A bot of the test's own, with the writer bot's role (Supervisor, no department), in the given
 * productions' teams: its token can be revoked without touching the stack's bots other tests use.
 */
export async function createTestBot(stack, projectIds, name = `Fault Bot ${Date.now()}`) {
  const admin = await ZouClient.login(stack.api, stack.admin.email, stack.admin.password);
  const expiration = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const bot = await admin.post('/data/persons', {
    first_name: 'Fault',
    last_name: name,
    email: `${name.replace(/\W+/g, '-').toLowerCase()}@foxtales-studio.net`,
    role: 'supervisor',
    departments: [],
    is_bot: true,
    expiration_date: expiration,
  });
  for (const projectId of projectIds) await admin.post(`/data/projects/${projectId}/team`, { person_id: bot.id });
  return {
    id: bot.id,
    token: bot.access_token,
    /** Zou rotates a bot's token when its expiration date is set again: the old token is revoked. */
    revoke: () => admin.put(`/data/persons/${bot.id}`, { expiration_date: expiration }),
  };
}
