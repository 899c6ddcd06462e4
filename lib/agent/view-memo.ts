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

/**
 * The reads are held weakly: a list the cache let go of (over its memory budget) is not kept alive here,
 * and a view made from it is made again.
 */
type Held = { ref: WeakRef<object> } | { value: unknown };
const hold = (item: unknown): Held =>
  typeof item === 'object' && item !== null ? { ref: new WeakRef(item) } : { value: item };
const isHeld = (held: Held | undefined, item: unknown) =>
  held !== undefined && ('ref' in held ? held.ref.deref() === item : held.value === item);

/**
 * `sizeOf`: a view's size in characters of text. The views kept stay within `maxChars` in all, so the
 * worker's heap does not grow by them, and a larger view is not kept (before views were shortened, one
 * of 75,000 tasks was 5.5 million characters).
 */
export function createViewMemo<View>({
  maxAgeMs,
  pages,
  maxChars,
  sizeOf,
}: {
  maxAgeMs: number;
  pages: number;
  maxChars: number;
  sizeOf: (view: View) => number;
}) {
  const views = new Map<string, { identity: Held[]; dismissals: string; madeAt: number; view: View; chars: number }>();
  let keptChars = 0;
  const drop = (page: string) => {
    keptChars -= views.get(page)?.chars ?? 0;
    views.delete(page);
  };
  const sameIdentity = (held: readonly Held[], identity: readonly unknown[]) =>
    held.length === identity.length && identity.every((item, index) => isHeld(held[index], item));
  return {
    /** The view of `page` made from these inputs within `maxAgeMs` of `now`, if any. */
    reuse(page: string, inputs: ViewInputs, now: Date): View | undefined {
      const kept = views.get(page);
      const age = kept ? now.getTime() - kept.madeAt : Number.NaN;
      if (!kept || !(age >= 0 && age <= maxAgeMs)) return undefined;
      if (kept.dismissals !== inputs.dismissals || !sameIdentity(kept.identity, inputs.identity)) return undefined;
      return kept.view;
    },
    /** Keeps `view` for `page` (the most recent `pages` pages within `maxChars`) and returns it. */
    keep(page: string, inputs: ViewInputs, now: Date, view: View): View {
      drop(page);
      const chars = sizeOf(view);
      if (chars > maxChars) return view;
      views.set(page, {
        identity: inputs.identity.map(hold),
        dismissals: inputs.dismissals,
        madeAt: now.getTime(),
        view,
        chars,
      });
      keptChars += chars;
      for (const oldest of views.keys()) {
        if (views.size <= pages && keptChars <= maxChars) break;
        drop(oldest);
      }
      return view;
    },
  };
}
