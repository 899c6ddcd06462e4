/**
 * A panel's read of Kitsu failed (a server error, a dropped connection): the dock reads again by
 * itself, later and later while it keeps failing, so panels recover without a reload. Not polling:
 * nothing is scheduled while reads succeed.
 */
export function retryFailedReads(retry: () => void, { firstMs = 5000, maxMs = 30_000 } = {}) {
  let delay = firstMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    /** Several panels failing at once lead to one retry. */
    failed() {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        retry();
      }, delay);
      delay = Math.min(delay * 2, maxMs);
    },
    /** A new page, or fresh data from a live event: the next failure waits the shortest time again. */
    reset() {
      clearTimeout(timer);
      timer = undefined;
      delay = firstMs;
    },
  };
}
