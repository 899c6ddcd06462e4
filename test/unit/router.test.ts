import { describe, expect, it, vi } from 'vitest';
import { allowedSenders } from '../../lib/messaging/protocol';
import { createRouter, type Handlers, RefusedError } from '../../lib/messaging/router';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;
const KITSU = 'https://kitsu.studio.example';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.secret-token-value.sig';

const OVERVIEW = {
  where: 'Shots',
  connection: { label: 'Studio', state: 'connected', message: 'Connected to Studio as Bot.' },
  names: { production: 'Fox Tales' },
} as const;

function makeRouter(overrides: Partial<Handlers> = {}) {
  const overview = vi.fn<Handlers['page/overview']>(async () => structuredClone(OVERVIEW));
  const list = vi.fn<Handlers['connections/list']>(async () => ({ connections: [] }));
  const unused = async () => Promise.reject(new Error('not used in this test'));
  const onError = vi.fn();
  const onRefused = vi.fn();
  // Every message type needs a handler; these tests only exercise a few of them.
  const notUsed = Object.fromEntries(Object.keys(allowedSenders).map((type) => [type, unused])) as unknown as Handlers;
  const route = createRouter(
    { ...notUsed, 'page/overview': overview, 'connections/list': list, ...overrides },
    {
      ownId: OWN_ID,
      ownOrigin: OWN_ORIGIN,
      isConfiguredOrigin: async (origin) => origin === KITSU,
      onError,
      onRefused,
    },
  );
  return { route, overview, list, onError, onRefused };
}

const fromKitsuTab = { id: OWN_ID, url: `${KITSU}/productions/1/shots`, tabId: 7, frameId: 0 };
const fromOptionsPage = { id: OWN_ID, url: `${OWN_ORIGIN}/options.html`, tabId: 3, frameId: 0 };
const fromPopup = { id: OWN_ID, url: `${OWN_ORIGIN}/popup.html` };

describe('message router', () => {
  it('answers a valid request from a content script on a configured host, telling the handler where it comes from', async () => {
    const { route, overview } = makeRouter();
    await expect(route({ type: 'page/overview', url: `${KITSU}/productions` }, fromKitsuTab)).resolves.toEqual({
      ok: true,
      data: OVERVIEW,
    });
    expect(overview.mock.calls[0]?.[1]).toEqual({
      sender: { kind: 'content-script', origin: KITSU, tabId: 7 },
    });
  });

  it('tells the handler which document of the tab asked, when the browser names it', async () => {
    const { route, overview } = makeRouter();
    await route({ type: 'page/overview', url: `${KITSU}/productions` }, { ...fromKitsuTab, documentId: 'DOC-1' });
    expect(overview.mock.calls[0]?.[1]).toEqual({
      sender: { kind: 'content-script', origin: KITSU, tabId: 7, documentId: 'DOC-1' },
    });
  });

  it('answers extension pages, in a tab or as the popup', async () => {
    const { route } = makeRouter();
    for (const sender of [fromOptionsPage, fromPopup]) {
      expect(await route({ type: 'connections/list' }, sender)).toEqual({ ok: true, data: { connections: [] } });
    }
  });

  it.each([
    ['another extension', { ...fromKitsuTab, id: 'someone-else' }, 'message from another extension'],
    [
      'a host nobody configured',
      { ...fromKitsuTab, url: 'https://evil.example/' },
      'https://evil.example is not a configured Kitsu host',
    ],
    ['a sub-frame of the Kitsu page', { ...fromKitsuTab, frameId: 4 }, 'content script in a sub-frame'],
    ['an extension page framed in a page', { ...fromOptionsPage, frameId: 2 }, 'extension page inside a frame'],
    [
      'an extension page asking for a page overview',
      fromOptionsPage,
      'page/overview is not accepted from a extension-page',
    ],
    ['a sender without URL', { id: OWN_ID }, 'sender has no URL'],
  ])('refuses %s without running a handler', async (_name, sender, reason) => {
    const { route, overview, onRefused } = makeRouter();
    const answer = await route({ type: 'page/overview', url: `${KITSU}/productions` }, sender);
    expect(answer).toEqual({ ok: false, error: { code: 'forbidden-sender', message: reason } });
    expect(overview).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalledWith(`forbidden-sender: ${reason}`);
  });

  it('accepts connection and token messages only from extension pages', async () => {
    const { route, list } = makeRouter();
    const answer = await route({ type: 'connections/list' }, fromKitsuTab);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'forbidden-sender', message: 'connections/list is not accepted from a content-script' },
    });
    expect(list).not.toHaveBeenCalled();
  });

  it('runs a plan only when the confirm window asks, never a Kitsu page or another extension page', async () => {
    const execute = vi.fn<Handlers['plans/execute']>(async () => ({ started: true }));
    const { route } = makeRouter({ 'plans/execute': execute });
    const request = { type: 'plans/execute', planId: 'p1' };
    const fromConfirmPage = { id: OWN_ID, url: `${OWN_ORIGIN}/confirm.html#p1`, tabId: 9, frameId: 0 };
    expect(await route(request, fromKitsuTab)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await route(request, fromOptionsPage)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await route(request, fromPopup)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await route(request, { ...fromConfirmPage, frameId: 1 })).toMatchObject({ ok: false });
    expect(execute).not.toHaveBeenCalled();
    expect(await route(request, fromConfirmPage)).toEqual({ ok: true, data: { started: true } });
    expect(execute).toHaveBeenCalledTimes(1);
  });

  it('escapes a plan’s hashtags only when the confirm window asks', async () => {
    const escapeHashtags = vi.fn<Handlers['plans/escape-hashtags']>(async () => ({ planId: 'p2' }));
    const { route } = makeRouter({ 'plans/escape-hashtags': escapeHashtags });
    const request = { type: 'plans/escape-hashtags', planId: 'p1' };
    const fromConfirmPage = { id: OWN_ID, url: `${OWN_ORIGIN}/confirm.html#p1`, tabId: 9, frameId: 0 };
    for (const sender of [fromKitsuTab, fromOptionsPage, fromPopup]) {
      expect(await route(request, sender)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(escapeHashtags).not.toHaveBeenCalled();
    expect(await route(request, fromConfirmPage)).toEqual({ ok: true, data: { planId: 'p2' } });
  });

  it('logs refusals without the payload, so a token in a bad message never reaches a log', async () => {
    const { route, onRefused } = makeRouter();
    await route({ type: 'connections/save', label: 'x', origin: KITSU, token: TOKEN }, fromKitsuTab);
    await route({ type: 'connections/save', label: '', origin: 'nope', token: TOKEN }, fromOptionsPage);
    expect(onRefused).toHaveBeenCalledTimes(2);
    expect(JSON.stringify(onRefused.mock.calls)).not.toContain(TOKEN);
  });

  it('refuses messages its schemas do not accept, saying where', async () => {
    const { route, overview } = makeRouter();
    const answers = await Promise.all([
      route({ type: 'write-anything', taskId: 'x' }, fromKitsuTab),
      route({ type: 'settings/set-paused', paused: 'yes' }, fromOptionsPage),
      route({ type: 'page/overview', url: 'not a url' }, fromKitsuTab),
      route(null, fromKitsuTab),
    ]);
    for (const answer of answers) expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(answers[1]).toMatchObject({ error: { message: expect.stringContaining('paused') } });
    expect(overview).not.toHaveBeenCalled();
  });

  it('has one message that leads to a Kitsu write, a confirmed plan, accepted from the confirm window only', async () => {
    const { requestSchema } = await import('../../lib/messaging/protocol');
    const types = requestSchema.def.options.flatMap((option) => option.shape.type.def.values);
    expect(
      types.filter((type) =>
        /write|assign|status-change|update-task|execute|delete|set-(status|priority|date|estimate)/.test(type),
      ),
    ).toEqual(['plans/execute']);
    expect(allowedSenders['plans/execute']).toEqual(['confirm-page']);
    // Proposals from Kitsu pages only open the confirm window.
    expect(
      types.filter((type) => allowedSenders[type as keyof typeof allowedSenders].includes('content-script')).sort(),
    ).toEqual([
      'agent/dismiss',
      'agent/review-plan',
      'agent/suggestions',
      // Opens Sidekick's own window on the task's thread; the page sends nothing to a model.
      'ai/summarise-thread',
      'bulk/choices',
      'bulk/propose',
      'bulk/select',
      'dock/load-panels',
      'page/overview',
      // Opens Sidekick's publish window; files are chosen there, never on the page.
      'publish/open',
    ]);
  });

  it('passes refusals written for people through, and hides other failures', async () => {
    const failure = new Error('database exploded at /secret/path');
    const { route, onError } = makeRouter({
      'page/overview': async () => Promise.reject(failure),
      'connections/list': async () => Promise.reject(new RefusedError('Paste the bot token.')),
    });
    expect(await route({ type: 'page/overview', url: `${KITSU}/productions` }, fromKitsuTab)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Sidekick could not answer this request.' },
    });
    expect(onError).toHaveBeenCalledWith(failure);
    expect(await route({ type: 'connections/list' }, fromOptionsPage)).toEqual({
      ok: false,
      error: { code: 'refused', message: 'Paste the bot token.' },
    });
  });

  it('checks answers too, so a handler cannot leak a field outside the schema', async () => {
    const { route } = makeRouter({
      'page/overview': async () => ({ ...structuredClone(OVERVIEW), token: TOKEN }),
    });
    const answer = await route({ type: 'page/overview', url: `${KITSU}/productions` }, fromKitsuTab);
    expect(answer).toEqual({ ok: true, data: OVERVIEW });
    expect(JSON.stringify(answer)).not.toContain(TOKEN);
  });
});
