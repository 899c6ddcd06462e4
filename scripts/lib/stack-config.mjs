// Where the local Kitsu stack lives and how it is wired. Every script of the
// stack (up, down, seed) reads these values so they never disagree.
//
// The defaults describe THE stack other tests use. A second, independent stack
// (e.g. for experiments while the main one serves browser tests) needs its own
// directory, ports, database and Redis; set all of them:
//   KITSU_STACK_DIR (.kitsu-stack, relative to the repo), KITSU_VENV_DIR (<stack dir>/venv),
//   KITSU_API_PORT (5000), KITSU_EVENTS_PORT (5001), KITSU_FRONT_DOOR_PORT (8080),
//   KITSU_DATABASE (zou_sidekick), KITSU_REDIS_PORT (6379). KITSU_FRONT_DOOR_BASE_PATH (none) serves Kitsu
//   under a sub-path.
// Two zou instances on one Redis overwrite each other's memo cache (DB 1) and
// events (DB 2): a second stack must use its own redis-server.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseBasePath } from '../front-door/server.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const STACK_DIR = path.resolve(REPO_ROOT, process.env.KITSU_STACK_DIR || '.kitsu-stack');
// Sharing one venv between stacks is fine: it is only read once installed.
export const VENV_DIR = path.resolve(REPO_ROOT, process.env.KITSU_VENV_DIR || path.join(STACK_DIR, 'venv'));
export const LOG_DIR = path.join(STACK_DIR, 'logs');
export const PID_DIR = path.join(STACK_DIR, 'pids');
export const PREVIEW_DIR = path.join(STACK_DIR, 'previews');
export const ZOU_TMP_DIR = path.join(STACK_DIR, 'tmp');
export const STACK_FILE = path.join(STACK_DIR, 'stack.json');
export const FRONT_DOOR_SCRIPT = path.join(REPO_ROOT, 'scripts/front-door/server.mjs');

export const ZOU_VERSION = '1.0.97';
export const HOST = '127.0.0.1';
// A stack may use a PostgreSQL of its own when the shared one has no connection left (KITSU_POSTGRES_PORT).
export const POSTGRES_PORT = portFromEnv(['KITSU_POSTGRES_PORT'], 5432);

function portFromEnv(names, fallback) {
  const name = names.find((candidate) => process.env[candidate]);
  if (!name) return fallback;
  const port = Number(process.env[name]);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`${name} is not a port: "${process.env[name]}".`);
  return port;
}

// Interpolated into SQL unquoted: keep it a plain identifier.
export const DATABASE_NAME = process.env.KITSU_DATABASE || 'zou_sidekick';
if (!/^[a-z_][a-z0-9_]*$/.test(DATABASE_NAME))
  throw new Error(`KITSU_DATABASE must be a lower-case identifier, got "${DATABASE_NAME}".`);
export const REDIS_PORT = portFromEnv(['KITSU_REDIS_PORT'], 6379);
export const API_PORT = portFromEnv(['KITSU_API_PORT'], 5000);
export const EVENTS_PORT = portFromEnv(['KITSU_EVENTS_PORT'], 5001);
// FRONT_DOOR_PORT is the older name, still honoured.
export const FRONT_DOOR_PORT = portFromEnv(['KITSU_FRONT_DOOR_PORT', 'FRONT_DOOR_PORT'], 8080);

export const API_URL = `http://${HOST}:${API_PORT}`;
export const EVENTS_URL = `http://${HOST}:${EVENTS_PORT}`;
// Kitsu served under a sub-path (KITSU_FRONT_DOOR_BASE_PATH, e.g. /kitsu): the front door serves the app,
// /api and /socket.io under it, and the stack's front door URL includes it.
export const FRONT_DOOR_BASE_PATH = normaliseBasePath(process.env.KITSU_FRONT_DOOR_BASE_PATH);
export const FRONT_DOOR_URL = `http://${HOST}:${FRONT_DOOR_PORT}${FRONT_DOOR_BASE_PATH}`;

// A throwaway stack bound to 127.0.0.1: fixed credentials keep tests simple.
export const ADMIN = { email: 'admin@example.com', password: 'sidekick-admin-pass' };

export function ensureStackDirs() {
  for (const dir of [STACK_DIR, LOG_DIR, PID_DIR, PREVIEW_DIR, ZOU_TMP_DIR]) {
    mkdirSync(dir, { recursive: true });
  }
}

export function readStackFile() {
  try {
    return JSON.parse(readFileSync(STACK_FILE, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') {
      throw new Error(`${STACK_FILE} not found: run \`npm run kitsu:up\` first.`);
    }
    throw error;
  }
}

export function writeStackFile(stack) {
  writeFileSync(STACK_FILE, `${JSON.stringify(stack, null, 2)}\n`);
}
