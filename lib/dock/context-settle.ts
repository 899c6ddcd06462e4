import { isEpisodeScoped, isTaskScopePage, type PageContext, realEpisodeOf } from '../kitsu-routes';

/**
 * Kitsu can show two pages in quick succession: on a TV show, the top bar replaces the pseudo-episode
 * `all`/`main` of the first route by the first episode as soon as the episodes are loaded (cgwire/kitsu
 * src/components/tops/Topbar.vue), and a person may click through several pages fast. Reading each of
 * them would show the first one for an instant (a flash) and read it for nothing. Page changes are
 * therefore held until the page has stayed the same for `settleMs`, then the last one is committed;
 * `maxWaitMs` bounds the wait while changes keep coming. A change back to the committed page (same key)
 * cancels the pending one. URLs of the same page (same key: view state such as `?task_id=` or
 * `?search=` changed) are no change at all.
 *
 * A person's click from a page that had settled is read at once when `atOnce` allows it: no change is
 * pending and the last commit is at least `settleMs` old. The first page of a load always settles, and
 * so does any page that comes within `settleMs` of a commit.
 */
export type ContextSettler = {
  /** A URL the tab now shows. */
  push: (url: string) => void;
  stop: () => void;
};

export function settleContexts(
  commit: (url: string) => void,
  {
    keyOf,
    settleMs,
    maxWaitMs,
    atOnce = () => false,
  }: { keyOf: (url: string) => string; settleMs: number; maxWaitMs: number; atOnce?: (url: string) => boolean },
): ContextSettler {
  let committed: { key: string; at: number } | undefined;
  let pending: { url: string; since: number; timer: ReturnType<typeof setTimeout> } | undefined;

  const commitNow = (url: string) => {
    committed = { key: keyOf(url), at: Date.now() };
    commit(url);
  };
  const flush = () => {
    if (!pending) return;
    const { url } = pending;
    clearTimeout(pending.timer);
    pending = undefined;
    commitNow(url);
  };

  return {
    push(url) {
      const key = keyOf(url);
      if (key === committed?.key) {
        if (pending) clearTimeout(pending.timer);
        pending = undefined;
        return;
      }
      if (pending && keyOf(pending.url) === key) {
        pending.url = url;
        return;
      }
      if (!pending && committed && Date.now() - committed.at >= settleMs && atOnce(url)) {
        commitNow(url);
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

/**
 * Pages the dock may read at once after a click: a list, task type, entity or task page, in a real
 * episode or in none. A pseudo-episode ('all', 'main') is what Kitsu's top bar replaces just after a
 * production opens; other pages may be redirected (a production's root goes to its first section).
 */
export function readableAtOnce(context: PageContext): boolean {
  return isTaskScopePage(context) && (!isEpisodeScoped(context) || realEpisodeOf(context) !== undefined);
}
