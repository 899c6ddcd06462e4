/**
 * Kitsu can show two pages in quick succession: on a TV show, the top bar replaces the pseudo-episode
 * `all`/`main` of the first route by the first episode as soon as the episodes are loaded (cgwire/kitsu
 * src/components/tops/Topbar.vue), and a person may click through several pages fast. Reading each of
 * them would show the first one for an instant (a flash) and read it for nothing. Page changes are
 * therefore held until the page has stayed the same for `settleMs`, then the last one is committed;
 * `maxWaitMs` bounds the wait while changes keep coming. A change back to the committed page (same key)
 * cancels the pending one. URLs of the same page (same key: view state such as `?task_id=` or
 * `?search=` changed) are no change at all.
 */
export type ContextSettler = {
  /** A URL the tab now shows. */
  push: (url: string) => void;
  stop: () => void;
};

export function settleContexts(
  commit: (url: string) => void,
  { keyOf, settleMs, maxWaitMs }: { keyOf: (url: string) => string; settleMs: number; maxWaitMs: number },
): ContextSettler {
  let committedKey: string | undefined;
  let pending: { url: string; since: number; timer: ReturnType<typeof setTimeout> } | undefined;

  const flush = () => {
    if (!pending) return;
    const { url } = pending;
    clearTimeout(pending.timer);
    pending = undefined;
    committedKey = keyOf(url);
    commit(url);
  };

  return {
    push(url) {
      const key = keyOf(url);
      if (key === committedKey) {
        if (pending) clearTimeout(pending.timer);
        pending = undefined;
        return;
      }
      if (pending && keyOf(pending.url) === key) {
        pending.url = url;
        return;
      }
      const since = pending?.since ?? Date.now();
      if (pending) clearTimeout(pending.timer);
      const wait = Math.max(0, Math.min(settleMs, since + maxWaitMs - Date.now()));
      pending = { url, since, timer: setTimeout(flush, wait) };
    },
    stop() {
      if (pending) clearTimeout(pending.timer);
      pending = undefined;
    },
  };
}
