/**
 * Periodic checks that read the page's layout (the dock's place, what covers it). Read at any moment, a
 * layout the page just changed is computed then, inside Sidekick's task: on a list of 75,000 rows Kitsu
 * was still laying out, one such read took 394 ms of the page's main thread. Just after the browser
 * rendered a frame the layout is clean, and reading it costs a few rectangles.
 */

export type IntervalTimers = {
  setInterval: (run: () => void, intervalMs: number) => number;
  clearInterval: (timer: number) => void;
};

/** Runs `check` about every `intervalMs`, each time in a task right after the next rendered frame. */
export function everyAfterRendering(timers: IntervalTimers, check: () => void, intervalMs: number): () => void {
  let frame: number | undefined;
  let task: ReturnType<typeof setTimeout> | undefined;
  const afterNextFrame = () => {
    if (frame !== undefined || task !== undefined) return;
    frame = requestAnimationFrame(() => {
      frame = undefined;
      task = setTimeout(() => {
        task = undefined;
        check();
      }, 0);
    });
  };
  const timer = timers.setInterval(afterNextFrame, intervalMs);
  return () => {
    timers.clearInterval(timer);
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(task);
  };
}
