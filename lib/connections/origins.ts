/**
 * Kitsu hosts are whatever origins a person configures. These helpers turn what a person
 * types into the exact origin and match pattern Sidekick asks permission for: nothing broader.
 */

import { t } from '../i18n/pure';

export type OriginResult = { ok: true; origin: string } | { ok: false; reason: string };

export function normalizeKitsuOrigin(input: string): OriginResult {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: t('errorKitsuAddressMissing') };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: t('errorKitsuAddressInvalid', { input: trimmed }) };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: t('errorKitsuAddressScheme') };
  }
  if (url.username || url.password) {
    return { ok: false, reason: t('errorKitsuAddressCredentials') };
  }
  return { ok: true, origin: url.origin };
}

/**
 * Loopback hosts: traffic to them never leaves the machine, so plain http there is not readable on the
 * network. `*.localhost` resolves to loopback in Chrome and Firefox.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]' || host === '::1') return true;
  return /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Plain http to a host other than loopback: whatever is sent can be read (and changed) on the way. */
export function travelsInClear(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}

/** The warning the options page shows for a Kitsu address, or null when the address is safe to use. */
export function kitsuCleartextWarning(origin: string): string | null {
  if (!travelsInClear(origin)) return null;
  return t('errorKitsuCleartext', { origin });
}

/** Match patterns ignore ports, so one pattern covers every port of that host. */
export function matchPatternFor(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

export function originMatchesPattern(origin: string, pattern: string): boolean {
  const match = /^(https?|\*):\/\/([^/]+)\/\*$/.exec(pattern);
  if (!match) return false;
  const [, scheme, host] = match;
  const url = new URL(origin);
  const schemeOk =
    scheme === '*' ? url.protocol === 'http:' || url.protocol === 'https:' : url.protocol === `${scheme}:`;
  if (!schemeOk || host === undefined) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) {
    const suffix = host.slice(2);
    return url.hostname === suffix || url.hostname.endsWith(`.${suffix}`);
  }
  return url.hostname === host;
}

/** Only exact host patterns a person granted count; the manifest's optional wildcards never do. */
export function grantedHostPatterns(grantedOrigins: readonly string[]): string[] {
  return grantedOrigins.filter((pattern) => /^https?:\/\/[^*/]+\/\*$/.test(pattern)).sort();
}
