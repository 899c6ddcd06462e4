// How hard Sidekick may press one Kitsu host: at most N requests in flight (a person's browser tab sends
// about as many), and a pause for the whole host when it answers 429 or 503 with Retry-After. zou has no
// rate limiter of its own; a studio's proxy in front of it may have one.

/** Requests in flight per host unless the connection says otherwise. */
export const DEFAULT_MAX_IN_FLIGHT = 4;
export const MAX_IN_FLIGHT_LIMIT = 16;
/** A Retry-After longer than this is capped: a host that wants more gets asked again then, and waits again. */
export const MAX_RETRY_AFTER_MS = 120_000;
/** A 429/503 without a usable Retry-After pauses the host this long. */
export const DEFAULT_PAUSE_MS = 1_000;

export interface PacerClock {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Retry-After in milliseconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3), capped; null when
 * absent or unreadable.
 */
export function retryAfterMs(header: string | null | undefined, now: number): number | null {
  if (!header) return null;
  const text = header.trim();
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    // An HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"); a bare number like "-1" is not one.
    const date = /GMT$/i.test(text) ? Date.parse(text) : Number.NaN;
    if (Number.isNaN(date)) return null;
    ms = date - now;
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

/** Statuses that mean "this host is overloaded: wait before asking it anything". */
export const isOverloaded = (status: number) => status === 429 || status === 503;

export interface Pacer {
  /** Waits for a slot (and for any pause to end); the function returned gives the slot back. */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /** The host asked to wait: no request starts before `ms` from now. */
  pause(ms: number): void;
  inFlight(): number;
}

export function createPacer(maxInFlight: number, clock: PacerClock): Pacer {
  const limit = Math.min(MAX_IN_FLIGHT_LIMIT, Math.max(1, Math.floor(maxInFlight)));
  let inFlight = 0;
  let pausedUntil = 0;
  const waiting: (() => void)[] = [];

  const release = () => {
    inFlight -= 1;
    const next = waiting.shift();
    if (next) {
      inFlight += 1;
      next();
    }
  };

  async function waitForSlot(signal?: AbortSignal): Promise<void> {
    if (inFlight < limit) {
      inFlight += 1;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const take = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const index = waiting.indexOf(take);
        if (index >= 0) waiting.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      waiting.push(take);
    });
  }

  return {
    async acquire(signal) {
      signal?.throwIfAborted();
      await waitForSlot(signal);
      try {
        // A pause that began while this request waited for its slot still applies to it, and so does one
        // that began during the wait (each pause is waited for once).
        for (let waited = 0; pausedUntil > waited; ) {
          waited = pausedUntil;
          const wait = waited - clock.now();
          if (wait > 0) await clock.sleep(wait, signal);
        }
      } catch (error) {
        release();
        throw error;
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release();
      };
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, clock.now() + ms);
    },
    inFlight: () => inFlight,
  };
}

/** One pacer per host in this worker, shared by every client of it (panels, jobs, probes). */
const pacers = new Map<string, { maxInFlight: number; pacer: Pacer }>();

export function pacerFor(origin: string, maxInFlight: number, clock: PacerClock): Pacer {
  const known = pacers.get(origin);
  if (known && known.maxInFlight === maxInFlight) return known.pacer;
  // A changed setting takes effect for requests started from now on.
  const pacer = createPacer(maxInFlight, clock);
  pacers.set(origin, { maxInFlight, pacer });
  return pacer;
}
