import { type CacheDescriptor, createCache } from '../cache';
import { createSession, type Session } from './session';
import type { Vault } from './vault';

/**
 * One session per configured origin, made on first use. A service worker restart starts empty
 * again; the cache behind each session lives in IndexedDB and survives.
 */
export function createSessions(
  vault: Vault,
  /** Since when the host's live event stream has been connected, or null: its cache trusts events meanwhile. */
  liveSince: (origin: string) => number | null = () => null,
  /** Panels of the host were answered with outdated data (lib/cache, onServedOutdated): their pages read again. */
  onServedOutdated: (origin: string, descriptor: CacheDescriptor) => void = () => {},
) {
  const sessions = new Map<string, Promise<Session | null>>();

  return {
    for(origin: string): Promise<Session | null> {
      let session = sessions.get(origin);
      if (!session) {
        session = vault.byOrigin(origin).then((connection) =>
          connection
            ? createSession(connection, {
                cache: createCache({
                  host: connection.origin,
                  liveSince: () => liveSince(connection.origin),
                  onServedOutdated: (descriptor) => onServedOutdated(connection.origin, descriptor),
                }),
              })
            : null,
        );
        sessions.set(origin, session);
      }
      return session;
    },
    /** The connection changed or went: drop its session and everything cached for its host. */
    async forget(origin: string): Promise<void> {
      const session = await sessions.get(origin);
      sessions.delete(origin);
      await (session?.cache ?? createCache({ host: origin })).clear();
    },
  };
}
