// PostgreSQL and Redis are shared system services: use them when they answer,
// start them (installing the Debian packages if needed) when they don't.
import { readdirSync } from 'node:fs';
import { commandExists, run } from './processes.mjs';
import { HOST, POSTGRES_PORT, REDIS_PORT } from './stack-config.mjs';

async function answers(check) {
  try {
    await check();
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers(check)) return true;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return false;
}

let aptIndexFresh = false;
async function aptInstall(packages) {
  if (!commandExists('apt-get')) {
    throw new Error(`${packages.join(', ')} missing and apt-get is not available: install them by hand.`);
  }
  console.log(`Installing ${packages.join(', ')} with apt-get...`);
  if (!aptIndexFresh) {
    await run('apt-get', ['update', '-qq']);
    aptIndexFresh = true;
  }
  await run('apt-get', ['install', '-y', '-qq', ...packages], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

const postgresAnswers = () => run('pg_isready', ['-q', '-h', HOST, '-p', String(POSTGRES_PORT)]);

export async function ensurePostgres() {
  if (commandExists('pg_isready') && (await answers(postgresAnswers))) return 'already running';
  if (!commandExists('pg_ctlcluster')) await aptInstall(['postgresql']);
  const [clusterVersion] = readdirSync('/etc/postgresql');
  try {
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', clusterVersion, 'main', 'start']);
  } catch (error) {
    throw new Error(`PostgreSQL ${clusterVersion} could not start: ${error.message}`);
  }
  if (!(await waitUntil(postgresAnswers, 20000))) {
    throw new Error(
      `PostgreSQL started but does not answer on ${HOST}:${POSTGRES_PORT} (trust auth for user postgres is expected).`,
    );
  }
  return 'started';
}

async function redisAnswers() {
  const { stdout } = await run('redis-cli', ['-h', HOST, '-p', String(REDIS_PORT), 'ping']);
  if (!stdout.includes('PONG')) throw new Error(stdout);
}

export async function ensureRedis() {
  if (commandExists('redis-cli') && (await answers(redisAnswers))) return 'already running';
  if (!commandExists('redis-server')) await aptInstall(['redis-server']);
  await run('mkdir', ['-p', '/var/lib/redis', '/var/log/redis']);
  try {
    await run('redis-server', [
      '--daemonize',
      'yes',
      '--bind',
      HOST,
      '-::1',
      '--port',
      String(REDIS_PORT),
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      '/var/lib/redis',
      '--logfile',
      '/var/log/redis/ci.log',
    ]);
  } catch (error) {
    throw new Error(`Redis could not start: ${error.message}`);
  }
  if (!(await waitUntil(redisAnswers, 10000))) {
    throw new Error(`Redis started but does not answer on ${HOST}:${REDIS_PORT}; see /var/log/redis/ci.log.`);
  }
  return 'started';
}

/**
 * zou memoizes service calls in Redis DB 1 (fixed index, zou/app/config.py
 * MEMOIZE_DB_INDEX). After the database is recreated those entries describe
 * rows that no longer exist (e.g. cached task statuses), so they must go.
 */
export async function clearZouMemoizeCache() {
  await run('redis-cli', ['-h', HOST, '-p', String(REDIS_PORT), '-n', '1', 'flushdb']);
}

function psql(sql) {
  return run('psql', [
    '-h',
    HOST,
    '-p',
    String(POSTGRES_PORT),
    '-U',
    'postgres',
    '-v',
    'ON_ERROR_STOP=1',
    '-q',
    '-c',
    sql,
  ]);
}

// WITH (FORCE) closes connections left by a crashed previous stack.
export async function dropDatabase(name) {
  await psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

export async function recreateDatabase(name) {
  await dropDatabase(name);
  await psql(`CREATE DATABASE ${name}`);
  // A throwaway test database need not wait for the disk at every commit
  // (a crash loses the last few ms of writes, never consistency). The seed
  // commits thousands of times; this is a per-database setting, other
  // databases of the cluster keep theirs.
  await psql(`ALTER DATABASE ${name} SET synchronous_commit = off`);
}
