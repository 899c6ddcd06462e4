import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addConnection, launchChromiumWithExtension, openSignedIn } from './support/browser.mjs';
import { dockIn } from './support/dock.mjs';
import { byTestId } from './support/plans.mjs';
import {
  bearerRequests,
  kitsuGet,
  kitsuSend,
  latestBearerRequests,
  loginAsManager,
  pickSeededIds,
  readStack,
  settledBearerRequests,
} from './support/stack.mjs';

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
    page = await openSignedIn(
      browser.context,
      stack.frontDoor,
      `/productions/${ids.projectId}/shots/tasks/${ids.shotTask.id}`,
    );
    await dockIn(page).waitFor(byTestId('this-page-names'), { hasText: 'Status', timeout: 15_000 });
  });
  after(async () => {
    if (posted) await kitsuSend(stack, managerToken, 'DELETE', `/data/tasks/${ids.shotTask.id}/comments/${posted.id}`);
    await browser?.close();
  });

  it('shows a change made by another Kitsu user within a second, without reload or polling', async () => {
    const dock = dockIn(page);
    const names = byTestId('this-page-names');
    const statuses = await kitsuGet(stack, '/data/task-status');
    const task = await kitsuGet(stack, `/data/tasks/${ids.shotTask.id}`);
    const current = statuses.find((status) => status.id === task.task_status_id);
    const target = statuses.find((status) => status.short_name === (current.short_name === 'wip' ? 'wfa' : 'wip'));
    assert.match(await dock.text(names), new RegExp(`Status${current.name}`));

    const quietStart = await settledBearerRequests(stack.frontDoor);
    await page.waitForTimeout(3_000);
    const quietRequests = (await bearerRequests(stack.frontDoor)) - quietStart;
    const latest = quietRequests > 0 ? (await latestBearerRequests(stack.frontDoor)).slice(-quietRequests) : [];
    assert.equal(quietRequests, 0, `no polling while nothing changes; came: ${latest.join(', ')}`);

    const changedAt = Date.now();
    posted = await kitsuSend(stack, managerToken, 'POST', `/actions/tasks/${ids.shotTask.id}/comment`, {
      task_status_id: target.id,
      comment: 'Status changed by another user (live events test)',
    });
    await dock.waitFor(names, { hasText: `Status${target.name}`, timeout: 5_000, interval: 20 });
    const latency = Date.now() - changedAt;
    console.log(`event → visible refresh: ${latency} ms`);
    assert.ok(latency <= 1_000, `refreshed in ${latency} ms`);
    assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), 1, 'no reload');
  });
});
