// Fetches of the cache under way (Flight), and those an invalidation superseded while they were.
import type { CacheDescriptor, CacheOptions } from './cache';

export interface Flight {
  descriptor: CacheDescriptor;
  promise: Promise<{ value: unknown; current: boolean }>;
  /** Set by an invalidation that came while the fetch was under way: its answer may predate it. */
  superseded: boolean;
  /** Its request is under way (a fetch may first wait for a superseded one of the same key to end). */
  fetching: boolean;
  notifiesRevalidation: boolean;
  /** It refreshes an outdated entry that an 'swr' read served: once stored, its readers are told to read again. */
  refreshesOutdated: boolean;
  /** Superseded, and an 'swr' read took its answer anyway: its readers are told to read again. */
  servedOutdated: boolean;
}

/**
 * Fetches an invalidation superseded whose request is still under way, by key. The next fetch of the
 * key waits for the latest to end (one request per key in flight, however many events arrive while a
 * list is being read), and an 'swr' read may take its answer (createReader).
 */
export function createSupersededFetches(onServedOutdated: CacheOptions['onServedOutdated']) {
  const draining = new Map<string, Promise<unknown>>();
  const offered = new Map<string, Flight>();
  return {
    /** What a new fetch of the key waits for. */
    before: (key: string) => draining.get(key),

    /** `offer`: an 'swr' read may take its answer (not after clear(): a connection that went is never served). */
    add(key: string, flight: Flight, { offer }: { offer: boolean }) {
      // One still waiting to start asks nothing of Kitsu: the fetch it waits for stays the one to wait for.
      if (!flight.fetching) return;
      const settled = flight.promise.then(
        () => undefined,
        () => undefined,
      );
      draining.set(key, settled);
      if (offer) offered.set(key, flight);
      void settled.then(() => {
        if (draining.get(key) === settled) draining.delete(key);
        if (offered.get(key) === flight) offered.delete(key);
        if (flight.servedOutdated) onServedOutdated?.(flight.descriptor);
      });
    },

    /**
     * The answer of the key's outdated fetch under way; its readers are told to read again once it
     * ends. Undefined when there is none or it fails: the read asks Kitsu itself.
     */
    async answer(key: string): Promise<{ value: unknown } | undefined> {
      const flight = offered.get(key);
      if (!flight) return undefined;
      flight.servedOutdated = true;
      try {
        return { value: (await flight.promise).value };
      } catch {
        return undefined;
      }
    },

    withdrawAll: () => offered.clear(),
  };
}
