// Exactly once, whatever a person does: double and triple clicks on Confirm, Undo and Resume, five
// confirmations sent at once from two confirm windows, a confirmation while the service worker restarts.
// Each case is checked through the API: one marked comment per task, nothing more.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { watchExtensionWorker } from './support/browser.mjs';
import {
  commentsContaining,
  deleteTestComments,
  openShotsWithOperator,
  proposeBulkComment,
  readCounts,
  waitForJobDone,
} from './support/plans.mjs';
import { kitsuGet, loginAsManager, readStack } from './support/stack.mjs';

describe('exactly once: clicks, windows and restarts', () => {
  let stack;
  let browser;
  let page;
  let managerToken;
  let compositing;
  let wip;
  /** Every task a case wrote on, with the text it wrote: cleaned up after the suite. */
  const written = [];

  before(async () => {
    stack = readStack();
    managerToken = await loginAsManager(stack);
    const [taskTypes, statuses] = await Promise.all([
      kitsuGet(stack, '/data/task-types'),
      kitsuGet(stack, '/data/task-status'),
    ]);
    compositing = taskTypes.find((taskType) => taskType.name === 'Compositing');
    wip = statuses.find((status) => status.short_name === 'wip');
    ({ browser, page } = await openShotsWithOperator(stack));
  });
  after(async () => {
    await browser?.close();
    for (const { tasks, text } of written) await deleteTestComments(stack, managerToken, tasks, text);
  });

  /** The Compositing tasks of the shots whose name contains `name`, as the bulk panel selects them. */
  async function tasksOfShots(name) {
    const shots = await kitsuGet(stack, `/data/shots/with-tasks?project_id=${stack.production.id}`);
    return shots
      .filter((shot) => shot.name.toLowerCase().includes(name.toLowerCase()))
      .flatMap((shot) =>
        shot.tasks
          .filter((task) => task.task_type_id === compositing.id)
          .map((task) => ({ ...task, label: `${shot.name} / Compositing` })),
      );
  }

  /** A "comment and set WIP" plan on those tasks, open in its confirm window. */
  async function propose(name, label) {
    const tasks = await tasksOfShots(name);
    const text = `Exactly once (${label}) ${Date.now()}: please check the comp.`;
    written.push({ tasks, text });
    const confirmPage = await proposeBulkComment(browser, page, {
      taskTypeId: compositing.id,
      nameFilter: name,
      toStatusId: wip.id,
      text,
    });
    assert.match(await confirmPage.getByTestId('plan-title').textContent(), new RegExp(`on ${tasks.length} tasks`));
    return { tasks, text, confirmPage };
  }

  async function commentsPerTask(tasks, text) {
    return Promise.all(tasks.map(async (task) => (await commentsContaining(stack, task.id, text)).length));
  }

  const planIdOf = (confirmPage) => decodeURIComponent(new URL(confirmPage.url()).hash.slice(1));

  for (const [clicks, name] of [
    [2, 'SH05'],
    [3, 'SH06'],
  ]) {
    it(`a ${clicks === 2 ? 'double' : 'triple'}-click on Confirm, then on Undo and on the undo's Confirm, writes once and undoes once`, async () => {
      const { tasks, text, confirmPage } = await propose(name, `${clicks} clicks`);
      const before = new Map(tasks.map((task) => [task.id, task.task_status_id]));
      // Where zou's recomputed status is not the one before, the undo sets it back with a comment of its own.
      written.push({ tasks, text: 'Status set back to what it was before' });
      await confirmPage.getByTestId('plan-confirm').click({ clickCount: clicks });
      await waitForJobDone(confirmPage, 120_000);
      assert.deepEqual(
        await commentsPerTask(tasks, text),
        tasks.map(() => 1),
        'one comment per task',
      );
      const counts = await readCounts(confirmPage);
      assert.equal(counts.applied, tasks.length, 'the window counts what Kitsu holds');
      assert.equal(await confirmPage.getByTestId('plan-read-back').getAttribute('data-source'), 'kitsu');

      // Undo, clicked as many times: one undo plan, in the same window, confirmed with as many clicks.
      const jobPlan = planIdOf(confirmPage);
      await confirmPage.getByTestId('plan-undo').click({ clickCount: clicks });
      await confirmPage.waitForFunction((old) => decodeURIComponent(location.hash.slice(1)) !== old, jobPlan);
      await confirmPage
        .getByTestId('plan-title')
        .filter({ hasText: /^Undo: / })
        .waitFor();
      await confirmPage.getByTestId('plan-confirm').click({ clickCount: clicks });
      await waitForJobDone(confirmPage, 120_000);
      assert.deepEqual(
        await commentsPerTask(tasks, text),
        tasks.map(() => 0),
        'every comment deleted',
      );
      for (const task of tasks) {
        const now = await kitsuGet(stack, `/data/tasks/${task.id}`);
        assert.equal(now.task_status_id, before.get(task.id), `${task.label}: status as before the plan`);
      }
      const undoAgain = await confirmPage.evaluate(
        (planId) => chrome.runtime.sendMessage({ type: 'plans/undo', planId }),
        jobPlan,
      );
      assert.deepEqual(undoAgain, {
        ok: false,
        error: { code: 'refused', message: 'This job was undone already: see the undo’s report.' },
      });
      await confirmPage.close();
    });
  }

  it('five confirmations sent at once from two confirm windows start one job', async () => {
    const { tasks, text, confirmPage } = await propose('SH07', 'two windows');
    const planId = planIdOf(confirmPage);
    const second = await browser.context.newPage();
    await second.goto(`chrome-extension://${browser.extensionId}/confirm.html#${encodeURIComponent(planId)}`);
    await second.getByTestId('plan-title').waitFor();
    const send = ({ id, times }) =>
      Promise.all(
        Array.from({ length: times }, () => chrome.runtime.sendMessage({ type: 'plans/execute', planId: id })),
      );
    const answers = (
      await Promise.all([
        confirmPage.evaluate(send, { id: planId, times: 3 }),
        second.evaluate(send, { id: planId, times: 2 }),
      ])
    ).flat();
    assert.equal(answers.filter((answer) => answer.ok).length, 1, JSON.stringify(answers));
    for (const refused of answers.filter((answer) => !answer.ok)) {
      assert.match(refused.error.message, /^This plan (is already running|was already run): a plan runs once\.$/);
    }
    // Both windows follow the one job to its end.
    await second.reload();
    await waitForJobDone(second, 120_000);
    assert.deepEqual(
      await commentsPerTask(tasks, text),
      tasks.map(() => 1),
    );
    await second.close();
    await confirmPage.close();
  });

  it('a triple-click on Resume continues a paused job once', async () => {
    const { tasks, text, confirmPage } = await propose('SH1', 'resume');
    assert.ok(tasks.length >= 60, `a job of several batches (${tasks.length} tasks)`);
    await confirmPage.getByTestId('plan-confirm').click();
    // Paused at once: the first batches are in flight, the last ones are not started yet.
    await confirmPage.getByTestId('plan-cancel').click();
    await confirmPage.getByTestId('plan-resume').waitFor({ timeout: 120_000 });
    const paused = await readCounts(confirmPage);
    assert.ok(paused.done < paused.total, `paused mid-job (${paused.done} of ${paused.total})`);
    await confirmPage.getByTestId('plan-resume').click({ clickCount: 3 });
    await waitForJobDone(confirmPage, 180_000);
    assert.deepEqual(
      await commentsPerTask(tasks, text),
      tasks.map(() => 1),
    );
    await confirmPage.close();
  });

  for (const [when, name] of [
    ['just before', 'SH08'],
    ['just after', 'SH09'],
  ]) {
    it(`a confirmation ${when} the service worker stops writes each comment once`, async () => {
      const { tasks, text, confirmPage } = await propose(name, `worker stop ${when}`);
      const worker = await watchExtensionWorker(browser.context, confirmPage, browser.extensionId);
      if (when === 'just before') {
        await worker.stop();
        // The click's message wakes a new worker, which takes the confirmation.
        await confirmPage.getByTestId('plan-confirm').click({ clickCount: 2 });
      } else {
        await confirmPage.getByTestId('plan-confirm').click({ clickCount: 2 });
        // Stopped as soon as the job is running: its writes in flight are settled by the new worker.
        await confirmPage.getByTestId('plan-progress').waitFor();
        await worker.stop();
      }
      await waitForJobDone(confirmPage, 180_000);
      assert.deepEqual(
        await commentsPerTask(tasks, text),
        tasks.map(() => 1),
      );
      await confirmPage.close();
    });
  }
});
