/**
 * Keyboard only: from the Kitsu page, Tab into the dock, fill the bulk helper, review the plan with
 * Enter, move to the confirm window's Confirm with Tab and press Space. No mouse event at all: the
 * keys are the browser's own input (trusted), which is also what makes the confirm a person's act
 * (SECURITY.md, components/write-action.ts: a button activated by the keyboard is a trusted click).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dockIn } from './support/dock.mjs';
import { deleteTestComments, openShotsWithOperator, readCounts, waitForJobDone } from './support/plans.mjs';
import { kitsuGet, loginAsManager, readStack } from './support/stack.mjs';

const TEXT = 'Keyboard-only check: posted without a mouse.';
const SHOT = 'SH0020';

/** What has the keyboard's focus in the dock's document (its test id), or null when the dock has none. */
const dockFocus = (page) =>
  dockIn(page).evaluate((doc) => (doc.hasFocus() ? (doc.activeElement?.getAttribute('data-testid') ?? '') : null));

/** Presses Tab until `focused()` says the wanted control has the focus; fails after `limit` presses. */
async function tabTo(page, what, focused, limit = 150) {
  for (let presses = 0; presses < limit; presses++) {
    if (await focused()) return presses;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${what} never got the focus in ${limit} presses of Tab`);
}

describe('keyboard only: propose, review and confirm a plan', () => {
  let browser;
  let stack;
  let page;
  let tasks;

  before(async () => {
    stack = readStack();
    ({ browser, page } = await openShotsWithOperator(stack));
    const shots = await kitsuGet(stack, `/data/shots/with-tasks?project_id=${stack.production.id}`);
    tasks = shots.filter((shot) => shot.name === SHOT).flatMap((shot) => shot.tasks);
    assert.ok(tasks.length > 0, `${SHOT} has tasks in the seed`);
  });
  after(async () => {
    if (tasks) await deleteTestComments(stack, await loginAsManager(stack), tasks, TEXT);
    await browser?.close();
  });

  it('reaches the dock with Tab, types the filter and the comment, and opens the review with Enter', async () => {
    let mouseEvents = 0;
    await page.exposeFunction('sidekickTestSawMouse', () => mouseEvents++);
    await page.evaluate(() =>
      window.addEventListener('mousedown', () => window.sidekickTestSawMouse(), { capture: true }),
    );
    await page.locator('body').evaluate((body) => body.focus());
    await tabTo(page, 'the dock’s name filter', async () => (await dockFocus(page)) === 'bulk-name', 400);
    await page.keyboard.type(SHOT);
    await dockIn(page).waitFor(`[data-testid="bulk-selection"][data-count="${tasks.length}"]`, { timeout: 30_000 });
    await tabTo(page, 'the comment field', async () => (await dockFocus(page)) === 'bulk-text');
    await page.keyboard.type(TEXT);
    await tabTo(page, 'Review plan…', async () => (await dockFocus(page)) === 'bulk-preview');
    const opened = browser.context.waitForEvent('page');
    await page.keyboard.press('Enter');
    const confirm = await opened;
    await confirm.getByTestId('plan-title').waitFor({ timeout: 60_000 });
    assert.equal(mouseEvents, 0, 'no mouse event reached the page');

    const onConfirm = () =>
      confirm.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'plan-confirm');
    await tabTo(confirm, 'Confirm', onConfirm);
    await confirm.keyboard.press('Space');
    await waitForJobDone(confirm, 120_000);
    const counts = await readCounts(confirm);
    assert.equal(counts.applied, tasks.length, `every task of ${SHOT} got the comment`);
    const comments = await kitsuGet(stack, `/data/tasks/${tasks[0].id}/comments`);
    assert.ok(
      comments.some((comment) => comment.text.includes(TEXT)),
      'the comment is in Kitsu',
    );
  });
});
