import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { commentsContaining, deleteTestComments } from '../e2e/support/plans.mjs';
import {
  ARTIFACTS,
  connectAsWriterBot,
  dockClick,
  dockFill,
  dockSelect,
  EXTENSION_ORIGIN,
  launchFirefoxWithExtension,
  navigate,
  waitFor,
  waitInDock,
} from './support/firefox.mjs';
import { kitsuGet, kitsuSend, loginAsManager, readStack, startPrivateFrontDoor } from './support/kitsu.mjs';

const OPERATOR = 'Foxy Operator';
const MARKER = new RegExp(`posted by Kitsu Sidekick, confirmed by ${OPERATOR}`);
const COMMENT = 'Compositing can start: plates are in (Firefox e2e).';
const TASK_TYPE = 'Compositing';
/**
 * Shot-name filters tried in turn; the first that selects 5–10 todo Compositing tasks is used. The
 * Chrome plans test works on Layout and the live-events tests on the first and last shots (SH1690,
 * SH16x0), so this small selection does not collide with them on the shared stack.
 */
const NAME_FILTERS = ['SH08', 'SH05', 'SH12', 'SH01', 'SH02', 'SH09', 'SH14', 'SH04'];
const bulk = (id) => `[data-testid="${id}"]`;

/** Text of a test id in a page, or null. */
const textOf = (page, id) =>
  page.evaluate((testId) => document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null, id);

describe('plans in Firefox: propose from the dock, confirm in the extension window, execute, undo', () => {
  let firefox;
  let stack;
  let kitsu;
  let page;
  let confirmPage;
  let compositing;
  let todo;
  let wip;
  let nameFilter;
  /** The tasks the plan must cover, computed from the API: { id, shotName, commentIds }. */
  let selected = [];
  /** The paused and resumed job's tasks and text, cleaned up after the suite. */
  const resumed = { tasks: [], text: `Firefox resume check ${Date.now()}: the animatic is locked.` };

  const markedComments = async (task) =>
    (await kitsuGet(stack, `/data/tasks/${task.id}/comments`)).filter((comment) => MARKER.test(comment.text));

  /**
   * Resolves with the next confirm window the background opens with `windows.create`. Under
   * `--remote-allow-system-access` Firefox does not report the moz-extension:// navigation to
   * puppeteer (the target's `url()` stays about:blank), so this takes the next new page target and
   * reads where its document really is.
   */
  const nextConfirmPage = async () => {
    const known = new Set(firefox.browser.targets());
    const target = await firefox.browser.waitForTarget(
      (candidate) => candidate.type() === 'page' && !known.has(candidate),
      { timeout: 15_000 },
    );
    const confirm = await target.page();
    await waitFor(confirm, (prefix) => location.href.startsWith(prefix), {
      args: [`${EXTENSION_ORIGIN}/confirm.html#`],
      timeout: 15_000,
      what: 'confirm.html in the new window',
    });
    return confirm;
  };

  /**
   * Fills the dock's "Comment and set status" (to WIP) and returns the confirm window it opens, once the live
   * count says `count` tasks match: a person sees the count before reviewing, and its arrival moves the button.
   */
  const proposeFromDock = async ({ taskTypeId, fromStatusId = todo.id, name, text, count }) => {
    await dockSelect(page, bulk('bulk-task-type'), taskTypeId);
    await dockSelect(page, bulk('bulk-from-status'), fromStatusId);
    await dockSelect(page, bulk('bulk-to-status'), wip.id);
    await dockFill(page, bulk('bulk-name'), name);
    await dockFill(page, bulk('bulk-text'), text);
    await waitInDock(
      page,
      (expected) => document.querySelector('[data-testid="bulk-selection"]')?.dataset.count === String(expected),
      { args: [count], timeout: 30_000, what: `the live count of ${count} tasks` },
    );
    const opened = nextConfirmPage();
    await dockClick(page, bulk('bulk-preview'));
    // When no window comes, what the dock says (a failure, "Reading tasks…" or nothing: the click missed) tells why.
    const confirm = await opened.catch(async (error) => {
      const said = await waitInDock(page, () => document.querySelector('[data-testid="bulk-message"]')?.textContent, {
        timeout: 1_000,
        what: 'the bulk message',
      }).catch(() => '');
      await page.screenshot({ path: path.join(ARTIFACTS, 'no-confirm-window.png') }).catch(() => {});
      throw new Error(`${error.message}; the dock says "${said}"`);
    });
    const title = await waitFor(confirm, () => document.querySelector('[data-testid="plan-title"]')?.textContent, {
      timeout: 15_000,
      what: 'the plan title in the confirm window',
    });
    return { confirmPage: confirm, title };
  };

  /** A real click: puppeteer clicks through WebDriver BiDi input actions, which Firefox marks trusted. */
  const click = async (where, id, count = 1) => {
    await where.locator(`[data-testid="${id}"]`).click({ count });
  };

  const waitForDone = (what) =>
    waitFor(confirmPage, () => document.querySelector('[data-testid="plan-progress"]')?.dataset.state === 'done', {
      timeout: 30_000,
      what,
    });

  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    stack = readStack();
    const [shots, taskTypes, statuses] = await Promise.all([
      kitsuGet(stack, `/data/shots/with-tasks?project_id=${stack.production.id}`),
      kitsuGet(stack, '/data/task-types'),
      kitsuGet(stack, '/data/task-status'),
    ]);
    todo = statuses.find((status) => status.short_name === 'todo');
    wip = statuses.find((status) => status.short_name === 'wip');
    compositing = taskTypes.find((taskType) => taskType.name === TASK_TYPE);
    const matching = (filter) =>
      shots
        .filter((shot) => !shot.canceled && shot.name.toLowerCase().includes(filter.toLowerCase()))
        .flatMap((shot) =>
          shot.tasks
            .filter((task) => task.task_type_id === compositing.id && task.task_status_id === todo.id)
            .map((task) => ({ id: task.id, shotName: shot.name })),
        );
    nameFilter = NAME_FILTERS.find((filter) => {
      const count = matching(filter).length;
      return count >= 5 && count <= 10;
    });
    assert.ok(nameFilter, 'a shot-name filter selecting 5–10 todo Compositing tasks in the seed');
    selected = matching(nameFilter);
    for (const task of selected) {
      task.commentIds = (await kitsuGet(stack, `/data/tasks/${task.id}/comments`)).map((comment) => comment.id);
    }

    kitsu = await startPrivateFrontDoor(stack);
    firefox = await launchFirefoxWithExtension();
    const { page: options } = await connectAsWriterBot(firefox.browser, stack, kitsu.origin);
    await waitFor(options, () => !!document.querySelector('[data-testid="operator-form"][data-loaded="true"]'), {
      what: 'the operator form',
    });
    await options.locator('[data-testid="operator-name"]').fill(OPERATOR);
    await click(options, 'operator-save');
    await waitFor(options, () => document.querySelector('[data-testid="operator-message"]')?.textContent === 'Saved.', {
      what: 'the operator saved',
    });
    await options.close();

    page = await firefox.browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    navigate(page, `${kitsu.origin}/__front-door/dev-login?next=/productions/${stack.production.id}/shots`);
    await waitInDock(page, () => document.querySelectorAll('[data-testid="bulk-task-type"] option').length > 0, {
      timeout: 15_000,
      what: 'the bulk panel with its choices',
    });
  });

  after(async () => {
    // A failed run must not leave Sidekick comments on the shared stack: deleting them is what undo does.
    for (const task of selected) {
      for (const comment of await markedComments(task).catch(() => [])) {
        await kitsuSend(
          stack,
          stack.bots.writer.token,
          'DELETE',
          `/data/tasks/${task.id}/comments/${comment.id}`,
        ).catch(() => {});
      }
    }
    if (resumed.tasks.length > 0) {
      await deleteTestComments(stack, await loginAsManager(stack), resumed.tasks, resumed.text).catch(() => {});
    }
    await firefox?.close();
    await kitsu?.close();
  });

  it('proposes from the dock and opens the confirm window with the selected tasks, writing nothing', async (t) => {
    t.diagnostic(`${selected.length} todo ${TASK_TYPE} tasks on shots named *${nameFilter}*`);
    let title;
    ({ confirmPage, title } = await proposeFromDock({
      taskTypeId: compositing.id,
      name: nameFilter,
      text: COMMENT,
      count: selected.length,
    }));
    assert.equal(title, `Comment and set ${wip.name} on ${selected.length} tasks`);
    const listed = await confirmPage.evaluate(() =>
      [...document.querySelectorAll('[data-testid="plan-task-label"]')].map((label) => label.textContent),
    );
    assert.equal(listed.length, selected.length);
    for (const task of selected) {
      assert.ok(
        listed.some((label) => label.includes(task.shotName)),
        `${task.shotName} in the preview`,
      );
    }
    await waitInDock(
      page,
      (count) =>
        document.querySelector('[data-testid="bulk-message"]')?.textContent?.startsWith(`A plan of ${count} changes`),
      { args: [selected.length], what: 'the dock saying the plan waits' },
    );
    await confirmPage.screenshot({ path: path.join(ARTIFACTS, 'confirm-preview.png') });
    for (const task of selected) assert.equal((await markedComments(task)).length, 0, 'nothing written yet');
  });

  it('a synthetic click in the confirm window confirms nothing', async () => {
    await confirmPage.evaluate(() => document.querySelector('[data-testid="plan-confirm"]').click());
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(await confirmPage.$('[data-testid="plan-progress"]'), null);
    assert.ok(await confirmPage.$('[data-testid="plan-confirm"]'), 'still waiting for a person');
  });

  it('executes after a real double-click: one marked comment and the new status on every task', async () => {
    await confirmPage.evaluate(() => {
      document
        .querySelector('[data-testid="plan-confirm"]')
        .addEventListener('click', (event) => (window.sidekickTestClickTrusted = event.isTrusted), { once: true });
    });
    await click(confirmPage, 'plan-confirm', 2);
    assert.equal(await confirmPage.evaluate(() => window.sidekickTestClickTrusted), true, 'Firefox marks it trusted');
    await waitForDone('the plan done');
    assert.equal(
      await textOf(confirmPage, 'plan-counts'),
      `${selected.length} applied, 0 skipped, 0 failed, of ${selected.length}.`,
    );
    await confirmPage.screenshot({ path: path.join(ARTIFACTS, 'confirm-done.png') });
    for (const task of selected) {
      const [current, marked] = await Promise.all([kitsuGet(stack, `/data/tasks/${task.id}`), markedComments(task)]);
      assert.equal(marked.length, 1, `exactly one Sidekick comment on ${task.shotName}`);
      assert.ok(marked[0].text.startsWith(COMMENT), `the comment text on ${task.shotName}`);
      assert.equal(marked[0].person_id, stack.bots.writer.id, 'posted with the writer token');
      assert.equal(current.task_status_id, wip.id, `${task.shotName} is ${wip.name}`);
    }
  });

  it('undo, triple-clicked and confirmed with a triple-click, restores the statuses and removes the comments once', async () => {
    await click(confirmPage, 'plan-undo', 3);
    await waitFor(
      confirmPage,
      () =>
        /^Undo/.test(document.querySelector('[data-testid="plan-title"]')?.textContent ?? '') &&
        !!document.querySelector('[data-testid="plan-confirm"]'),
      { timeout: 15_000, what: 'the undo plan' },
    );
    await click(confirmPage, 'plan-confirm', 3);
    await waitForDone('the undo done');
    assert.equal(
      await textOf(confirmPage, 'plan-counts'),
      `${selected.length} applied, 0 skipped, 0 failed, of ${selected.length}.`,
    );
    for (const task of selected) {
      const [current, comments] = await Promise.all([
        kitsuGet(stack, `/data/tasks/${task.id}`),
        kitsuGet(stack, `/data/tasks/${task.id}/comments`),
      ]);
      assert.equal(current.task_status_id, todo.id, `${task.shotName} is back to ${todo.name}`);
      assert.deepEqual(
        comments.map((comment) => comment.id),
        task.commentIds,
        `${task.shotName} has its comments as before`,
      );
    }
  });

  it('a triple-click on Resume continues a paused job once', async () => {
    const shots = await kitsuGet(stack, `/data/shots/with-tasks?project_id=${stack.production.id}`);
    resumed.tasks = shots
      .filter((shot) => shot.name.includes('SH1'))
      .flatMap((shot) => shot.tasks.filter((task) => task.task_type_id === compositing.id));
    // More batches (20 tasks) than run at once (4): some are not started when Pause is clicked.
    assert.ok(resumed.tasks.length > 80, `a job of more than four batches (${resumed.tasks.length} tasks)`);
    const { confirmPage: job } = await proposeFromDock({
      taskTypeId: compositing.id,
      fromStatusId: '',
      name: 'SH1',
      text: resumed.text,
      count: resumed.tasks.length,
    });
    await click(job, 'plan-confirm');
    // Paused at once: the first batches are in flight, the last ones are not started yet.
    await waitFor(job, () => !!document.querySelector('[data-testid="plan-cancel"]'), { what: 'the Pause button' });
    await click(job, 'plan-cancel');
    await waitFor(job, () => !!document.querySelector('[data-testid="plan-resume"]'), {
      timeout: 120_000,
      what: 'the paused job',
    });
    await click(job, 'plan-resume', 3);
    await waitFor(job, () => document.querySelector('[data-testid="plan-progress"]')?.dataset.state === 'done', {
      timeout: 180_000,
      what: 'the resumed job done',
    });
    for (const task of resumed.tasks) {
      assert.equal((await commentsContaining(stack, task.id, resumed.text)).length, 1, `one comment on ${task.id}`);
    }
    await job.close();
  });
});
