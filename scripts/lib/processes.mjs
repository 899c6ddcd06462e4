// Child processes of the stack: one-shot commands, detached servers recorded
// by PID file, and their shutdown.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LOG_DIR, PID_DIR } from './stack-config.mjs';

/** Runs a command to completion; rejects with the tail of its output when it fails. */
export function run(command, args, { env = process.env, input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    // A command that exits without reading its input closes the pipe: its exit code says what happened.
    child.stdin.on('error', () => {});
    child.on('close', (code) => {
      if (code === 0) {
        resolve({ stdout, stderr });
      } else {
        const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-15).join('\n');
        reject(new Error(`\`${command} ${args.join(' ')}\` exited with ${code}:\n${tail}`));
      }
    });
    child.stdin.end(input ?? '');
  });
}

export function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Starts a long-running server in its own process group (so stopping it also
 * stops its workers), logging to LOG_DIR/<name>.log, and records its PID.
 */
export function startDetached(name, command, args, { env = process.env, cwd } = {}) {
  const logFile = path.join(LOG_DIR, `${name}.log`);
  const logFd = openSync(logFile, 'a');
  const child = spawn(command, args, { env, cwd, detached: true, stdio: ['ignore', logFd, logFd] });
  child.unref();
  writeFileSync(
    path.join(PID_DIR, `${name}.json`),
    JSON.stringify({ pid: child.pid, command, args, logFile }, null, 2),
  );
  return { pid: child.pid, logFile };
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// PIDs get reused: only signal a recorded PID whose command line is still ours.
function isStillOurProcess(record) {
  try {
    const cmdline = readFileSync(`/proc/${record.pid}/cmdline`, 'utf8');
    return cmdline.includes(path.basename(record.command));
  } catch {
    return false;
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

async function stopRecord(record) {
  if (!isAlive(record.pid) || !isStillOurProcess(record)) return false;
  signalGroup(record.pid, 'SIGTERM');
  // gunicorn waits for its workers; give it a few seconds before insisting.
  const deadline = Date.now() + 8000;
  while (isAlive(record.pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(record.pid)) signalGroup(record.pid, 'SIGKILL');
  return true;
}

/** Stops every server recorded in PID_DIR; returns the names of those that were running. */
export async function stopRecordedProcesses() {
  if (!existsSync(PID_DIR)) return [];
  const stopped = [];
  await Promise.all(
    readdirSync(PID_DIR)
      .filter((file) => file.endsWith('.json'))
      .map(async (file) => {
        const pidFile = path.join(PID_DIR, file);
        const record = JSON.parse(readFileSync(pidFile, 'utf8'));
        if (await stopRecord(record)) stopped.push(path.basename(file, '.json'));
        rmSync(pidFile);
      }),
  );
  return stopped;
}

/** Polls a URL until `accept(response, body)` is true; throws with the log path on timeout. */
export async function waitForHttp(
  url,
  { accept = (response) => response.ok, timeoutMs = 30000, logFile, process: watched } = {},
) {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer';
  while (Date.now() < deadline) {
    if (watched && !isAlive(watched.pid)) {
      throw new Error(`The process behind ${url} exited. See ${logFile}.`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      const body = await response.text();
      if (accept(response, body)) return body;
      lastProblem = `HTTP ${response.status}: ${body.slice(0, 200)}`;
    } catch (error) {
      lastProblem = error.cause?.code ?? error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${url} did not answer within ${timeoutMs / 1000}s (${lastProblem}).${logFile ? ` See ${logFile}.` : ''}`,
  );
}
