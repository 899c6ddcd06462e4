/**
 * Live events arrive in bursts (a bulk job changes hundreds of tasks in a minute), and every "changed"
 * notice makes the dock's panels read Kitsu again. The first notice refreshes at once; the ones that
 * follow within `intervalMs` are folded into a single refresh at the end of the interval.
 */
export function throttleRefreshes(refresh: () => void, intervalMs: number) {
  let last = Number.NEGATIVE_INFINITY;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    trailing = undefined;
    last = Date.now();
    refresh();
  };
  return {
    notify() {
      if (trailing !== undefined) return;
      const wait = last + intervalMs - Date.now();
      if (wait <= 0) run();
      else trailing = setTimeout(run, wait);
    },
    stop() {
      clearTimeout(trailing);
      trailing = undefined;
    },
  };
}
