import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ARTIFACTS,
  addConnection,
  launchChromiumWithExtension,
  openSignedIn,
  pressKeys,
  spaNavigate,
} from './support/browser.mjs';
import { dockIn } from './support/dock.mjs';
import { assertConnectedAsWriterBot, pickSeededIds, readStack, tenKitsuRoutes } from './support/stack.mjs';

const DOCK = '[data-testid="sidekick-dock"]';
const id = (testId) => `[data-testid="${testId}"]`;

describe('the dock on Kitsu pages, against the real Zou stack', () => {
  let browser;
  let stack;
  let ids;
  let page;

  before(async () => {
    stack = readStack();
    ids = await pickSeededIds(stack);
    browser = await launchChromiumWithExtension();
  });
  after(async () => {
    await browser?.close();
  });

  it('tests a connection in the options page and says who the token is', async () => {
    const options = await addConnection(browser, {
      origin: stack.frontDoor,
      token: stack.bots.writer.token,
      label: 'Fox Tales studio',
    });
    await options.getByTestId('connection-address').fill(stack.frontDoor);
    await options.getByTestId('connection-test').click();
    const result = options.getByTestId('connection-test-result');
    await result.waitFor({ timeout: 10_000 });
    const text = await result.textContent();
    assertConnectedAsWriterBot(text, stack);
    await options.close();
  });

  it('shows what the page is, with names read from Kitsu', async () => {
    page = await openSignedIn(browser.context, stack.frontDoor, `/productions/${ids.projectId}/shots`);
    const dock = dockIn(page);
    await dock.waitFor(id('this-page-names'), { timeout: 15_000 });
    assert.equal(await dock.attribute(id('this-page'), 'data-page-kind'), 'entity-list');
    assert.match(await dock.text(id('this-page-names')), /ProductionFox Tales/);
    await dock.waitFor(id('connection-state'), { hasText: 'Connected to Fox Tales studio' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'dock-shots.png') });
  });

  it('follows SPA navigation through ten routes, with no panel of the previous page left', async () => {
    const dock = dockIn(page);
    const readyAfter = [];
    for (const [route, kind, name, where] of tenKitsuRoutes(ids)) {
      // The moment the new page's panel is added to the dock, recorded in the dock's document itself
      // (a panel of the previous page of the same kind would otherwise pass for it).
      await dock.evaluate((doc) => {
        const view = doc.defaultView;
        view.__e2ePanelAt = null;
        view.__e2eReady?.disconnect();
        view.__e2eReady = new view.MutationObserver((records) => {
          const added = records.flatMap((record) => [...record.addedNodes]);
          const panel = added.some(
            (node) =>
              node.nodeType === 1 &&
              (node.matches('[data-testid="this-page"]') || node.querySelector('[data-testid="this-page"]')),
          );
          if (panel && view.__e2ePanelAt === null) view.__e2ePanelAt = Date.now();
        });
        view.__e2eReady.observe(doc.body, { childList: true, subtree: true });
      });
      const started = await page.evaluate(() => Date.now());
      await spaNavigate(page, route);
      const thisPage = `[data-testid="this-page"][data-page-kind="${kind}"]`;
      await dock.waitFor(where ? `${thisPage} ${id('this-page-where')}` : thisPage, {
        timeout: 10_000,
        interval: 20,
        ...(where ? { hasText: where } : {}),
      });
      const panelAt = await dock.until(() => dock.evaluate((doc) => doc.defaultView.__e2ePanelAt), {
        timeout: 10_000,
        what: `the new panel of ${route}`,
      });
      readyAfter.push([route.split('/').slice(-2).join('/'), panelAt - started]);
      if (name) await dock.waitFor(`${thisPage} ${id('this-page-names')}`, { hasText: name, timeout: 10_000 });
      assert.equal(await dock.count(id('this-page')), 1, `one "This page" panel on ${route}`);
      assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), 1, 'no reload');
    }
    console.log(`# dock ready after (ms): ${readyAfter.map(([route, ms]) => `${route} ${ms}`).join(', ')}`);
    // The goal is 1 s (the log line above prints each page's time; 260-600 ms measured under load). The
    // assertion allows 3 s so that a loaded CI machine does not flake, and still fails on what it guards:
    // a page kind that waits out the 10 s "Waiting for Kitsu" fallback for a list it never shows.
    const slow = readyAfter.filter(([, ms]) => ms > 3_000);
    assert.deepEqual(slow, [], 'no page kind waits for a list it does not show');
  });

  it('follows Kitsu’s dark theme', async () => {
    const dock = dockIn(page);
    assert.equal(await dock.attribute(DOCK, 'data-theme'), 'light');
    await page.locator('button.dark-mode-toggle').click();
    await dock.waitFor(`${DOCK}[data-theme="dark"]`, { timeout: 5_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'dock-dark.png') });
    await page.locator('button.dark-mode-toggle').click();
    await dock.waitFor(`${DOCK}[data-theme="light"]`, { timeout: 5_000 });
  });

  it('closes with Escape and opens and closes with the keyboard shortcut', async () => {
    const dock = dockIn(page);
    await dock.focus(id('dock-toggle'));
    await page.keyboard.press('Escape');
    await dock.waitFor(id('dock-body'), { state: 'detached', timeout: 5_000 });
    assert.equal(await dock.attribute(id('dock-toggle'), 'aria-expanded'), 'false');
    pressKeys('alt+shift+k');
    await dock.waitFor(id('dock-body'), { timeout: 5_000 });
    pressKeys('alt+shift+k');
    await dock.waitFor(id('dock-body'), { state: 'detached', timeout: 5_000 });
    await page.reload();
    await dock.waitFor(id('dock-toggle'));
    assert.equal(await dock.attribute(id('dock-toggle'), 'aria-expanded'), 'false', 'remembered per host');
    await dock.click(id('dock-toggle'));
    await dock.waitFor(id('dock-body'));
  });
});
