/**
 * Calls back when elements matching a selector appear, without a MutationObserver on the document:
 * a 1 ms CSS animation on matching elements makes the browser announce each one with an
 * `animationstart` event (the technique of refined-github's selector observer). Kitsu's DOM is
 * never modified; seen elements are remembered in a WeakSet.
 */
let observerCount = 0;

export function observeSelector(
  selector: string,
  onMatch: (element: Element) => void,
  { signal, doc = document }: { signal: AbortSignal; doc?: Document },
): void {
  if (signal.aborted) return;
  const animationName = `sidekick-seen-${++observerCount}`;
  const seen = new WeakSet<Element>();
  const style = doc.createElement('style');
  style.textContent = `@keyframes ${animationName} { from { opacity: 0.99; } to { opacity: 1; } }
${selector} { animation: 1ms ${animationName}; }`;
  (doc.head ?? doc.documentElement).append(style);

  const handle = (element: Element) => {
    if (seen.has(element)) return;
    seen.add(element);
    onMatch(element);
  };
  const onAnimationStart = (event: Event) => {
    if ((event as AnimationEvent).animationName === animationName && event.target instanceof Element) {
      handle(event.target);
    }
  };
  doc.addEventListener('animationstart', onAnimationStart, { capture: true });
  for (const element of doc.querySelectorAll(selector)) handle(element);

  signal.addEventListener(
    'abort',
    () => {
      style.remove();
      doc.removeEventListener('animationstart', onAnimationStart, { capture: true });
    },
    { once: true },
  );
}

/** The first element matching `selector`, as soon as it exists; null on abort or after `timeoutMs`. */
export function waitForSelector(
  selector: string,
  { signal, timeoutMs, doc = document }: { signal: AbortSignal; timeoutMs: number; doc?: Document },
): Promise<Element | null> {
  const found = doc.querySelector(selector);
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const local = new AbortController();
    const finish = (element: Element | null) => {
      local.abort();
      clearTimeout(timer);
      resolve(element);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    signal.addEventListener('abort', () => finish(null), { once: true });
    observeSelector(selector, finish, { signal: local.signal, doc });
  });
}
