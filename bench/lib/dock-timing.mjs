// When each dock panel shows its content, measured inside the page: the dock's sections are keyed
// per page, so a navigation renders new nodes; nodes already shown are marked first and ignored.
// Times are taken in requestAnimationFrame callbacks, i.e. at the frame that paints the content.
// The dock is in a closed shadow root: the measuring function runs in the dock's document through the
// DevTools protocol (test/e2e/support/dock.mjs), on the Kitsu page's clock.
import { dockIn } from '../../test/e2e/support/dock.mjs';

/** Dock section → what it shows once its answer arrived. Sections the page does not have are left out. */
export const PANEL_CONTENT = {
  'this-page': '[data-testid="this-page-names"]',
  suggestions: '[data-testid="suggestions"]',
  'bulk-helpers': '[data-testid="bulk-helpers"]',
};

/**
 * Runs in the dock's document `root`. Waits until every panel of PANEL_CONTENT that the dock has on this
 * page shows its content; resolves to { times: { panel: ms since `startedAt` }, anchorMs } (the Kitsu
 * page's performance.now() clock; 0 = navigation start). `navigateTo` (optional): navigates the way
 * Kitsu's router does (pushState + popstate) after marking what is on screen now, and measures from that
 * moment. `anchor` (optional): the selector of the element the dock waits for on the new page (Kitsu
 * rendered it); `anchorMs` is the frame where a new one first shows, null if none did.
 */
function waitForPanelsInPage(root, { panels, navigateTo, anchor, timeoutMs }) {
  const kitsu = root.defaultView.top;
  const { performance } = kitsu;
  const requestAnimationFrame = (callback) => kitsu.requestAnimationFrame(callback);
  const fresh = (selector) => [...root.querySelectorAll(selector)].find((node) => !node.benchSeen);
  if (navigateTo) {
    for (const node of root.querySelectorAll('[data-testid^="feature-"], [data-testid="this-page-names"]')) {
      node.benchSeen = true;
    }
    for (const node of anchor ? kitsu.document.querySelectorAll(anchor) : []) node.benchSeen = true;
  }
  let anchorMs = null;
  const startedAt = navigateTo ? performance.now() : 0;
  if (navigateTo) {
    kitsu.history.pushState({}, '', navigateTo);
    kitsu.dispatchEvent(new kitsu.PopStateEvent('popstate'));
  }
  return new Promise((resolve, reject) => {
    const shown = {};
    const deadline = performance.now() + timeoutMs;
    const check = () => {
      const now = performance.now();
      if (anchor && anchorMs === null && [...kitsu.document.querySelectorAll(anchor)].some((node) => !node.benchSeen)) {
        anchorMs = now - startedAt;
      }
      const sections = [...root.querySelectorAll('[data-testid^="feature-"]')].filter((node) => !node.benchSeen);
      const present = Object.keys(panels).filter((id) =>
        sections.some((node) => node.getAttribute('data-testid') === `feature-${id}`),
      );
      for (const id of present) {
        const content = panels[id]
          .split(', ')
          .map((selector) => `[data-testid="feature-${id}"] ${selector}`)
          .join(', ');
        if (shown[id] === undefined && fresh(content)) shown[id] = now - startedAt;
      }
      if (present.length > 0 && present.every((id) => shown[id] !== undefined))
        return resolve({ times: shown, anchorMs });
      if (now > deadline)
        return reject(new Error(`panels not shown in ${timeoutMs} ms: ${JSON.stringify({ present, shown })}`));
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** Panel times of the page's current document, from its navigation start (a cold visit, a reload). */
export function panelsSinceNavigation(page, { timeoutMs = 120_000 } = {}) {
  const dock = dockIn(page);
  // Measured from the navigation start whenever it begins: it begins once the dock exists.
  return dock.until(() => dock.evaluate(waitForPanelsInPage, { panels: PANEL_CONTENT, timeoutMs }), {
    timeout: timeoutMs,
    interval: 10,
    what: 'the dock',
  });
}

/**
 * Navigates in the page like Kitsu's router and returns the panel times from that moment, and when the
 * page's `anchor` (optional: the element the dock waits for) showed.
 */
export function panelsAfterSpaNavigation(page, url, { anchor, timeoutMs = 60_000 } = {}) {
  return dockIn(page).evaluate(waitForPanelsInPage, { panels: PANEL_CONTENT, navigateTo: url, anchor, timeoutMs });
}

/** When all of a navigation's panels had shown: its slowest panel. */
export const allPanelsMs = ({ times }) => Math.max(...Object.values(times));
