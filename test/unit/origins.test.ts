import { describe, expect, it } from 'vitest';
import {
  grantedHostPatterns,
  isLoopbackHost,
  kitsuCleartextWarning,
  matchPatternFor,
  normalizeKitsuOrigin,
  originMatchesPattern,
} from '../../lib/connections/origins';

describe('normalizeKitsuOrigin', () => {
  it.each([
    ['https://kitsu.studio.example/productions/1/shots?search=x', 'https://kitsu.studio.example'],
    ['kitsu.studio.example', 'https://kitsu.studio.example'],
    ['  http://127.0.0.1:8080/ ', 'http://127.0.0.1:8080'],
    ['HTTPS://Kitsu.Studio.Example', 'https://kitsu.studio.example'],
  ])('%s → %s', (input, origin) => {
    expect(normalizeKitsuOrigin(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['', 'Enter the address'],
    ['ftp://kitsu.example', 'http or https'],
    ['https://user:pw@kitsu.example', 'user names and passwords'],
    ['http://exa mple', 'not a web address'],
  ])('refuses %j with a reason', (input, reason) => {
    const result = normalizeKitsuOrigin(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });
});

describe('plain http', () => {
  it('counts loopback as safe: traffic to it never leaves the machine', () => {
    for (const host of ['localhost', 'LOCALHOST', 'kitsu.localhost', '127.0.0.1', '127.1.2.3', '[::1]']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['kitsu.studio.example', '10.0.0.5', '192.168.1.10', 'localhost.example', '128.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('warns that a Kitsu over plain http, off loopback, sends the token in clear', () => {
    expect(kitsuCleartextWarning('http://kitsu.studio.lan')).toBe(
      'http://kitsu.studio.lan uses plain http: the bot token and every Kitsu answer travel in clear on the network, where anyone on the way can read or change them. Use https unless this network is fully trusted.',
    );
    for (const origin of ['https://kitsu.studio.example', 'http://127.0.0.1:8080', 'http://localhost', 'not a url']) {
      expect(kitsuCleartextWarning(origin), origin).toBeNull();
    }
  });
});

describe('match patterns', () => {
  it('asks for exactly one host, all ports', () => {
    expect(matchPatternFor('http://127.0.0.1:8080')).toBe('http://127.0.0.1/*');
    expect(matchPatternFor('https://kitsu.studio.example')).toBe('https://kitsu.studio.example/*');
  });

  it('matches origins the way browsers do', () => {
    expect(originMatchesPattern('http://127.0.0.1:8080', 'http://127.0.0.1/*')).toBe(true);
    expect(originMatchesPattern('https://127.0.0.1', 'http://127.0.0.1/*')).toBe(false);
    expect(originMatchesPattern('http://localhost:8080', 'http://127.0.0.1/*')).toBe(false);
    expect(originMatchesPattern('https://a.studio.example', 'https://*.studio.example/*')).toBe(true);
    expect(originMatchesPattern('https://studio.example.evil', 'https://*.studio.example/*')).toBe(false);
    expect(originMatchesPattern('https://kitsu.example', 'not a pattern')).toBe(false);
  });

  it('counts only hosts a person granted, never the manifest wildcards', () => {
    expect(
      grantedHostPatterns(['https://*/*', 'http://*/*', 'https://kitsu.b.example/*', 'http://127.0.0.1/*']),
    ).toEqual(['http://127.0.0.1/*', 'https://kitsu.b.example/*']);
  });
});
