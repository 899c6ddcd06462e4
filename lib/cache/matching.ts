// Which cached reads an invalidation by tags reaches: those carrying one of the tags, and the lists
// holding an item one of the tags names. Pure: the cache applies it to its entries and fetches.

/**
 * The items a list holds, for invalidations by their tags: a list declaring `prefixes: ['task']` is
 * dropped by `task:<id>` when one of its items has that id, as if it carried every item's tag. So a
 * change to one shot's task drops the shots list, not the assets list (zou's task events carry only
 * the task id). Method syntax on purpose: a descriptor of a typed read stays a descriptor of `unknown`.
 */
export interface HeldItems<T = unknown> {
  prefixes: readonly string[];
  idsOf(value: T): Iterable<string>;
}

/** What a match is decided on: an entry's metadata, or a fetch's descriptor. `holds`: the prefixes of HeldItems. */
export interface MatchTarget {
  key: string;
  kind: string;
  tags: readonly string[];
  holds?: readonly string[];
}

/**
 * `contents`: the ids a stored list holds, when known. Unknown (a fetch under way, an entry read back
 * from IndexedDB whose value this worker has not loaded), a list of the prefix may hold the item: it matches.
 */
export type TargetMatcher = (target: MatchTarget, contents?: ReadonlySet<string>) => boolean;

export function tagMatcher(tags: readonly string[]): TargetMatcher {
  const wanted = new Set(tags);
  const idsByPrefix = new Map<string, string[]>();
  for (const tag of wanted) {
    const colon = tag.indexOf(':');
    if (colon <= 0) continue;
    const prefix = tag.slice(0, colon);
    const ids = idsByPrefix.get(prefix);
    if (ids) ids.push(tag.slice(colon + 1));
    else idsByPrefix.set(prefix, [tag.slice(colon + 1)]);
  }
  return (target, contents) =>
    target.tags.some((tag) => wanted.has(tag)) ||
    (target.holds ?? []).some((prefix) => {
      const ids = idsByPrefix.get(prefix);
      return ids !== undefined && (contents === undefined || ids.some((id) => contents.has(id)));
    });
}

/** The ids a list holds, as a set, or undefined for a read that declares none. */
export function contentsOf(holds: HeldItems | undefined, value: unknown): ReadonlySet<string> | undefined {
  return holds ? new Set(holds.idsOf(value)) : undefined;
}
