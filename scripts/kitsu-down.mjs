// Stops what kitsu:up started and drops its database. Safe when nothing runs.
import { rmSync } from 'node:fs';
import { commandExists, run, stopRecordedProcesses } from './lib/processes.mjs';
import { DATABASE_NAME, HOST, POSTGRES_PORT, STACK_FILE } from './lib/stack-config.mjs';
import { dropDatabase } from './lib/system-services.mjs';

async function postgresAnswers() {
  if (!commandExists('pg_isready')) return false;
  try {
    await run('pg_isready', ['-q', '-h', HOST, '-p', String(POSTGRES_PORT)]);
    return true;
  } catch {
    return false;
  }
}

try {
  const stopped = await stopRecordedProcesses();
  console.log(stopped.length > 0 ? `Stopped: ${stopped.join(', ')}` : 'No stack process was running.');
  if (await postgresAnswers()) {
    await dropDatabase(DATABASE_NAME);
    console.log(`Dropped database ${DATABASE_NAME}.`);
  } else {
    console.log(`PostgreSQL does not answer; database ${DATABASE_NAME} left as is.`);
  }
  // A stale stack file would point tests at servers that are gone.
  rmSync(STACK_FILE, { force: true });
} catch (error) {
  console.error(`kitsu:down failed: ${error.message}`);
  process.exitCode = 1;
}
