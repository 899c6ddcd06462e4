// Steps on a Kitsu page (the real one or the front door's) that Playwright's and Puppeteer's pages take alike.

/** Navigates the way Kitsu does: pushState, then the popstate its router listens to. No reload. */
export async function spaNavigate(page, url) {
  await page.evaluate((target) => {
    history.pushState({}, '', target);
    dispatchEvent(new PopStateEvent('popstate'));
  }, url);
}

// The front door's Kitsu page logs what its window shortcuts (the preview player's) receive in
// `window.__frontDoorShortcuts`: these read that log.

/** Empties the log, so that the next read sees only what comes after. */
export function clearShortcutLog(page) {
  return page.evaluate(() => {
    window.__frontDoorShortcuts = [];
  });
}

/** What Kitsu's window shortcuts received since the last read (key, target, action, prevented), emptying the log. */
export function takeShortcutLog(page) {
  return page.evaluate(() => window.__frontDoorShortcuts.splice(0));
}

/** The actions alone of `takeShortcutLog` ('draw', 'next-frame', …). */
export async function takeShortcutActions(page) {
  return (await takeShortcutLog(page)).map(({ action }) => action);
}
