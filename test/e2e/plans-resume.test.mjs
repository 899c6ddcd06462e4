import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, watchExtensionWorker } from './support/browser.mjs';
import {
  commentsContaining,
  deleteTestComments,
  openShotsWithOperator,
  proposeBulkComment,
  readCounts,
  waitForJobDone,
} from './support/plans.mjs';
import { kitsuGet, loginAsManager, readStack } from './support/stack.mjs';

describe('plans: a job survives its service worker being stopped', () => {
  let browser;
  let stack;
  let managerToken;
  let page;
  let selected = [];
  const text = `Resume check ${Date.now()}: the animatic is locked.`;

  before(async () => {
    stack = readStack();
    managerToken = await loginAsManager(stack);
    ({ browser, page } = await openShotsWithOperator(stack));
  });
  after(async () => {
    await browser?.close();
    if (selected.length > 0) await deleteTestComments(stack, managerToken, selected, text);
  });

  it('the worker stopped mid-job restarts, resumes the job from its journal and posts every comment once', async () => {
    const [shots, taskTypes, statuses] = await Promise.all([
      kitsuGet(stack, `/data/shots/with-tasks?project_id=${stack.production.id}`),
      kitsuGet(stack, '/data/task-types'),
      kitsuGet(stack, '/data/task-status'),
    ]);
    const animation = taskTypes.find((taskType) => taskType.name === 'Animation');
    const todo = statuses.find((status) => status.short_name === 'todo');
    selected = shots.flatMap((shot) =>
      shot.tasks
        .filter((task) => task.task_type_id === animation.id && task.task_status_id === todo.id)
        .map((task) => ({ ...task, label: `${shot.name} / Animation` })),
    );
    assert.ok(selected.length >= 100, `enough todo Animation tasks in the seed (${selected.length})`);

    const confirmPage = await proposeBulkComment(browser, page, {
      taskTypeId: animation.id,
      fromStatusId: todo.id,
      text,
    });
    assert.equal(await confirmPage.getByTestId('plan-title').textContent(), `Comment on ${selected.length} tasks`);

    const worker = await watchExtensionWorker(browser.context, confirmPage, browser.extensionId);
    // A global of the running worker: a restarted worker starts without it.
    await browser.worker.evaluate(() => {
      globalThis.sidekickBeforeStop = true;
    });

    const startedAt = Date.now();
    await confirmPage.getByTestId('plan-confirm').click();
    await confirmPage.waitForFunction(
      () => /^([1-9]\d+) applied/.test(document.querySelector('[data-testid="plan-counts"]')?.textContent ?? ''),
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    const stopped = worker.next('stopped');
    const beforeStop = await readCounts(confirmPage);
    await worker.stop();
    await stopped;
    const stoppedAt = Date.now();
    assert.ok(beforeStop.done < beforeStop.total, `stopped mid-job (${beforeStop.done} of ${beforeStop.total})`);

    // Nothing else is done here: the confirm window's polling wakes the worker, which resumes the job.
    await worker.next('running');
    const restartedAt = Date.now();
    await waitForJobDone(confirmPage, 120_000, 'confirm-resume-failed.png');
    const finishedAt = Date.now();
    assert.deepEqual(worker.history.slice(-4), ['stopping', 'stopped', 'starting', 'running']);
    assert.equal(
      await browser.worker.evaluate(() => globalThis.sidekickBeforeStop),
      undefined,
      'the worker that finished the job is a new one',
    );

    const final = await readCounts(confirmPage);
    assert.equal(final.total, selected.length);
    assert.equal(final.done, final.total, 'every item ended');
    const unapplied = new Map();
    if (final.skipped + final.failed > 0) {
      for (const line of await confirmPage.getByTestId('plan-unapplied').locator('li').allTextContents()) {
        const match = /^(.+?): (skipped|failed) — (.+)$/.exec(line);
        assert.ok(match, `an unapplied item says why: ${line}`);
        unapplied.set(match[1], match[2]);
      }
    }
    assert.equal(unapplied.size, final.skipped + final.failed);
    await confirmPage.screenshot({ path: path.join(ARTIFACTS, 'confirm-resumed-done.png') });

    for (const task of selected) {
      const posted = await commentsContaining(stack, task.id, text);
      const expected = unapplied.has(task.label) ? 0 : 1;
      const seen = posted.map((comment) => `${comment.created_at} ${comment.text.slice(-16)}`).join(', ');
      assert.equal(posted.length, expected, `${task.label}: ${posted.length} comments (${seen}), ${expected} expected`);
    }
    console.log(
      `resume: ${selected.length} tasks; stopped after ${beforeStop.done} in ${stoppedAt - startedAt} ms; ` +
        `worker running again after ${restartedAt - stoppedAt} ms; job done ${finishedAt - restartedAt} ms later; ` +
        `${final.applied} applied, ${final.skipped} skipped, ${final.failed} failed`,
    );
  });
});
