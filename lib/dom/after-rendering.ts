/**
 * Periodic checks that read the page's layout (the dock's place, what covers it). Read at any moment, a
 * layout the page just changed is computed then, inside Sidekick's task: on a list of 75,000 rows Kitsu
 * was still laying out, one such read took 394 ms of the page's main thread. Just after the browser
 * rendered a frame the layout is usually clean (unless a page task ran in between); boxes an
 * IntersectionObserver reports are those of the rendering itself, and cost no layout at all.
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

export type RenderedBoxes = { boxes: (DOMRectReadOnly | undefined)[]; viewport: DOMRectReadOnly | null };

/** An element removed before the browser rendered again may never be reported. */
const RENDERED_BOXES_TIMEOUT_MS = 1_000;

/**
 * The elements' boxes, and the viewport's, as the browser computed them for its next rendering, read
 * without making it lay out the page now: an IntersectionObserver reports each element once when it
 * starts observing it, with the boxes of that rendering. `undefined` for an element never reported.
 */
export function renderedBoxes(elements: readonly Element[]): Promise<RenderedBoxes> {
  return new Promise((resolve) => {
    const boxes = new Map<Element, DOMRectReadOnly>();
    let viewport: DOMRectReadOnly | null = null;
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve({ boxes: elements.map((element) => boxes.get(element)), viewport });
    };
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        boxes.set(entry.target, entry.boundingClientRect);
        viewport ??= entry.rootBounds;
      }
      if (elements.every((element) => boxes.has(element))) done();
    });
    const timer = setTimeout(done, RENDERED_BOXES_TIMEOUT_MS);
    for (const element of elements) observer.observe(element);
  });
}
