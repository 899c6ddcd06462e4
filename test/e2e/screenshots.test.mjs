// The README's screenshots, made by the e2e run so they never go stale: the confirm window of a 200-task
// plan in light and dark, the dock on a shot list in Kitsu's light and dark themes, and the popup. The plan
// is only previewed, never confirmed: this suite writes nothing to Kitsu.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from './support/browser.mjs';
import { dockIn, HOST_NAME } from './support/dock.mjs';
import { byTestId, openShotsWithOperator, reviewBulkPlan, waitForBulkCount } from './support/plans.mjs';
import { kitsuGet, readStack } from './support/stack.mjs';

const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const shot = (name) => path.join(SCREENSHOTS, `${name}.png`);

/** Kitsu's dark mode as the app sets it: `.dark` on the `.theme` root (and on the body, for the page). */
async function setKitsuTheme(page, theme) {
  await page.evaluate((dark) => {
    for (const element of [document.querySelector('.theme'), document.body]) element?.classList.toggle('dark', dark);
  }, theme === 'dark');
  await dockIn(page).waitFor(`[data-testid="sidekick-dock"][data-theme="${theme}"]`);
}

describe('screenshots for the README (English, light and dark)', () => {
  let browser;
  let page;
  let stack;
  let confirmPage;

  before(async () => {
    stack = readStack();
    ({ browser, page } = await openShotsWithOperator(stack));
  });
  after(async () => {
    await browser?.close();
  });

  it('shows the confirm window of a 200-task plan in light and dark, its controls in view when scrolled', async () => {
    const [taskTypes, statuses] = await Promise.all([
      kitsuGet(stack, '/data/task-types'),
      kitsuGet(stack, '/data/task-status'),
    ]);
    const compositing = taskTypes.find((taskType) => taskType.name === 'Compositing');
    const ready = statuses.find((status) => status.short_name === 'ready');
    const dock = dockIn(page);
    await dock.select(byTestId('bulk-operation'), 'comment-status');
    await dock.select(byTestId('bulk-task-type'), compositing.id);
    await waitForBulkCount(page, 200);
    await dock.select(byTestId('bulk-to-status'), ready.id);
    await dock.fill(byTestId('bulk-text'), 'Compositing can start: the lighting is approved.');
    confirmPage = await reviewBulkPlan(browser, page);
    await confirmPage.setViewportSize({ width: 1280, height: 860 });

    assert.match(await confirmPage.getByTestId('plan-summary').textContent(), /200 tasks.*200 comments/);
    assert.equal(await confirmPage.getByTestId('plan-task').count(), 100, 'the first page of 100 rows');
    for (const scheme of ['light', 'dark']) {
      await confirmPage.emulateMedia({ colorScheme: scheme });
      await confirmPage.screenshot({ path: shot(`confirm-200-${scheme}`) });
    }
    // Scrolled down the table, the header with the plan's summary and its controls stays in view.
    await confirmPage.emulateMedia({ colorScheme: 'light' });
    await confirmPage.getByTestId('plan-task').nth(60).scrollIntoViewIfNeeded();
    assert.ok(await confirmPage.getByTestId('plan-confirm').isVisible(), 'Confirm stays visible');
    const box = await confirmPage.getByTestId('plan-confirm').boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 860, `Confirm within the window (${box?.y})`);
    const width = await confirmPage.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(width <= 0, `no horizontal scrolling (${width} px too wide)`);
    await confirmPage.screenshot({ path: shot('confirm-200-scrolled') });
  });

  it('shows the dock in Kitsu’s light and dark themes, and the popup', async () => {
    await confirmPage?.close();
    // Nothing in the dock is wider than the dock: it never scrolls sideways (not even by a script's scroll).
    const overflow = await dockIn(page).evaluate((doc) =>
      [...doc.querySelectorAll('[data-testid="dock-body"] *')]
        .filter(
          (element) =>
            element.getBoundingClientRect().right >
            doc.querySelector('[data-testid="dock-body"]').getBoundingClientRect().right + 0.5,
        )
        .map((element) => element.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(overflow, [], 'elements wider than the dock');
    await dockIn(page).evaluate((doc) => doc.querySelector('[data-testid="dock-body"]').scrollTo(0, 0));
    for (const theme of ['light', 'dark']) {
      await setKitsuTheme(page, theme);
      await page.locator(HOST_NAME).screenshot({ path: shot(`dock-${theme}`) });
    }
    await setKitsuTheme(page, 'light');
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 520 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.locator('main, body > div').first().waitFor();
    await popup.waitForTimeout(1000);
    for (const scheme of ['light', 'dark']) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: shot(`popup-${scheme}`) });
    }
    await popup.close();
  });
});
