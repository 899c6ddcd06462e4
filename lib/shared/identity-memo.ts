// Answers derived from reads, kept while the reads are the same objects. The cache hands out the same
// objects until an event or a refresh replaces them: the bulk panel's count and choices on a 75,000-task
// list need not be computed again on every navigation (flattening and labelling took hundreds of ms of
// the worker). The sources are held weakly: a list the cache let go of takes its answers along. Keep
// small answers here, not rows: 75,000 rows kept beside the list cost the worker about 16 MB.

type Node<Value> = { next: WeakMap<object, Node<Value>>; kept?: Map<string, Value> };

/** Stands for an absent source (a production's list it did not read). */
const ABSENT = {};

/**
 * `(sources, tag, compute)`: the value `compute` gave for the same source objects (by identity, in
 * order) and the same `tag` (what else the value depends on, as text); computed once otherwise. Values
 * are shared between callers: treat them as read-only. A source keeps at most `tagsPerSource` values.
 */
export function identityMemo<Value>({ tagsPerSource = 4 }: { tagsPerSource?: number } = {}) {
  const root: Node<Value> = { next: new WeakMap() };
  return (sources: readonly (object | undefined)[], tag: string, compute: () => Value): Value => {
    let node = root;
    for (const source of sources) {
      const key = source ?? ABSENT;
      let child = node.next.get(key);
      if (!child) {
        child = { next: new WeakMap() };
        node.next.set(key, child);
      }
      node = child;
    }
    node.kept ??= new Map();
    if (node.kept.has(tag)) return node.kept.get(tag) as Value;
    const value = compute();
    node.kept.set(tag, value);
    for (const oldest of node.kept.keys()) {
      if (node.kept.size <= tagsPerSource) break;
      node.kept.delete(oldest);
    }
    return value;
  };
}
