import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS } from './support/browser.mjs';
import {
  commentsContaining,
  deleteTestComments,
  openShotsWithOperator,
  proposeBulkComment,
  readCounts,
  waitForJobDone,
} from './support/plans.mjs';
import { kitsuGet, loginAsManager, readStack } from './support/stack.mjs';

const COPY_WARNING = 'Kitsu will copy this comment to';

describe('plans: hashtags Kitsu would copy to sibling tasks can be escaped before confirming', () => {
  let browser;
  let stack;
  let managerToken;
  let page;
  let shotTasks = [];
  const stamp = `hashtag check ${Date.now()}`;
  const text = `Grade approved #all (${stamp})`;

  before(async () => {
    stack = readStack();
    managerToken = await loginAsManager(stack);
    ({ browser, page } = await openShotsWithOperator(stack));
  });
  after(async () => {
    await browser?.close();
    if (shotTasks.length > 0) await deleteTestComments(stack, managerToken, shotTasks, stamp);
  });

  it('warns about "#all", offers a preview without it, and what is confirmed is copied to no sibling', async () => {
    const [shots, taskTypes] = await Promise.all([
      kitsuGet(stack, `/data/shots/with-tasks?project_id=${stack.production.id}`),
      kitsuGet(stack, '/data/task-types'),
    ]);
    const compositing = taskTypes.find((taskType) => taskType.name === 'Compositing');
    // A shot whose name no other shot's name contains: the panel's name filter then selects it alone.
    const shot = shots.find(
      (candidate) =>
        candidate.tasks.length === 3 &&
        shots.every((other) => other.id === candidate.id || !other.name.includes(candidate.name)),
    );
    shotTasks = shot.tasks;
    const target = shot.tasks.find((task) => task.task_type_id === compositing.id);
    const siblings = shot.tasks.filter((task) => task.id !== target.id);

    const confirmPage = await proposeBulkComment(browser, page, {
      taskTypeId: compositing.id,
      nameFilter: shot.name,
      text,
    });
    const firstPlanId = decodeURIComponent(new URL(confirmPage.url()).hash.slice(1));
    assert.equal(await confirmPage.getByTestId('plan-title').textContent(), 'Comment on 1 task');
    assert.match(await confirmPage.getByTestId('plan-tasks').textContent(), /Kitsu will copy this comment to/);
    assert.match(await confirmPage.getByTestId('plan-impact').textContent(), /#hashtag: Kitsu will copy it/);
    await confirmPage.screenshot({ path: path.join(ARTIFACTS, 'confirm-hashtags.png') });

    await confirmPage.getByTestId('plan-escape-hashtags').click();
    await confirmPage.waitForFunction(
      ([previous, warning]) =>
        location.hash.slice(1) !== encodeURIComponent(previous) &&
        document.querySelector('[data-testid="plan-confirm"]') !== null &&
        !document.body.textContent.includes(warning),
      [firstPlanId, COPY_WARNING],
      { timeout: 30_000 },
    );
    assert.equal(await confirmPage.getByTestId('plan-escape-hashtags').count(), 0);
    assert.doesNotMatch(await confirmPage.getByTestId('plan-impact').textContent(), /#hashtag/);
    assert.equal(await confirmPage.getByTestId('plan-title').textContent(), 'Comment on 1 task');

    const replay = await confirmPage.evaluate(
      (planId) => chrome.runtime.sendMessage({ type: 'plans/execute', planId }),
      firstPlanId,
    );
    assert.deepEqual(replay, {
      ok: false,
      error: { code: 'refused', message: 'This plan was replaced by one with its hashtags escaped: confirm that one.' },
    });

    await confirmPage.getByTestId('plan-confirm').click();
    await waitForJobDone(confirmPage, 60_000);
    assert.deepEqual(await readCounts(confirmPage), { applied: 1, skipped: 0, failed: 0, total: 1, done: 1 });

    const [posted] = await commentsContaining(stack, target.id, stamp);
    assert.ok(posted?.text.startsWith('Grade approved #\u200ball ('), 'the text as confirmed, its hashtag escaped');
    for (const sibling of siblings) {
      assert.deepEqual(await commentsContaining(stack, sibling.id, stamp), [], 'Kitsu copied nothing to a sibling');
    }
  });
});
