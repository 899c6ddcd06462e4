// When each dock panel shows its content, measured inside the page: the dock's sections are keyed
// per page, so a navigation renders new nodes; nodes already shown are marked first and ignored.
// Times are taken in requestAnimationFrame callbacks, i.e. at the frame that paints the content.

/** Dock section → what it shows once its answer arrived. Sections the page does not have are left out. */
export const PANEL_CONTENT = {
  'this-page': '[data-testid="this-page-names"]',
  suggestions: '[data-testid="suggestions"]',
  'bulk-helpers': '[data-testid="bulk-helpers"]',
};

/**
 * Runs in the page. Waits until every panel of PANEL_CONTENT that the dock has on this page shows its
 * content; resolves to { panel: ms since `startedAt` } (performance.now() clock; 0 = navigation start).
 * `navigateTo` (optional): navigates the way Kitsu's router does (pushState + popstate) after marking
 * what is on screen now, and measures from that moment.
 */
function waitForPanelsInPage({ panels, navigateTo, timeoutMs }) {
  const root = () => document.querySelector('kitsu-sidekick')?.shadowRoot;
  const fresh = (selector) => [...(root()?.querySelectorAll(selector) ?? [])].find((node) => !node.benchSeen);
  if (navigateTo) {
    for (const node of root()?.querySelectorAll('[data-testid^="feature-"], [data-testid="this-page-names"]') ?? []) {
      node.benchSeen = true;
    }
  }
  const startedAt = navigateTo ? performance.now() : 0;
  if (navigateTo) {
    history.pushState({}, '', navigateTo);
    dispatchEvent(new PopStateEvent('popstate'));
  }
  return new Promise((resolve, reject) => {
    const shown = {};
    const deadline = performance.now() + timeoutMs;
    const check = () => {
      const now = performance.now();
      const sections = [...(root()?.querySelectorAll('[data-testid^="feature-"]') ?? [])].filter(
        (node) => !node.benchSeen,
      );
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
      if (present.length > 0 && present.every((id) => shown[id] !== undefined)) return resolve(shown);
      if (now > deadline)
        return reject(new Error(`panels not shown in ${timeoutMs} ms: ${JSON.stringify({ present, shown })}`));
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** Panel times of the page's current document, from its navigation start (a cold visit, a reload). */
export function panelsSinceNavigation(page, { timeoutMs = 120_000 } = {}) {
  return page.evaluate(waitForPanelsInPage, { panels: PANEL_CONTENT, timeoutMs });
}

/** Navigates in the page like Kitsu's router and returns the panel times from that moment. */
export function panelsAfterSpaNavigation(page, url, { timeoutMs = 60_000 } = {}) {
  return page.evaluate(waitForPanelsInPage, { panels: PANEL_CONTENT, navigateTo: url, timeoutMs });
}
