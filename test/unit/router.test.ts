import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '../../lib/messaging/router';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;
const KITSU = 'https://kitsu.studio.example';

function makeRouter(overrides: Partial<Handlers> = {}) {
  const status = vi.fn<Handlers['status']>(async (request, { sender }) => ({
    extensionVersion: '1.2.3',
    origin: sender.kind === 'content-script' ? sender.origin : null,
    hostGranted: sender.kind === 'content-script',
    askedTimes: request.askedTimes,
  }));
  const onError = vi.fn();
  const route = createRouter(
    { status, ...overrides },
    {
      ownId: OWN_ID,
      ownOrigin: OWN_ORIGIN,
      isGrantedOrigin: async (origin) => origin === KITSU,
      onError,
    },
  );
  return { route, status, onError };
}

const fromKitsuTab = { id: OWN_ID, url: `${KITSU}/productions/1/shots`, tabId: 7 };

describe('message router', () => {
  it('answers a valid request from a content script on a granted host', async () => {
    const { route } = makeRouter();
    await expect(route({ type: 'status', askedTimes: 2 }, fromKitsuTab)).resolves.toEqual({
      ok: true,
      data: { extensionVersion: '1.2.3', origin: KITSU, hostGranted: true, askedTimes: 2 },
    });
  });

  it('answers extension pages without a host check', async () => {
    const { route } = makeRouter();
    const answer = await route({ type: 'status', askedTimes: 0 }, { id: OWN_ID, url: `${OWN_ORIGIN}/popup.html` });
    expect(answer).toMatchObject({ ok: true, data: { origin: null } });
  });

  it('refuses other extensions without running a handler', async () => {
    const { route, status } = makeRouter();
    const answer = await route({ type: 'status', askedTimes: 0 }, { ...fromKitsuTab, id: 'someone-else' });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'forbidden-sender', message: 'message from another extension' },
    });
    expect(status).not.toHaveBeenCalled();
  });

  it('refuses content scripts on hosts nobody granted', async () => {
    const { route, status } = makeRouter();
    const answer = await route({ type: 'status', askedTimes: 0 }, { ...fromKitsuTab, url: 'https://evil.example/' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(status).not.toHaveBeenCalled();
  });

  it('refuses messages its schemas do not accept, saying where', async () => {
    const { route, status } = makeRouter();
    const answers = await Promise.all([
      route({ type: 'write-anything', taskId: 'x' }, fromKitsuTab),
      route({ type: 'status', askedTimes: -1 }, fromKitsuTab),
      route('status', fromKitsuTab),
      route(null, fromKitsuTab),
    ]);
    for (const answer of answers) expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(answers[1]).toMatchObject({ error: { message: expect.stringContaining('askedTimes') } });
    expect(status).not.toHaveBeenCalled();
  });

  it('hides handler failures behind a generic error and reports them', async () => {
    const failure = new Error('database exploded at /secret/path');
    const { route, onError } = makeRouter({ status: async () => Promise.reject(failure) });
    const answer = await route({ type: 'status', askedTimes: 1 }, fromKitsuTab);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Sidekick could not answer this request.' },
    });
    expect(onError).toHaveBeenCalledWith(failure);
  });

  it('checks answers too, so a handler cannot leak a field outside the schema', async () => {
    const { route } = makeRouter({
      status: async () => ({ extensionVersion: '1', origin: null, hostGranted: false, askedTimes: 0, token: 'secret' }),
    });
    const answer = await route({ type: 'status', askedTimes: 0 }, fromKitsuTab);
    expect(answer).toEqual({
      ok: true,
      data: { extensionVersion: '1', origin: null, hostGranted: false, askedTimes: 0 },
    });
  });
});
