/**
 * Kitsu hosts are whatever origins a person configures. These helpers turn what a person
 * types into the exact origin and match pattern Sidekick asks permission for: nothing broader.
 */

export type OriginResult = { ok: true; origin: string } | { ok: false; reason: string };

export function normalizeKitsuOrigin(input: string): OriginResult {
  const trimmed = input.trim();
  if (trimmed === '')
    return { ok: false, reason: 'Enter the address of your Kitsu, e.g. https://kitsu.studio.example' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: `"${trimmed}" is not a web address` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'Kitsu is reached over http or https' };
  }
  if (url.username || url.password) {
    return { ok: false, reason: 'Leave user names and passwords out of the address' };
  }
  return { ok: true, origin: url.origin };
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
