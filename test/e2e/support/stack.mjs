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

/** A Kitsu user other than Sidekick's bot: changes made by people, as the tests need them. */
export async function loginAsManager(stack) {
  const manager = stack.persons.find((person) => person.role === 'manager');
  const response = await fetch(`${stack.frontDoor}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: manager.email, password: manager.password }),
  });
  if (!response.ok) throw new Error(`login as ${manager.email}: ${response.status}`);
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
