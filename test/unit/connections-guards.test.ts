import { describe, expect, it } from 'vitest';
import { RefusedError } from '../../lib/messaging/router';
import { guardsFor, KITSU, sessionWith } from './handler-harness';

const page = { kind: 'content-script', origin: KITSU, tabId: 7 } as const;

describe('session guards', () => {
  it('give a Kitsu page the session of its own Kitsu only', async () => {
    const session = sessionWith();
    const guards = guardsFor(session);
    expect(await guards.pageSession(`${KITSU}/productions`, page)).toBe(session);
    await expect(guards.pageSession('https://other.example/productions', page)).rejects.toThrow(
      new RefusedError('That page is not on this tab’s Kitsu.'),
    );
    await expect(guards.pageSession(`${KITSU}/productions`, { kind: 'extension-page' })).rejects.toThrow(
      new RefusedError('Only a Kitsu page can ask this.'),
    );
    await expect(guardsFor(null).pageSession(`${KITSU}/productions`, page)).rejects.toThrow(
      new RefusedError('This Kitsu has no connection any more.'),
    );
  });

  it('give an extension page the session of a configured Kitsu it names, and a plan’s host its session', async () => {
    const session = sessionWith();
    const guards = guardsFor(session);
    expect(await guards.configuredSession(`${KITSU}/productions/1/shots`)).toBe(session);
    await expect(guards.configuredSession('https://other.example/productions')).rejects.toThrow(
      new RefusedError('This Kitsu has no connection any more.'),
    );
    await expect(guards.configuredSession('not a url')).rejects.toThrow(RefusedError);
    expect(await guards.hostSession(KITSU)).toBe(session);
    await expect(guards.hostSession('https://other.example')).rejects.toThrow(
      new RefusedError('https://other.example has no connection any more.'),
    );
  });
});
