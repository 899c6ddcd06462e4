// The zou Python side: its cached virtualenv, its environment, its CLI and its
// two servers (REST API and socket.io event stream).
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { run, startDetached } from './processes.mjs';
import {
  API_PORT,
  DATABASE_NAME,
  EVENTS_PORT,
  HOST,
  POSTGRES_PORT,
  PREVIEW_DIR,
  REDIS_PORT,
  VENV_DIR,
  ZOU_TMP_DIR,
  ZOU_VERSION,
} from './stack-config.mjs';

const venvBin = (tool) => path.join(VENV_DIR, 'bin', tool);

async function installedZouVersion() {
  if (!existsSync(venvBin('python'))) return null;
  try {
    const { stdout } = await run(venvBin('python'), [
      '-c',
      "from importlib.metadata import version; print(version('zou'))",
    ]);
    return stdout.trim();
  } catch {
    return null;
  }
}

/** Reuses .kitsu-stack/venv when it holds the pinned zou, rebuilds it otherwise. */
export async function ensureZouVenv() {
  const installed = await installedZouVersion();
  if (installed === ZOU_VERSION) return { reused: true, seconds: 0 };
  const startedAt = Date.now();
  console.log(
    installed
      ? `venv has zou ${installed}, rebuilding for ${ZOU_VERSION}...`
      : `Creating venv with zou ${ZOU_VERSION} (about a minute)...`,
  );
  rmSync(VENV_DIR, { recursive: true, force: true });
  await run('python3', ['-m', 'venv', VENV_DIR]);
  await run(venvBin('pip'), ['install', '--quiet', `zou==${ZOU_VERSION}`]);
  return { reused: false, seconds: (Date.now() - startedAt) / 1000 };
}

// More workers than cores on purpose: a worker spends part of each request
// waiting on PostgreSQL, and the seed keeps all of them busy.
const API_WORKERS = Number(process.env.KITSU_API_WORKERS || 3);
/** The API workers and the event stream, each with its own connection pool. */
const SERVER_PROCESSES = API_WORKERS + 1;
/** PostgreSQL's default max_connections (100) less room for psql, the zou CLI and the tests' own queries. */
const CONNECTIONS_FOR_ZOU = 80;
/** Each server process's pool keeps half its share open and opens the other half on demand. */
const POOL_HALF = String(Math.floor(CONNECTIONS_FOR_ZOU / SERVER_PROCESSES / 2));

/** Environment shared by the CLI and both servers (they must agree on SECRET_KEY to accept each other's JWTs). */
export function zouEnvironment(secretKey) {
  const env = {
    ...process.env,
    DB_HOST: HOST,
    DB_PORT: String(POSTGRES_PORT),
    DB_USERNAME: 'postgres',
    DB_DATABASE: DATABASE_NAME,
    KV_HOST: HOST,
    KV_PORT: String(REDIS_PORT),
    SECRET_KEY: secretKey,
    MAIL_ENABLED: 'false',
    // Otherwise creating a person does a DNS lookup of the e-mail domain (fails offline).
    MAIL_CHECK_DELIVERABILITY: 'false',
    // bcrypt's default cost (12) spends ~0.3 s of CPU on every password hash
    // and every login: 13 accounts at boot, many logins in tests. The stack
    // only listens on 127.0.0.1 with published test passwords.
    BCRYPT_LOG_ROUNDS: '4',
    PREVIEW_FOLDER: PREVIEW_DIR,
    TMP_DIR: ZOU_TMP_DIR,
    EVENT_STREAM_HOST: HOST,
    EVENT_STREAM_PORT: String(EVENTS_PORT),
    // zou's own pool (30 kept, 60 more on demand) lets each server process open 90 connections: a burst of
    // 300 concurrent reads made PostgreSQL (max_connections 100 by default) refuse clients, and zou
    // answered 500. Sharing 80 connections between the server processes makes a burst wait instead.
    DB_POOL_SIZE: POOL_HALF,
    DB_MAX_OVERFLOW: POOL_HALF,
  };
  // Without INDEXER_KEY zou never creates its Meilisearch client (search is off).
  delete env.INDEXER_KEY;
  return env;
}

/**
 * `zou init-db`, `init-data` and `create-admin` in ONE Python process: each
 * `zou` command first spends 2-3 s of CPU importing zou, which on a 2-core
 * machine competes with the servers booting next to it.
 */
export function initZouDatabase(env, admin) {
  const script = [
    'import sys',
    'from zou.cli import cli',
    'for args in (["init-db"], ["init-data"], ["create-admin", sys.argv[1], "--password", sys.argv[2]]):',
    '    cli.main(args, prog_name="zou", standalone_mode=False)',
  ].join('\n');
  return run(venvBin('python'), ['-c', script, admin.email, admin.password], { env });
}

export function startApiServer(env) {
  return startDetached(
    'zou-api',
    venvBin('gunicorn'),
    [
      '--worker-class',
      'gevent',
      '--workers',
      String(API_WORKERS),
      '--bind',
      `${HOST}:${API_PORT}`,
      '--timeout',
      '600',
      // Its default path (~/.gunicorn/gunicorn.ctl) would be shared by every stack and server.
      '--no-control-socket',
      'zou.app:app',
    ],
    { env },
  );
}

// Single process on purpose: the event stream keeps connection state in memory.
export function startEventStream(env) {
  return startDetached(
    'zou-events',
    venvBin('gunicorn'),
    [
      '--worker-class',
      'geventwebsocket.gunicorn.workers.GeventWebSocketWorker',
      '--workers',
      '1',
      '--bind',
      `${HOST}:${EVENTS_PORT}`,
      '--no-control-socket',
      'zou.event_stream:app',
    ],
    { env },
  );
}
