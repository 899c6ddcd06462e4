import { type CacheOptions, createCache } from '../cache';
import { createSession, type Session } from './session';
import type { Vault } from './vault';

/**
 * One session per configured origin, made on first use. A service worker restart starts empty
 * again; the cache behind each session lives in IndexedDB and survives.
 */
export function createSessions(
  vault: Vault,
  /** What each host's cache learns from its live events (lib/events/live-pages.ts, cacheHooks). */
  liveEventHooks: (origin: string) => Pick<CacheOptions, 'liveSince' | 'onServedOutdated'> = () => ({}),
) {
  const sessions = new Map<string, Promise<Session | null>>();

  return {
    for(origin: string): Promise<Session | null> {
      let session = sessions.get(origin);
      if (!session) {
        session = vault.byOrigin(origin).then((connection) =>
          connection
            ? createSession(connection, {
                cache: createCache({ host: connection.origin, ...liveEventHooks(connection.origin) }),
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
