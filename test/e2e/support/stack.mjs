import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './browser.mjs';

/** The real Kitsu stack that `npm run kitsu:up` started (test:all starts it before the browser tests). */
export const STACK_FILE = path.join(ROOT, process.env.KITSU_STACK_DIR ?? '.kitsu-stack', 'stack.json');

export function readStack() {
  const file = STACK_FILE;
  if (!fs.existsSync(file)) throw new Error(`No ${file}: start the real Kitsu stack with npm run kitsu:up`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export async function kitsuGet(stack, route, token = stack.bots.writer.token) {
  const response = await fetch(`${stack.frontDoor}/api${route}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${route}: ${response.status}`);
  return response.json();
}

/** The result of the options page's connection test for the writer bot: the stack's Kitsu version, the bot, the studio. */
export function assertConnectedAsWriterBot(text, stack) {
  assert.match(
    text,
    new RegExp(`Kitsu ${stack.zouVersion.replaceAll('.', '\\.')}: connected as ${stack.bots.writer.name}`),
  );
  assert.match(text, /Fox Tales/);
}

/** Ids of real seeded things to visit: a shot, an asset, a task of each, an episode, a task type. */
export async function pickSeededIds(stack) {
  const projectId = stack.production.id;
  const [shots, assets, taskTypes] = await Promise.all([
    kitsuGet(stack, `/data/shots/with-tasks?project_id=${projectId}`),
    kitsuGet(stack, `/data/assets/with-tasks?project_id=${projectId}`),
    kitsuGet(stack, '/data/task-types'),
  ]);
  const shot = shots.find((candidate) => candidate.tasks.length > 0);
  const asset = assets.find((candidate) => candidate.tasks.length > 0 && !candidate.name.includes('<'));
  const shotTask = shot.tasks[0];
  return {
    projectId,
    episodeId: shot.episode_id,
    shot,
    asset,
    shotTask,
    shotTaskType: taskTypes.find((taskType) => taskType.id === shotTask.task_type_id),
    assetTask: asset.tasks[0],
  };
}

/**
 * Ten kinds of Kitsu page, in the order the dock's SPA navigation tests visit them: each route with the kind of
 * "This page" panel the dock shows there, a name that panel must show (null: any) and, for the schedule, its `where`.
 */
export function tenKitsuRoutes(ids) {
  const base = `/productions/${ids.projectId}`;
  return [
    [`${base}/assets`, 'entity-list', null],
    [`${base}/shots/${ids.shot.id}`, 'entity', ids.shot.name],
    [`${base}/assets/${ids.asset.id}`, 'entity', ids.asset.name],
    [`${base}/shots/tasks/${ids.shotTask.id}`, 'task', ids.shotTaskType.name],
    [`${base}/shots/task-types/${ids.shotTaskType.id}`, 'task-type', ids.shotTaskType.name],
    // The list and the schedule of a task type are one kind: only `where` tells the schedule's panel apart from
    // the list's, which is still shown until the schedule's page settles. The schedule is a Gantt with no
    // table.datatable: the dock is ready from the top bar.
    [`${base}/shots/task-types/${ids.shotTaskType.id}/schedule`, 'task-type', ids.shotTaskType.name, 'schedule'],
    [`${base}/episodes/${ids.episodeId}/shots`, 'entity-list', null],
    [`${base}/episodes/all/assets`, 'entity-list', 'All episodes'],
    ['/my-tasks?section=todos', 'my-tasks', null],
    ['/my-checks', 'my-checks', null],
  ];
}

/** A Kitsu user other than Sidekick's bot: changes made by people, as the tests need them. */
export async function loginAsManager(stack) {
  return loginAs(
    stack,
    stack.persons.find((person) => person.role === 'manager'),
  );
}

/** The studio's admin, another person again (when Sidekick itself is connected as the manager). */
export async function loginAsAdmin(stack) {
  return loginAs(stack, stack.admin);
}

async function loginAs(stack, { email, password }) {
  const response = await fetch(`${stack.frontDoor}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login as ${email}: ${response.status}`);
  return (await response.json()).access_token;
}

export async function kitsuSend(stack, token, method, route, body) {
  const response = await fetch(`${stack.frontDoor}/api${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

/** API requests that reached the front door with a Bearer token: Sidekick's background, not the page. */
export async function bearerRequests(origin) {
  const response = await fetch(`${origin}/__front-door/api-requests`);
  return (await response.json()).bearer;
}

/**
 * Waits until no Bearer request has reached the front door for `quietMs`, and returns the count then.
 * The dock's panels finish their first reads some time after the first one shows (the thread, its
 * authors' departments; later still on a loaded machine), so a "no requests while nothing changes"
 * window starts here, and only a repeat read counts.
 */
export async function settledBearerRequests(origin, { quietMs = 3_000, timeoutMs = 60_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = await bearerRequests(origin);
  let since = Date.now();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await bearerRequests(origin);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return now;
  }
  throw new Error(`Sidekick's requests did not settle within ${timeoutMs} ms (${last} so far)`);
}

/** The last few Bearer requests the front door relayed (time, method, path): what a "none expected" check saw. */
export async function latestBearerRequests(origin) {
  const response = await fetch(`${origin}/__front-door/api-requests`);
  return (await response.json()).latestBearer ?? [];
}
