import { browser } from 'wxt/browser';
import { grantedHostPatterns } from './origins';

export const KITSU_CONTENT_SCRIPT_ID = 'kitsu-sidekick';
const CONTENT_SCRIPT_FILE = 'content-scripts/kitsu.js';

export async function currentHostPatterns(): Promise<string[]> {
  const granted = await browser.permissions.getAll();
  return grantedHostPatterns(granted.origins ?? []);
}

/**
 * Keeps the one runtime content script registered for exactly the hosts the person granted.
 * Called at start-up and whenever a host permission is added or removed.
 */
export async function syncContentScriptRegistration(): Promise<string[]> {
  const patterns = await currentHostPatterns();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [KITSU_CONTENT_SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [KITSU_CONTENT_SCRIPT_ID] });
  if (patterns.length > 0) {
    await browser.scripting.registerContentScripts([
      {
        id: KITSU_CONTENT_SCRIPT_ID,
        matches: patterns,
        js: [CONTENT_SCRIPT_FILE],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
  return patterns;
}
