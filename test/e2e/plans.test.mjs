import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS } from './support/browser.mjs';
import { dockIn } from './support/dock.mjs';
import { byTestId, openShotsWithOperator, waitForJobDone } from './support/plans.mjs';
import { bearerRequests, kitsuGet, kitsuSend, loginAsManager, readStack } from './support/stack.mjs';

const MARKER = /posted by Kitsu Sidekick, confirmed by Ada Operator/;

describe('plans: preview, confirm in the extension window, execute, undo', () => {
  let browser;
  let stack;
  let managerToken;
  let page;
  let statuses;
  let selected;
  let target;
  let changedByPerson;
  let confirmPage;

  before(async () => {
    stack = readStack();
    managerToken = await loginAsManager(stack);
    statuses = await kitsuGet(stack, '/data/task-status');
    ({ browser, page } = await openShotsWithOperator(stack));
  });
  after(async () => {
    await browser?.close();
  });

  it('previews a plan of comment+status changes with its impact, and writes nothing before confirming', async () => {
    const [shots, taskTypes] = await Promise.all([
      kitsuGet(stack, `/data/shots/with-tasks?project_id=${stack.production.id}`),
      kitsuGet(stack, '/data/task-types'),
    ]);
    const layout = taskTypes.find((taskType) => taskType.name === 'Layout');
    const todo = statuses.find((status) => status.short_name === 'todo');
    target = statuses.find((status) => status.short_name === 'wip');
    selected = shots.flatMap((shot) =>
      shot.tasks
        .filter((task) => task.task_type_id === layout.id && task.task_status_id === todo.id)
        .map((task) => ({ ...task, shotName: shot.name })),
    );
    assert.ok(selected.length >= 30, `enough todo Layout tasks in the seed (${selected.length})`);

    const dock = dockIn(page);
    await dock.select(byTestId('bulk-task-type'), layout.id);
    await dock.select(byTestId('bulk-from-status'), todo.id);
    await dock.select(byTestId('bulk-to-status'), target.id);
    await dock.fill(byTestId('bulk-text'), 'Layout can start: the animatic is locked.');
    const requestsBefore = await bearerRequests(stack.frontDoor);
    const confirmOpened = browser.context.waitForEvent('page');
    await dock.click(byTestId('bulk-preview'));
    confirmPage = await confirmOpened;
    await confirmPage.getByTestId('plan-title').waitFor({ timeout: 15_000 });
    assert.equal(
      await confirmPage.getByTestId('plan-title').textContent(),
      `Comment and set Work In Progress on ${selected.length} tasks`,
    );
    assert.equal(await confirmPage.getByTestId('plan-task').count(), selected.length);
    assert.match(await confirmPage.getByTestId('plan-notified').textContent(), /Kitsu notifies|Nobody is notified/);
    await dock.waitFor(byTestId('bulk-message'), { hasText: `A plan of ${selected.length} changes` });
    await confirmPage.screenshot({ path: path.join(ARTIFACTS, 'confirm-preview.png') });

    const comments = await kitsuGet(stack, `/data/tasks/${selected[0].id}/comments`);
    assert.equal(
      comments.some((comment) => MARKER.test(comment.text)),
      false,
      'nothing written yet',
    );
    assert.ok((await bearerRequests(stack.frontDoor)) - requestsBefore > 0, 'previewing read Kitsu');
  });

  it('a page script cannot confirm: forged messages and synthetic clicks write nothing', async () => {
    const task = selected[0];
    const outcome = await page.evaluate(async () => {
      window.postMessage({ type: 'plans/execute', planId: 'anything' }, '*');
      return {
        runtime: typeof globalThis.chrome?.runtime?.sendMessage,
        root: String(document.querySelector('kitsu-sidekick')?.shadowRoot),
      };
    });
    assert.equal(outcome.runtime, 'undefined');
    assert.equal(outcome.root, 'null', 'the page gets no reference to the dock');
    // A script that held the dock anyway (through the DevTools protocol here) clicks for nothing.
    const pagesBefore = browser.context.pages().length;
    await dockIn(page).evaluate((doc) =>
      doc.querySelector('[data-testid="bulk-preview"]').dispatchEvent(new MouseEvent('click', { bubbles: true })),
    );
    await page.waitForTimeout(1_000);
    assert.equal(browser.context.pages().length, pagesBefore, 'no confirm window for a synthetic click');
    const comments = await kitsuGet(stack, `/data/tasks/${task.id}/comments`);
    assert.equal(
      comments.some((comment) => MARKER.test(comment.text)),
      false,
    );
  });

  it('executes after a real click, skipping the task a person changed since the preview', async () => {
    changedByPerson = selected[1];
    const done = statuses.find((status) => status.short_name === 'done');
    await kitsuSend(stack, managerToken, 'POST', `/actions/tasks/${changedByPerson.id}/comment`, {
      task_status_id: done.id,
      comment: 'Approved in dailies',
    });
    await confirmPage.getByTestId('plan-confirm').click();
    await waitForJobDone(confirmPage, 60_000);
    assert.equal(
      await confirmPage.getByTestId('plan-counts').textContent(),
      `${selected.length - 1} applied, 1 skipped, 0 failed, of ${selected.length}.`,
    );
    assert.match(await confirmPage.getByTestId('plan-unapplied').textContent(), /Status changed from Todo to Done/);
    await confirmPage.screenshot({ path: path.join(ARTIFACTS, 'confirm-done.png') });

    for (const task of selected) {
      const current = await kitsuGet(stack, `/data/tasks/${task.id}`);
      const comments = await kitsuGet(stack, `/data/tasks/${task.id}/comments`);
      const marked = comments.filter((comment) => MARKER.test(comment.text));
      if (task.id === changedByPerson.id) {
        assert.equal(marked.length, 0, 'the person’s decision is kept');
        assert.equal(current.task_status_id, done.id);
      } else {
        assert.equal(marked.length, 1, `exactly one Sidekick comment on ${task.shotName}`);
        assert.equal(current.task_status_id, target.id);
      }
    }
  });

  it('a replayed confirmation executes nothing more', async () => {
    const replay = await confirmPage.evaluate(
      async (planId) => {
        const answer = await chrome.runtime.sendMessage({ type: 'plans/execute', planId });
        return answer;
      },
      decodeURIComponent(new URL(confirmPage.url()).hash.slice(1)),
    );
    assert.deepEqual(replay, {
      ok: false,
      error: { code: 'refused', message: 'This plan was already run: a plan runs once.' },
    });
  });

  it('undo restores the previous statuses, through a plan confirmed the same way', async () => {
    await confirmPage.getByTestId('plan-undo').click();
    await confirmPage.getByTestId('plan-title').filter({ hasText: /^Undo/ }).waitFor({ timeout: 15_000 });
    await confirmPage.getByTestId('plan-confirm').click();
    await waitForJobDone(confirmPage, 60_000);
    const todo = statuses.find((status) => status.short_name === 'todo');
    for (const task of selected) {
      if (task.id === changedByPerson.id) continue;
      const current = await kitsuGet(stack, `/data/tasks/${task.id}`);
      const comments = await kitsuGet(stack, `/data/tasks/${task.id}/comments`);
      assert.equal(current.task_status_id, todo.id, `${task.shotName} is back to Todo`);
      assert.equal(comments.filter((comment) => MARKER.test(comment.text)).length, 0);
    }
  });
});
