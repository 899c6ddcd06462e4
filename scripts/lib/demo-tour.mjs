// The demo's short tour, for `npm run demo -- --check` and for runs without a display: the dock on the shot
// list, the suggestions panel, a bulk plan's confirm window (reviewed, then cancelled: nothing is written)
// and the publish window. Each step saves a screenshot in demo/ and prints its path; a step that fails
// names itself in the error.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, windowOpenedBy } from '../../test/e2e/support/browser.mjs';
import { dockIn } from '../../test/e2e/support/dock.mjs';
import { byTestId, commentsContaining, reviewBulkPlan, waitForBulkCount } from '../../test/e2e/support/plans.mjs';
import { kitsuGet } from '../../test/e2e/support/stack.mjs';

export const DEMO_DIR = path.join(ROOT, 'demo');
/** Generous: a loaded two-core machine is slow, and a step that times out says which one it was. */
const STEP_TIMEOUT = 60_000;
const PLAN_TEXT = 'Sidekick demo tour: reviewed, never confirmed';

/** Runs one step of the tour; its failure carries the step's name. */
async function step(name, action) {
  try {
    return await action();
  } catch (error) {
    throw new Error(`tour step "${name}" failed: ${error.message}`);
  }
}

async function save(page, file, what) {
  const target = path.join(DEMO_DIR, file);
  await page.screenshot({ path: target });
  console.log(`demo tour: ${what}: ${target}`);
  return target;
}

/** A seeded shot with a few tasks (the plan's targets), and the Work In Progress status the plan sets. */
async function pickPlanTargets(stack) {
  const [shots, statuses] = await Promise.all([
    kitsuGet(stack, `/data/shots/with-tasks?project_id=${stack.production.id}`),
    kitsuGet(stack, '/data/task-status'),
  ]);
  // A name no other shot's name contains, so the name filter picks this shot's tasks alone.
  const shot = shots.find(
    (candidate) =>
      candidate.tasks.length >= 2 && !shots.some((other) => other !== candidate && other.name.includes(candidate.name)),
  );
  if (!shot) throw new Error('no seeded shot with two tasks or more and a name of its own');
  const wip = statuses.find((status) => status.short_name === 'wip');
  if (!wip) throw new Error('no "wip" status in the seed');
  return { shot, wip };
}

async function showSuggestions(page) {
  const dock = dockIn(page);
  const first = `${byTestId('suggestions')} ${byTestId('suggestion')}`;
  await dock.waitFor(first, { timeout: STEP_TIMEOUT });
  // One suggestion opened (reading only: its details and the plan it offers), under the section's heading.
  if (!(await dock.property(first, 'open'))) await dock.click(`${first} > summary`);
  const section = byTestId('feature-suggestions');
  await dock.evaluate((doc, section) => doc.querySelector(section).scrollIntoView({ block: 'start' }), section);
  return save(page, 'suggestions.png', 'the suggestions panel on the shot list');
}

/** Fills a comment-and-status plan for one shot's tasks, reviews it, screenshots the window, cancels. */
async function reviewPlanThenCancel(stack, browser, page) {
  const { shot, wip } = await pickPlanTargets(stack);
  const dock = dockIn(page);
  await dock.select(byTestId('bulk-operation'), 'comment-status', { timeout: STEP_TIMEOUT });
  await dock.fill(byTestId('bulk-name'), shot.name);
  await waitForBulkCount(page, shot.tasks.length);
  await dock.select(byTestId('bulk-to-status'), wip.id);
  await dock.fill(byTestId('bulk-text'), PLAN_TEXT);
  const confirmPage = await reviewBulkPlan(browser, page);
  await confirmPage.getByTestId('plan-confirm').waitFor({ timeout: STEP_TIMEOUT });
  const file = await save(confirmPage, 'bulk-confirm.png', `the confirm window of a plan for ${shot.name}'s tasks`);
  // "Cancel" before the job: the window closes and the plan expires unconfirmed.
  const closed = confirmPage.waitForEvent('close', { timeout: STEP_TIMEOUT });
  await confirmPage.getByTestId('plan-close').click();
  await closed;
  for (const task of shot.tasks) {
    if ((await commentsContaining(stack, task.id, PLAN_TEXT)).length > 0)
      throw new Error(`task ${task.id} got the plan's comment although nobody confirmed it`);
  }
  return file;
}

/** Opens the publish window from the Animation task-type page and screenshots it, no file chosen. */
async function showPublishWindow(stack, browser, page) {
  const taskTypes = await kitsuGet(stack, '/data/task-types');
  const animation = taskTypes.find((taskType) => taskType.name === 'Animation');
  if (!animation) throw new Error('no Animation task type in the seed');
  await page.goto(`${stack.frontDoor}/productions/${stack.production.id}/shots/task-types/${animation.id}`);
  const publish = await windowOpenedBy(
    browser.context,
    () => dockIn(page).click(byTestId('publish-open'), { timeout: STEP_TIMEOUT }),
    { timeout: STEP_TIMEOUT },
  );
  await publish.getByTestId('publish-input').waitFor({ timeout: STEP_TIMEOUT });
  const file = await save(publish, 'publish.png', 'the publish window');
  await publish.close();
  return file;
}

/** Walks the tour on the shot list `openShotsWithOperator` opened; returns the screenshots' paths. */
export async function walkTour(stack, { browser, page }) {
  fs.mkdirSync(DEMO_DIR, { recursive: true });
  const files = [await step('dock', () => save(page, 'dock-shots.png', 'the dock on the shot list'))];
  files.push(await step('suggestions', () => showSuggestions(page)));
  files.push(await step('bulk plan review', () => reviewPlanThenCancel(stack, browser, page)));
  files.push(await step('publish window', () => showPublishWindow(stack, browser, page)));
  return files;
}
