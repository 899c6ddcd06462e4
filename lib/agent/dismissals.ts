// Suggestions a person dismissed (for good) or snoozed (for some days), per Kitsu host, in
// browser.storage.local: not secret, suggestion ids only.
import { dismiss, pruneDismissals, snooze } from './engine';
import { type Dismissals, DismissalsSchema } from './types';

export const dismissalsKey = (origin: string) => `sidekick-dismissals:${origin}`;

/** Stored dismissals, or none when absent or unreadable (a damaged entry shows suggestions again). */
export function readDismissals(stored: unknown): Dismissals {
  const parsed = DismissalsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : {};
}

/** Dismisses (days null: for good) or snoozes a suggestion, dropping expired snoozes on the way. */
export function withDismissal(
  dismissals: Dismissals,
  suggestionId: string,
  days: number | null,
  now: Date,
): Dismissals {
  const kept = pruneDismissals(dismissals, now);
  return days === null ? dismiss(kept, suggestionId) : snooze(kept, suggestionId, now, days);
}

/** The part of `browser.storage.local` the store uses. */
export type KeyValueArea = {
  get: (key: string) => Promise<Record<string, unknown>>;
  set: (items: Record<string, unknown>) => Promise<void>;
};

export function createDismissalStore(area: KeyValueArea) {
  // A change reads, changes and writes back: one change at a time, so quick clicks all count.
  let changing: Promise<unknown> = Promise.resolve();

  async function read(origin: string): Promise<Dismissals> {
    const key = dismissalsKey(origin);
    return readDismissals((await area.get(key))[key]);
  }

  return {
    read,
    async add(origin: string, suggestionId: string, days: number | null, now: Date): Promise<void> {
      const change = changing.then(async () => {
        const dismissals = withDismissal(await read(origin), suggestionId, days, now);
        await area.set({ [dismissalsKey(origin)]: dismissals });
      });
      changing = change.catch(() => {});
      await change;
    },
  };
}
export type DismissalStore = ReturnType<typeof createDismissalStore>;
