// The suggestions panel's last views, by Kitsu and page. A view made a moment ago from the very same
// reads (the cache hands out the same objects until an event or a refresh replaces them), settings and
// dismissals is that view again: a person going back and forth between pages of a large production
// does not wait for every rule each time. Rules also read the clock (days late, recent decisions), so a
// view is kept at most `maxAgeMs`.

export interface ViewInputs {
  /** What the run read, element by element (compared by identity). */
  identity: readonly unknown[];
  /** The dismissals as stored (compared as text). */
  dismissals: string;
}

export function createViewMemo<View>({ maxAgeMs, pages }: { maxAgeMs: number; pages: number }) {
  const views = new Map<string, ViewInputs & { madeAt: number; view: View }>();
  const sameIdentity = (a: readonly unknown[], b: readonly unknown[]) =>
    a.length === b.length && a.every((item, index) => item === b[index]);
  return {
    /** The view of `page` made from these inputs within `maxAgeMs` of `now`, if any. */
    reuse(page: string, inputs: ViewInputs, now: Date): View | undefined {
      const kept = views.get(page);
      const age = kept ? now.getTime() - kept.madeAt : Number.NaN;
      if (!kept || !(age >= 0 && age <= maxAgeMs)) return undefined;
      if (kept.dismissals !== inputs.dismissals || !sameIdentity(kept.identity, inputs.identity)) return undefined;
      return kept.view;
    },
    /** Keeps `view` for `page` (the `pages` most recent pages are kept) and returns it. */
    keep(page: string, inputs: ViewInputs, now: Date, view: View): View {
      views.delete(page);
      views.set(page, { ...inputs, madeAt: now.getTime(), view });
      for (const oldest of views.keys()) {
        if (views.size <= pages) break;
        views.delete(oldest);
      }
      return view;
    },
  };
}
