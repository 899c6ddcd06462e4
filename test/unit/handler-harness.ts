// Handlers under test answer through the real router, as in the background: the sender is classified,
// the request and the answer parsed, the domain's refusals passed on as refusals.
import { createSessionGuards } from '../../lib/connections/guards';
import type { Session } from '../../lib/connections/session';
import { allowedSenders } from '../../lib/messaging/protocol';
import { createRouter, type Handlers } from '../../lib/messaging/router';

export const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;
export const KITSU = 'https://kitsu.studio.example';
export const PRODUCTION = '9b1c6f2e-4f5a-4c8e-9d0a-1b2c3d4e5f60';
export const TASK = '7a5c0000-6666-4777-9888-9999aaaabbbb';

export const from = {
  kitsuTab: { id: OWN_ID, url: `${KITSU}/productions/${PRODUCTION}/shots`, tabId: 7, frameId: 0 },
  optionsPage: { id: OWN_ID, url: `${OWN_ORIGIN}/options.html`, tabId: 3, frameId: 0 },
  publishPage: { id: OWN_ID, url: `${OWN_ORIGIN}/publish.html`, tabId: 4, frameId: 0 },
  confirmPage: { id: OWN_ID, url: `${OWN_ORIGIN}/confirm.html#p1`, tabId: 9, frameId: 0 },
};

/** A router with the given handlers; every other request fails the test that sends it. */
export function routeTo(handlers: Partial<Handlers>) {
  const unused = async () => Promise.reject(new Error('not used in this test'));
  const notUsed = Object.fromEntries(Object.keys(allowedSenders).map((type) => [type, unused])) as unknown as Handlers;
  return createRouter(
    { ...notUsed, ...handlers },
    { ownId: OWN_ID, ownOrigin: OWN_ORIGIN, isConfiguredOrigin: async (origin) => origin === KITSU },
  );
}

/** The background's guards over one configured Kitsu whose session is `session`. */
export function guardsFor(session: Session | null) {
  return createSessionGuards({
    sessionFor: async (origin) => (origin === KITSU ? session : null),
    isConfiguredOrigin: async (origin) => origin === KITSU,
  });
}

/** A session as far as the guards and the views need it: its connection. */
export function sessionWith(fields: Record<string, unknown> = {}): Session {
  return { connection: { origin: KITSU, label: 'Studio' }, ...fields } as unknown as Session;
}

// What the router sends back: the handler's data, or its refusal in its own words.
export const answered = (data: unknown) => ({ ok: true, data });
export const refused = (message: string) => ({ ok: false, error: { code: 'refused', message } });
