import { describe, expect, it } from 'vitest';
import { describeKitsuError, isKitsuApiError, KitsuApiError } from '../../lib/kitsu';
import { allowedSenders } from '../../lib/messaging/protocol';
import { createRouter, type Handlers } from '../../lib/messaging/router';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const KITSU = 'https://kitsu.studio.example';
const fromKitsuTab = { id: OWN_ID, url: `${KITSU}/productions/1/shots`, tabId: 7, frameId: 0 };

/** A router whose every handler fails with `error`, described the way the background describes Kitsu's failures. */
function failingRouter(error: unknown) {
  const fail = async () => Promise.reject(error);
  const handlers = Object.fromEntries(Object.keys(allowedSenders).map((type) => [type, fail])) as unknown as Handlers;
  return createRouter(handlers, {
    ownId: OWN_ID,
    ownOrigin: `chrome-extension://${OWN_ID}`,
    isConfiguredOrigin: async (origin) => origin === KITSU,
    describeFailure: (failure) => (isKitsuApiError(failure) ? describeKitsuError(failure) : undefined),
  });
}

describe('router: failures reach the panels as what to do', () => {
  it.each([
    [new KitsuApiError({ kind: 'server', route: 'GET /data/projects/:projectId', status: 503 }), /HTTP 503/],
    [new KitsuApiError({ kind: 'network', route: 'GET /data/tasks/:taskId' }), /could not reach Kitsu/],
    [new KitsuApiError({ kind: 'auth-revoked', route: 'GET /auth/authenticated', status: 401 }), /revoked.*reconnect/],
  ])('a Kitsu failure (%s) is told specifically', async (error, message) => {
    const answer = await failingRouter(error)(
      { type: 'agent/suggestions', url: `${KITSU}/productions/1` },
      fromKitsuTab,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(message) } });
  });

  it('any other failure stays generic: its text may carry anything', async () => {
    const answer = await failingRouter(new TypeError(`token eyJ.secret in ${KITSU}/api`))(
      { type: 'agent/suggestions', url: `${KITSU}/productions/1` },
      fromKitsuTab,
    );
    expect(answer).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Sidekick could not answer this request.' },
    });
  });
});
