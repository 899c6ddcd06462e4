// Sidekick's TypeScript modules in plain Node: Vite (already a dev dependency) transforms them on the fly.
import 'fake-indexeddb/auto';
import path from 'node:path';
import { runnerImport } from 'vite';

/** @returns {Promise<typeof import('./sidekick.ts')>} */
export async function loadSidekick() {
  const { module } = await runnerImport(path.join(import.meta.dirname, 'sidekick.ts'), {
    configFile: false,
    logLevel: 'error',
  });
  return module;
}
