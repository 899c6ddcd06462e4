// Reads .kitsu-stack/stack.json written by `npm run kitsu:up` and talks to the
// real zou it describes. Shared by the test/kitsu tests. KITSU_STACK_DIR points
// them at another stack, as it does for kitsu:up (scripts/lib/stack-config.mjs).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StatusRole } from '../../lib/workflow/status-roles';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface StackBot {
  id: string;
  name: string;
  role: string;
  token: string;
}

export interface StackFile {
  frontDoor: string;
  api: string;
  events: string;
  zouVersion: string;
  database: string;
  admin: { email: string; password: string };
  bots: { writer: StackBot; reader: StackBot };
  production: { id: string; name: string; episodes: string[] };
  persons: { id: string; full_name: string; role: string; email: string; password: string }[];
  seed: {
    shots: number;
    assets: number;
    tasks: number;
    comments: number;
    seed: number;
    xss: { assetId: string; assetName: string; taskId: string; commentId: string };
  };
  /** The second production, a studio's own workflow (scripts/lib/studio-spec.mjs). */
  studio: StudioProduction;
  startedAt: string;
}

export interface StudioProduction {
  id: string;
  name: string;
  episodes: { id: string; name: string }[];
  sequences: { id: string; name: string; episodeId: string }[];
  /** Status id → what the studio means by it. */
  statusRoles: Record<string, StatusRole>;
  noDepartmentTaskTypeId: string;
  persons: { id: string; full_name: string; role: string; email: string; password: string; active: boolean }[];
  inactivePersonId: string;
  noDepartmentPersonId: string;
  botId: string;
  humanDecisions: { taskId: string; field: 'assignees' | 'dates' | 'estimation'; personId: string }[];
  counts: { shots: number; assets: number; tasks: number; comments: number };
  seconds: number;
}

const stackDir = path.resolve(repoRoot, process.env.KITSU_STACK_DIR || '.kitsu-stack');
export const stack: StackFile = JSON.parse(readFileSync(path.join(stackDir, 'stack.json'), 'utf8'));

/** The front door is written separately; when its script exists it must work. */
export const frontDoorExpected = existsSync(path.join(repoRoot, 'scripts/front-door/server.mjs'));

export interface ZouResponse<T = unknown> {
  status: number;
  body: T;
}

/** One zou call with a Bearer token; never throws on HTTP errors so tests can assert statuses. */
export async function zou<T = unknown>(
  token: string,
  method: string,
  route: string,
  body?: unknown,
  base: string = stack.api,
): Promise<ZouResponse<T>> {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function adminToken(): Promise<string> {
  const response = await fetch(`${stack.api}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(stack.admin),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`admin login failed with HTTP ${response.status}`);
  return body.access_token;
}
