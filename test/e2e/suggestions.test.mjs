import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS } from './support/browser.mjs';
import { DOCK, openShotsWithOperator } from './support/plans.mjs';
import { readStack } from './support/stack.mjs';

describe('the suggestions panel on the seeded production, against the real Zou stack', () => {
  let browser;
  let stack;
  let page;

  before(async () => {
    stack = readStack();
    // The writer bot, an operator named (plans need one), and the shots list open.
    ({ browser, page } = await openShotsWithOperator(stack));
  });
  after(async () => {
    await browser?.close();
  });

  it('lists suggestions of several rules on the shots list, grouped with counts', async () => {
    const panel = page.locator(DOCK).getByTestId('suggestions');
    await panel.getByTestId('suggestion').first().waitFor({ timeout: 30_000 });
    const groups = await panel.getByTestId('suggestion-group').evaluateAll((nodes) =>
      nodes.map((node) => ({
        rule: node.getAttribute('data-rule'),
        count: Number(node.querySelector('[data-testid="suggestion-count"]')?.textContent),
        shown: node.querySelectorAll('[data-testid="suggestion"]').length,
      })),
    );
    const rules = groups.map((group) => group.rule);
    // The seed always has tasks past their due date, tasks without assignee and tasks without estimate.
    // (Its "waiting for approval for days" tasks have a backdated last comment but zou stamps end_date at
    // seeding time, and no retake count reaches 3: review backlog and retake loop do not show on it.)
    for (const rule of ['overdue', 'unassigned', 'missing-estimates-dates']) {
      assert.ok(rules.includes(rule), `${rule} in ${rules}`);
    }
    assert.ok(rules.length >= 3, `suggestions of several rules: ${rules}`);
    for (const group of groups) assert.equal(Math.min(group.count, 20), group.shown, `count of ${group.rule}`);

    // A suggestion opens to its reasons.
    const first = panel.getByTestId('suggestion').first();
    await first.locator('summary').click();
    assert.ok((await first.locator('li').count()) > 0, 'reasons listed');
    await page.screenshot({ path: path.join(ARTIFACTS, 'dock-suggestions.png') });
  });

  it('opens a suggestion’s plan in the confirm window, writing nothing', async () => {
    const panel = page.locator(DOCK).getByTestId('suggestions');
    const withPlan = panel
      .getByTestId('suggestion')
      .filter({ has: page.getByTestId('suggestion-review') })
      .first();
    if (!(await withPlan.evaluate((node) => node.open))) await withPlan.locator('summary').click();
    const confirmOpened = browser.context.waitForEvent('page');
    await withPlan.getByTestId('suggestion-review').click();
    const confirmPage = await confirmOpened;
    await confirmPage.getByTestId('plan-title').waitFor({ timeout: 30_000 });
    assert.match(confirmPage.url(), /confirm\.html#/);
    await panel.getByTestId('suggestions-message').filter({ hasText: 'waiting for your confirmation' }).waitFor();
    await confirmPage.close();
  });

  it('keeps a dismissed suggestion hidden after a reload', async () => {
    const panel = page.locator(DOCK).getByTestId('suggestions');
    const first = panel.getByTestId('suggestion').first();
    const id = await first.getAttribute('data-suggestion-id');
    const rule = id.split(':')[0];
    const count = async (locator) =>
      Number(
        await locator
          .locator(`[data-testid="suggestion-group"][data-rule="${rule}"] [data-testid="suggestion-count"]`)
          .textContent(),
      );
    const before = await count(panel);
    if (!(await first.evaluate((node) => node.open))) await first.locator('summary').click();
    await first.getByTestId('suggestion-dismiss').click();
    await panel.locator(`[data-suggestion-id="${id}"]`).waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await count(panel), before - 1, `one ${rule} suggestion less`);

    await page.reload();
    const reloaded = page.locator(DOCK).getByTestId('suggestions');
    await reloaded.getByTestId('suggestion').first().waitFor({ timeout: 30_000 });
    assert.equal(await reloaded.locator(`[data-suggestion-id="${id}"]`).count(), 0, 'still dismissed');
    assert.equal(await count(reloaded), before - 1);
    assert.match(await reloaded.getByTestId('suggestions-message').textContent(), /1 hidden/);
  });
});
