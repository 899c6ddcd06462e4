// What the browser must allow before Sidekick sends a prompt to a model server: the server's origin
// (a host permission) and, in Firefox, the person's consent to the data that leaves (the manifest's
// optional data collection). Asked from the settings' Save click, checked again before each call,
// given back when no longer used.

import { browser } from 'wxt/browser';
import { matchPatternFor } from '../connections/origins';
import { t } from '../i18n/pure';
import { AI_DATA_COLLECTION } from './data-collection';
import { AiError } from './errors';
import { chatCompletionsUrl } from './openai-compatible';
import type { AiSettings } from './settings';

export type BrowserFacts = {
  /**
   * Whether host match patterns honour a port. Chrome: yes, and a pattern without a port matches every
   * port, so the pattern names the port, the scheme's default one included. Firefox: no, its match
   * patterns take no port (a pattern with one never matches: Firefox bugs 1362809 and 1468162), so the
   * grant is the whole host, every port: the narrowest Firefox can give.
   */
  portsInPatterns: boolean;
  /** Firefox asks people's consent to data an extension transmits (`data_collection_permissions`). */
  dataCollectionConsent: boolean;
};

export const THIS_BROWSER: BrowserFacts = {
  portsInPatterns: !import.meta.env.FIREFOX,
  dataCollectionConsent: Boolean(import.meta.env.FIREFOX),
};

/** A `permissions.request`/`contains`/`remove` argument; `data_collection` is Firefox's. */
export type AiPermissions = { origins: string[]; data_collection?: string[] };

/** The host permission for exactly this origin, as precise as the browser's match patterns allow. */
export function endpointPattern(origin: string, facts: Pick<BrowserFacts, 'portsInPatterns'>): string {
  if (!facts.portsInPatterns) return matchPatternFor(origin);
  const url = new URL(origin);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.protocol}//${url.hostname}:${port}/*`;
}

/** What settings need the browser to allow, or null (off, or the browser's built-in model: nothing leaves). */
export function aiPermissionsFor(
  settings: Pick<AiSettings, 'provider' | 'endpoint'>,
  facts: BrowserFacts,
): AiPermissions | null {
  if (settings.provider !== 'openai-compatible') return null;
  const endpoint = chatCompletionsUrl(settings.endpoint);
  if (!endpoint.ok) return null;
  return {
    origins: [endpointPattern(endpoint.origin, facts)],
    ...(facts.dataCollectionConsent ? { data_collection: [...AI_DATA_COLLECTION] } : {}),
  };
}

export type PermissionsPort = {
  contains(permissions: AiPermissions): Promise<boolean>;
  remove(permissions: AiPermissions): Promise<unknown>;
};

/** The browser's permissions API, with Firefox's `data_collection` field the polyfill's types lack. */
export const browserPermissions: PermissionsPort & { request(permissions: AiPermissions): Promise<boolean> } = {
  contains: (permissions) => browser.permissions.contains(permissions as never),
  remove: (permissions) => browser.permissions.remove(permissions as never),
  request: (permissions) => browser.permissions.request(permissions as never),
};

/** Refuses, in words, settings whose server the browser does not allow yet. */
export async function assertAiPermitted(
  settings: Pick<AiSettings, 'provider' | 'endpoint'>,
  permissions: PermissionsPort,
  facts: BrowserFacts,
  /** What to do, e.g. "click Save again". */
  advice: string,
): Promise<void> {
  const needed = aiPermissionsFor(settings, facts);
  if (!needed || (await permissions.contains(needed))) return;
  const where = chatCompletionsUrl(settings.endpoint);
  const origin = where.ok ? where.origin : settings.endpoint;
  throw new AiError(
    'permission',
    facts.dataCollectionConsent
      ? t('errorAiMayNotSend', { origin, advice })
      : t('errorAiMayNotReach', { origin, advice }),
  );
}

/**
 * Lowest privilege when settings change: what the previous settings needed and the new ones do not is
 * given back — unless a Kitsu connection uses the same host pattern (Firefox's patterns have no port,
 * so a model server on the Kitsu's host shares its grant).
 */
export async function releaseUnusedAiPermissions(
  previous: AiPermissions | null,
  next: AiPermissions | null,
  kitsuOrigins: readonly string[],
  permissions: PermissionsPort,
): Promise<void> {
  if (!previous) return;
  const kitsuPatterns = new Set(kitsuOrigins.map(matchPatternFor));
  const origins = previous.origins.filter((pattern) => !next?.origins.includes(pattern) && !kitsuPatterns.has(pattern));
  const data = (previous.data_collection ?? []).filter((category) => !next?.data_collection?.includes(category));
  if (origins.length === 0 && data.length === 0) return;
  await permissions.remove({ origins, ...(data.length > 0 ? { data_collection: data } : {}) });
}
