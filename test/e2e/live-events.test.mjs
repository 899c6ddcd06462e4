import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addConnection, launchChromiumWithExtension } from './support/browser.mjs';
import { bearerRequests, kitsuGet, kitsuSend, loginAsManager, pickSeededIds, readStack } from './support/stack.mjs';

const DOCK = 'kitsu-sidekick [data-testid="sidekick-dock"]';

describe('live Kitsu events in the dock', () => {
  let browser;
  let stack;
  let ids;
  let page;
  let posted;
  let managerToken;

  before(async () => {
    stack = readStack();
    ids = await pickSeededIds(stack);
    managerToken = await loginAsManager(stack);
    browser = await launchChromiumWithExtension();
    const options = await addConnection(browser, { origin: stack.frontDoor, token: stack.bots.writer.token });
    await options.close();
    page = await browser.context.newPage();
    await page.goto(
      `${stack.frontDoor}/__front-door/dev-login?next=/productions/${ids.projectId}/shots/tasks/${ids.shotTask.id}`,
    );
    await page.locator(DOCK).getByTestId('this-page-names').filter({ hasText: 'Status' }).waitFor({ timeout: 15_000 });
  });
  after(async () => {
    if (posted) await kitsuSend(stack, managerToken, 'DELETE', `/data/tasks/${ids.shotTask.id}/comments/${posted.id}`);
    await browser?.close();
  });

  it('shows a change made by another Kitsu user within a second, without reload or polling', async () => {
    const names = page.locator(DOCK).getByTestId('this-page-names');
    const statuses = await kitsuGet(stack, '/data/task-status');
    const task = await kitsuGet(stack, `/data/tasks/${ids.shotTask.id}`);
    const current = statuses.find((status) => status.id === task.task_status_id);
    const target = statuses.find((status) => status.short_name === (current.short_name === 'wip' ? 'wfa' : 'wip'));
    assert.match(await names.textContent(), new RegExp(`Status${current.name}`));

    const quietStart = await bearerRequests(stack.frontDoor);
    await page.waitForTimeout(3_000);
    assert.equal((await bearerRequests(stack.frontDoor)) - quietStart, 0, 'no polling while nothing changes');

    const changedAt = Date.now();
    posted = await kitsuSend(stack, managerToken, 'POST', `/actions/tasks/${ids.shotTask.id}/comment`, {
      task_status_id: target.id,
      comment: 'Status changed by another user (live events test)',
    });
    await names.filter({ hasText: `Status${target.name}` }).waitFor({ timeout: 5_000 });
    const latency = Date.now() - changedAt;
    console.log(`event → visible refresh: ${latency} ms`);
    assert.ok(latency <= 1_000, `refreshed in ${latency} ms`);
    assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), 1, 'no reload');
  });
});
