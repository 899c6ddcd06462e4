import { browser } from 'wxt/browser';
import { grantedHostPatterns, matchPatternFor } from './origins';

export const KITSU_CONTENT_SCRIPT_ID = 'kitsu-sidekick';
const CONTENT_SCRIPT_FILE = 'content-scripts/kitsu.js';

export async function grantedPatterns(): Promise<string[]> {
  const granted = await browser.permissions.getAll();
  return grantedHostPatterns(granted.origins ?? []);
}

export async function isHostGranted(origin: string): Promise<boolean> {
  return (await grantedPatterns()).includes(matchPatternFor(origin));
}

/** Hosts the content script belongs on: configured by the person and granted by the browser. */
export function contentScriptPatterns(configuredOrigins: readonly string[], granted: readonly string[]): string[] {
  const wanted = new Set(configuredOrigins.map(matchPatternFor));
  return granted.filter((pattern) => wanted.has(pattern)).sort();
}

/**
 * Keeps the one runtime content script registered for exactly those hosts.
 * Called at start-up, after connection changes and whenever a host permission changes.
 */
export async function syncContentScriptRegistration(configuredOrigins: readonly string[]): Promise<string[]> {
  const patterns = contentScriptPatterns(configuredOrigins, await grantedPatterns());
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

/**
 * Keeps the registration in step with the browser: at install and start-up, and whenever a host
 * permission is granted or removed. Call it synchronously at start-up, as every listener.
 */
export function keepContentScriptRegistered(configuredOrigins: () => Promise<string[]>): () => Promise<void> {
  const sync = async () => void (await syncContentScriptRegistration(await configuredOrigins()));
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
  browser.runtime.onInstalled.addListener(() => void sync());
  browser.runtime.onStartup.addListener(() => void sync());
  return sync;
}
