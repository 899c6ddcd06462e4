// Starts a real local Kitsu back end for tests: zou API on :5000, event stream
// on :5001, the front door on :8080 (when present), a fresh seeded database,
// and .kitsu-stack/stack.json describing it. Safe to run again: it stops the
// previous stack first. Accepts the same sizing arguments as kitsu:seed.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { runSeed, seedOptionsFrom } from './kitsu-seed.mjs';
import { startDetached, stopRecordedProcesses, waitForHttp } from './lib/processes.mjs';
import {
  ADMIN,
  API_PORT,
  API_URL,
  DATABASE_NAME,
  EVENTS_PORT,
  EVENTS_URL,
  ensureStackDirs,
  FRONT_DOOR_BASE_PATH,
  FRONT_DOOR_PORT,
  FRONT_DOOR_SCRIPT,
  FRONT_DOOR_URL,
  HOST,
  LOG_DIR,
  REPO_ROOT,
  STACK_FILE,
  writeStackFile,
  ZOU_VERSION,
} from './lib/stack-config.mjs';
import { clearZouMemoizeCache, ensurePostgres, ensureRedis, recreateDatabase } from './lib/system-services.mjs';
import {
  ensureZouVenv,
  initZouDatabase,
  startApiServer,
  startEventStream,
  zouEnvironment,
} from './lib/zou-runtime.mjs';

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

function portIsFree(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

// After stopping our previous stack, anything still listening belongs to someone else.
async function assertPortsFree(ports) {
  for (const [name, port] of ports) {
    if (!(await portIsFree(port))) {
      throw new Error(
        `${HOST}:${port} (${name}) is already in use by a process kitsu:up did not start. Stop it and retry.`,
      );
    }
  }
}

const answersAsZou = (response, body) => response.ok && body.includes('"api":"Zou"');

async function startFrontDoor() {
  if (!existsSync(FRONT_DOOR_SCRIPT)) {
    console.warn(`WARNING: ${FRONT_DOOR_SCRIPT} does not exist yet; starting without the front door.`);
    return null;
  }
  const frontDoor = startDetached('front-door', process.execPath, [FRONT_DOOR_SCRIPT], {
    cwd: REPO_ROOT,
    // Explicit, so that a stack on other ports gets a front door to itself.
    env: {
      ...process.env,
      FRONT_DOOR_PORT: String(FRONT_DOOR_PORT),
      ZOU_API_URL: API_URL,
      ZOU_EVENTS_URL: EVENTS_URL,
      FRONT_DOOR_STACK_FILE: STACK_FILE,
      FRONT_DOOR_BASE_PATH,
    },
  });
  await waitForHttp(`${FRONT_DOOR_URL}/api/`, {
    accept: answersAsZou,
    logFile: frontDoor.logFile,
    process: frontDoor,
    timeoutMs: 15000,
  });
  return FRONT_DOOR_URL;
}

async function main() {
  const startedAt = Date.now();
  const seedOptions = seedOptionsFrom();
  ensureStackDirs();

  const venv = await ensureZouVenv();
  console.log(
    venv.reused
      ? `venv: reusing zou ${ZOU_VERSION}`
      : `venv: installed zou ${ZOU_VERSION} in ${venv.seconds.toFixed(1)}s`,
  );

  const stopped = await stopRecordedProcesses();
  if (stopped.length > 0) console.log(`Stopped the previous stack: ${stopped.join(', ')}`);
  const ports = [
    ['zou API', API_PORT],
    ['event stream', EVENTS_PORT],
  ];
  if (existsSync(FRONT_DOOR_SCRIPT)) ports.push(['front door', FRONT_DOOR_PORT]);
  await assertPortsFree(ports);

  const [postgres, redis] = await Promise.all([ensurePostgres(), ensureRedis()]);
  console.log(`PostgreSQL: ${postgres}, Redis: ${redis}`);

  let phase = Date.now();
  await recreateDatabase(DATABASE_NAME);
  await clearZouMemoizeCache();
  const env = zouEnvironment(randomBytes(32).toString('hex'));
  // The servers spend seconds importing zou: let them boot while the database
  // is initialised (until a client logs in they only answer GET /, which reads nothing).
  const api = startApiServer(env);
  const events = startEventStream(env);
  await initZouDatabase(env, ADMIN);
  await waitForHttp(`${API_URL}/`, { accept: answersAsZou, logFile: api.logFile, process: api, timeoutMs: 60000 });
  console.log(`Database ${DATABASE_NAME} initialised and zou ${ZOU_VERSION} answering in ${seconds(phase)}`);

  writeStackFile({
    frontDoor: FRONT_DOOR_URL,
    api: API_URL,
    events: EVENTS_URL,
    zouVersion: ZOU_VERSION,
    database: DATABASE_NAME,
    admin: ADMIN,
    startedAt: new Date(startedAt).toISOString(),
    logs: LOG_DIR,
  });
  const frontDoor = await startFrontDoor();

  phase = Date.now();
  console.log(`Seeding ${seedOptions.shots} shots, ${seedOptions.assets} assets (seed ${seedOptions.seed})...`);
  const seeded = await runSeed(seedOptions);
  console.log(`Seeded in ${seconds(phase)}`);
  // Only checked now: the seed talks to the API alone.
  await waitForHttp(`${EVENTS_URL}/`, { logFile: events.logFile, process: events, timeoutMs: 60000 });

  console.log(`
Kitsu stack is up (${seconds(startedAt)}):
  API           ${API_URL}   (zou routes, no /api prefix)
  Event stream  ${EVENTS_URL}   (socket.io, namespace /events)
  Front door    ${frontDoor ?? 'not started'}
  Admin         ${ADMIN.email} / ${ADMIN.password}
  Production    ${seeded.project.name}: ${seeded.counts.shots} shots, ${seeded.counts.assets} assets, ${seeded.counts.tasks} tasks
  Production    ${seeded.studio.name}: ${seeded.studio.counts.shots} shots, ${seeded.studio.counts.assets} assets, ${seeded.studio.counts.tasks} tasks (seeded in ${seeded.studio.seconds}s)
  Stack file    ${STACK_FILE}
  Logs          ${LOG_DIR}
Stop it with: npm run kitsu:down`);
}

try {
  await main();
} catch (error) {
  console.error(`\nkitsu:up failed: ${error.message}`);
  // Leave nothing half-started behind; the logs stay for diagnosis.
  await stopRecordedProcesses();
  console.error(`Stopped what had started. Logs: ${LOG_DIR}`);
  process.exitCode = 1;
}
