import path from 'node:path';
import { ARTIFACTS, addConnection, launchChromiumWithExtension, openSignedIn, windowOpenedBy } from './browser.mjs';
import { dockIn } from './dock.mjs';
import { kitsuGet, kitsuSend } from './stack.mjs';

/** A dock element by its data-testid, as the dock helpers take selectors. */
export const byTestId = (id) => `[data-testid="${id}"]`;

/**
 * Chromium with Sidekick connected to the stack as the writer bot, an operator named, and the shots list open.
 * `dockTimeout`: how long the bulk panel may take to show (a large production, a slow link).
 */
export async function openShotsWithOperator(
  stack,
  { dockTimeout = 15_000, language, path = `/productions/${stack.production.id}/shots` } = {},
) {
  const browser = await launchChromiumWithExtension({ language });
  const options = await addConnection(browser, { origin: stack.frontDoor, token: stack.bots.writer.token });
  await options.locator('[data-testid="operator-form"][data-loaded="true"]').waitFor();
  await options.getByTestId('operator-name').fill('Ada Operator');
  await options.getByTestId('operator-save').click();
  await options
    .getByTestId('operator-message')
    .filter({ hasText: /^(Saved|Enregistré)\.$/ })
    .waitFor();
  await options.close();
  const page = await openSignedIn(browser.context, stack.frontDoor, path);
  await dockIn(page).waitFor(byTestId('bulk-helpers'), { timeout: dockTimeout });
  return { browser, page };
}

/** Fills the dock's bulk panel for "Comment and set status" and returns the confirm window it opens. */
export async function proposeBulkComment(
  browser,
  page,
  { taskTypeId, fromStatusId = '', nameFilter = '', toStatusId = '', text },
) {
  const dock = dockIn(page);
  await dock.select(byTestId('bulk-operation'), 'comment-status');
  await dock.select(byTestId('bulk-task-type'), taskTypeId);
  await dock.select(byTestId('bulk-from-status'), fromStatusId);
  await dock.fill(byTestId('bulk-name'), nameFilter);
  await dock.select(byTestId('bulk-to-status'), toStatusId);
  await dock.fill(byTestId('bulk-text'), text);
  return reviewBulkPlan(browser, page);
}

/** Waits until the bulk panel's live count says `count` tasks match the filters. */
export async function waitForBulkCount(page, count) {
  await dockIn(page).waitFor(`[data-testid="bulk-selection"][data-count="${count}"]`, { timeout: 30_000 });
}

/**
 * Clicks the bulk panel's "Review plan…" and returns the confirm window it opens, once the plan shows.
 * It waits first for the live count of the filters as set: that answer changes the sample above the
 * button, and a button moving between the look and the click is missed, as a person would miss it.
 */
export async function reviewBulkPlan(browser, page) {
  await dockIn(page).waitFor('[data-testid="bulk-selection"][aria-busy="false"]', { timeout: 30_000 });
  const confirmPage = await windowOpenedBy(browser.context, () => dockIn(page).click(byTestId('bulk-preview')));
  await confirmPage.getByTestId('plan-title').waitFor({ timeout: 60_000 });
  return confirmPage;
}

/** Confirms with a real click and waits for the job to finish; returns its counts. */
export async function confirmAndFinish(confirmPage, timeout = 240_000) {
  await confirmPage.getByTestId('plan-confirm').click();
  await waitForJobDone(confirmPage, timeout);
  return readCounts(confirmPage);
}

/**
 * Waits until the confirm window shows its job done. `failureShot`: a screenshot of the window to keep in the
 * artifacts when it does not in time, taken before the wait's error is thrown on.
 */
export async function waitForJobDone(confirmPage, timeout, failureShot) {
  try {
    await confirmPage.locator('[data-testid="plan-progress"][data-state="done"]').waitFor({ timeout });
  } catch (error) {
    if (failureShot) await confirmPage.screenshot({ path: path.join(ARTIFACTS, failureShot) });
    throw error;
  }
}

/** "12 applied, 0 skipped, 1 failed, of 13." as numbers. */
export async function readCounts(confirmPage) {
  const text = (await confirmPage.getByTestId('plan-counts').textContent()) ?? '';
  const match = /^(\d+) applied, (\d+) skipped, (\d+) failed, of (\d+)\.$/.exec(text);
  if (!match) throw new Error(`unexpected counts: ${text}`);
  const [applied, skipped, failed, total] = match.slice(1).map(Number);
  return { applied, skipped, failed, total, done: applied + skipped + failed };
}

export async function commentsContaining(stack, taskId, text) {
  const comments = await kitsuGet(stack, `/data/tasks/${taskId}/comments`);
  return comments.filter((comment) => comment.text?.includes(text));
}

/**
 * Deletes the comments a test posted (the writer bot is their author), then puts back a status that
 * zou's recomputation from the remaining comments changed, so the seed stays usable for other tests.
 */
export async function deleteTestComments(stack, managerToken, tasks, text) {
  let deleted = 0;
  for (const task of tasks) {
    const posted = await commentsContaining(stack, task.id, text);
    for (const comment of posted) {
      await kitsuSend(stack, stack.bots.writer.token, 'DELETE', `/data/tasks/${task.id}/comments/${comment.id}`);
      deleted += 1;
    }
    if (posted.length === 0) continue;
    const current = await kitsuGet(stack, `/data/tasks/${task.id}`);
    if (current.task_status_id !== task.task_status_id) {
      await kitsuSend(stack, managerToken, 'PUT', `/data/tasks/${task.id}`, { task_status_id: task.task_status_id });
    }
  }
  return deleted;
}
