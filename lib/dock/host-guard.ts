/**
 * The dock's host element is Sidekick's one node in the page's DOM. Page styles cannot move or hide it
 * (its shadow stylesheet wins), but page scripts can still change its attributes (`inert`, no
 * `popover`), take it out of the top layer, show their own top-layer element over it, or remove and
 * move it. The guard undoes each: at once for what it can observe (attributes, the host leaving its
 * place, the host's popover closing), and on a check every second for the rest (another top-layer
 * element over the dock). A page that keeps undoing the repairs gets at most REPAIR_BUDGET of them
 * per REPAIR_WINDOW_MS, so the fight cannot take the page's main thread.
 */

/** The one attribute the host carries: it lives in the top layer, above any z-index of the page. */
const HOST_ATTRIBUTES: Readonly<Record<string, string>> = { popover: 'manual' };
export const REPAIR_BUDGET = 30;
export const REPAIR_WINDOW_MS = 10_000;
const CHECK_INTERVAL_MS = 1_000;
/** Other elements that can sit in the top layer (querying them does not see into closed roots). */
const OTHER_TOP_LAYER = ':popover-open, dialog:modal, :fullscreen';

export type HostGuardOptions = {
  /** Puts the host back at the end of <html>, with a new frame: a frame loses its document when moved. */
  remount: () => void;
  /** False once the dock's frame lost the document the dock rendered in (the host was moved). */
  intact: () => boolean;
  /** Runs `check` every CHECK_INTERVAL_MS until the guard stops (the content script's timers). */
  every: (check: () => void, intervalMs: number) => () => void;
  now?: () => number;
};

export type HostGuard = { stop: () => void };

/** At most `budget` repairs in any `windowMs`; later ones are refused until older ones age out. */
export function repairBudget(budget: number, windowMs: number, now: () => number = Date.now) {
  const spent: number[] = [];
  return () => {
    const time = now();
    while (spent.length > 0 && (spent[0] ?? 0) <= time - windowMs) spent.shift();
    if (spent.length >= budget) return false;
    spent.push(time);
    return true;
  };
}

/** Starts guarding a mounted host; `stop` before Sidekick removes the host itself (paused, reloaded). */
export function guardHost(host: HTMLElement, { remount, intact, every, now }: HostGuardOptions): HostGuard {
  const mayRepair = repairBudget(REPAIR_BUDGET, REPAIR_WINDOW_MS, now);
  let stopped = false;

  const inPlace = () => host.parentNode === document.documentElement;
  const isOpen = () => host.matches(':popover-open');
  const repair = (fix: () => void) => {
    if (!stopped && mayRepair()) fix();
  };

  function restoreAttributes() {
    const foreign = [...host.attributes].filter((attribute) => HOST_ATTRIBUTES[attribute.name] !== attribute.value);
    if (foreign.length === 0) return;
    repair(() => {
      for (const { name } of foreign) host.removeAttribute(name);
      for (const [name, value] of Object.entries(HOST_ATTRIBUTES)) host.setAttribute(name, value);
    });
  }

  function bringToTop() {
    if (!host.isConnected) return;
    if (isOpen()) host.hidePopover();
    host.showPopover();
  }

  function putBack() {
    repair(() => {
      observer.disconnect();
      remount();
      bringToTop();
      observe();
    });
  }

  function check() {
    if (stopped) return;
    if (!inPlace() || !intact()) return putBack();
    restoreAttributes();
    if (!isOpen() || coveredByAnother()) repair(bringToTop);
  }

  /** Is another top-layer element, or anything hit at the dock's corners and centre, over the dock? */
  function coveredByAnother() {
    const box = host.getBoundingClientRect();
    const overlaps = (element: Element) => {
      const other = element.getBoundingClientRect();
      return other.left < box.right && other.right > box.left && other.top < box.bottom && other.bottom > box.top;
    };
    if ([...document.querySelectorAll(OTHER_TOP_LAYER)].some((element) => element !== host && overlaps(element)))
      return true;
    // Inside the rounded corners.
    const inset = 10;
    const points: [number, number][] = [
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.left + inset, box.top + inset],
      [box.right - inset, box.top + inset],
      [box.left + inset, box.bottom - inset],
      [box.right - inset, box.bottom - inset],
    ];
    return points.some(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && hit !== host;
    });
  }

  const observer = new MutationObserver(check);
  function observe() {
    observer.observe(host, { attributes: true });
    observer.observe(document, { childList: true });
    observer.observe(document.documentElement, { childList: true });
  }

  // The page closing the host's popover, or opening one of its own above it.
  const onToggle = (event: Event) => {
    if ((event as ToggleEvent).newState === 'open' ? event.target !== host : event.target === host) check();
  };
  window.addEventListener('toggle', onToggle, true);
  host.addEventListener('toggle', onToggle);

  for (const [name, value] of Object.entries(HOST_ATTRIBUTES)) host.setAttribute(name, value);
  bringToTop();
  observe();
  const stopChecks = every(check, CHECK_INTERVAL_MS);

  return {
    stop() {
      stopped = true;
      stopChecks();
      observer.disconnect();
      window.removeEventListener('toggle', onToggle, true);
      host.removeEventListener('toggle', onToggle);
    },
  };
}
