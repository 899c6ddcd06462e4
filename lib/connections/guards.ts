// The checks every handler that works on a Kitsu makes first: who asks, about which Kitsu, and that
// this Kitsu still has a connection. They refuse in words for the person (the router's RefusedError).
import { t } from '../i18n/pure';
import { type HandlerContext, RefusedError } from '../messaging/router';
import { originOf } from '../messaging/sender';
import type { Session } from './session';

export type GuardPorts = {
  sessionFor: (origin: string) => Promise<Session | null>;
  /** A connection the person configured, whose host permission the browser granted. */
  isConfiguredOrigin: (origin: string) => Promise<boolean>;
};

type Sender = HandlerContext['sender'];
export type ContentScriptSender = Extract<Sender, { kind: 'content-script' }>;

export function createSessionGuards(ports: GuardPorts) {
  function contentScript(sender: Sender): ContentScriptSender {
    if (sender.kind !== 'content-script') throw new RefusedError(t('refusalOnlyKitsuPage'));
    return sender;
  }

  return {
    contentScript,

    /** A Kitsu page asks about itself: the session of its own Kitsu, the one the browser stamped. */
    async pageSession(url: string, sender: Sender): Promise<Session> {
      const page = contentScript(sender);
      if (originOf(url) !== page.origin) throw new RefusedError(t('refusalPageNotOnTabKitsu'));
      const session = await ports.sessionFor(page.origin);
      if (!session) throw new RefusedError(t('refusalNoConnection'));
      return session;
    },

    /** An extension page names the Kitsu page it was opened from: it must be a configured connection's. */
    async configuredSession(url: string): Promise<Session> {
      const origin = originOf(url);
      const session = origin && (await ports.isConfiguredOrigin(origin)) ? await ports.sessionFor(origin) : null;
      if (!session) throw new RefusedError(t('refusalNoConnection'));
      return session;
    },

    /** A Kitsu named in a request (a plan's host, a thread's host): its session, or a refusal. */
    async hostSession(origin: string): Promise<Session> {
      const session = await ports.sessionFor(origin);
      if (!session) throw new RefusedError(t('refusalHostNoConnection', { origin }));
      return session;
    },
  };
}
export type SessionGuards = ReturnType<typeof createSessionGuards>;
