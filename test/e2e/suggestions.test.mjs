import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SITUATIONS } from '../../scripts/lib/seed-production.mjs';
import { ARTIFACTS } from './support/browser.mjs';
import { commentsContaining, DOCK, deleteTestComments, openShotsWithOperator, readCounts } from './support/plans.mjs';
import { kitsuGet, kitsuSend, loginAsManager, readStack } from './support/stack.mjs';

const MARKER = 'posted by Kitsu Sidekick, confirmed by Ada Operator';
/** What a person can change on a task; the plan may only add its comment (last_comment_date). */
const TASK_FIELDS = ['task_status_id', 'assignees', 'due_date', 'start_date', 'estimation', 'priority', 'retake_count'];

describe('the suggestions panel on the seeded production, against the real Zou stack', () => {
  let browser;
  let stack;
  let page;
  let managerToken;
  /** Tasks of the production from the API, with their shot: { id, shotName, episodeId, ... }. */
  let shotTasks;
  let statusById;
  /** The overdue task whose reminder the test confirms (an untouched todo task: deleting the comment restores it). */
  let reminded;

  const panel = () => page.locator(DOCK).getByTestId('suggestions');
  const group = (rule) => panel().locator(`[data-testid="suggestion-group"][data-rule="${rule}"]`);
  const taskUrl = (task) =>
    `${stack.frontDoor}/productions/${stack.production.id}/episodes/${task.episodeId}/shots/tasks/${task.id}`;
  const situationTask = (shotName) => shotTasks.find((task) => task.shotName === shotName);
  const open = async (suggestion) => {
    if (!(await suggestion.evaluate((node) => node.open))) await suggestion.locator('summary').click();
  };

  before(async () => {
    stack = readStack();
    managerToken = await loginAsManager(stack);
    const [shots, statuses] = await Promise.all([
      kitsuGet(stack, `/data/shots/with-tasks?project_id=${stack.production.id}`),
      kitsuGet(stack, '/data/task-status'),
    ]);
    statusById = new Map(statuses.map((status) => [status.id, status]));
    shotTasks = shots.flatMap((shot) =>
      shot.tasks.map((task) => ({ ...task, shotName: shot.name, episodeId: shot.episode_id })),
    );
    // The writer bot, an operator named (plans need one), and the shots list open.
    ({ browser, page } = await openShotsWithOperator(stack));
  });
  after(async () => {
    if (reminded) await deleteTestComments(stack, managerToken, [reminded], MARKER);
    await browser?.close();
  });

  it('lists the seed’s situations grouped by rule, with counts on the groups, the section and the toggle', async () => {
    await panel().getByTestId('suggestion').first().waitFor({ timeout: 30_000 });
    const groups = await panel()
      .getByTestId('suggestion-group')
      .evaluateAll((nodes) =>
        nodes.map((node) => ({
          rule: node.getAttribute('data-rule'),
          count: Number(node.querySelector('[data-testid="suggestion-count"]')?.textContent),
          shown: node.querySelectorAll('[data-testid="suggestion"]').length,
        })),
      );
    const rules = groups.map((entry) => entry.rule);
    for (const rule of ['overdue', 'review-backlog', 'unassigned', 'retake-loop', 'missing-estimates-dates']) {
      assert.ok(rules.includes(rule), `${rule} in ${rules}`);
    }
    for (const entry of groups) assert.equal(Math.min(entry.count, 20), entry.shown, `count of ${entry.rule}`);
    const total = groups.reduce((sum, entry) => sum + entry.count, 0);
    const dock = page.locator(DOCK);
    assert.equal(await dock.getByTestId('dock-toggle').textContent(), `Sidekick · ${total}`);
    assert.equal(
      await dock.getByTestId('feature-suggestions').getByTestId('feature-count').textContent(),
      ` (${total})`,
    );

    // Review backlog: the Animation tasks zou dates in review for 8 and 5 days, oldest first, linked. (On a
    // stack other suites used, a task whose comments they deleted may join: zou re-dates it from its thread.)
    const backlog = group('review-backlog')
      .getByTestId('suggestion')
      .filter({ hasText: /^‼ Animation: \d+ tasks waiting for review for more than 3 days \(oldest \d+\)/ });
    assert.equal(await backlog.count(), 1);
    const backlogTasks = SITUATIONS.filter((situation) => situation.purpose === 'review-backlog').map((situation) =>
      situationTask(situation.shot),
    );
    const backlogLinks = await backlog
      .getByTestId('suggestion-task')
      .evaluateAll((links) => links.map((link) => [link.textContent, link.href]));
    assert.deepEqual(
      backlogLinks.filter(([label]) => backlogTasks.some((task) => label.startsWith(task.shotName))),
      backlogTasks.map((task) => [`${task.shotName} / Animation`, taskUrl(task)]),
      'both seeded tasks, the one waiting 8 days first',
    );

    // Retake loop: the task reviewers sent back three times.
    const loop = group('retake-loop').getByTestId('suggestion');
    assert.equal(await loop.count(), 1);
    assert.equal(await loop.locator('summary').textContent(), '! SH9030 / Animation has been retaken 3 times');
    await open(loop);
    assert.match(await loop.locator('li').first().textContent(), /^Retaken 3 times: the threshold is 3\. Now /);

    await page.screenshot({ path: path.join(ARTIFACTS, 'dock-suggestions.png') });
  });

  it('confirming an overdue reminder in the confirm window changes Kitsu exactly as previewed', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const todo = [...statusById.values()].find((status) => status.short_name === 'todo');
    // An overdue todo task that has no comment yet, shown in the panel.
    const candidates = shotTasks.filter(
      (task) =>
        task.task_status_id === todo.id &&
        task.last_comment_date === null &&
        task.assignees.length > 0 &&
        task.due_date !== null &&
        task.due_date.slice(0, 10) < today,
    );
    const shownLinks = await group('overdue')
      .getByTestId('suggestion-task')
      .evaluateAll((links) => links.map((link) => link.href));
    reminded = candidates.find((task) => shownLinks.includes(taskUrl(task)));
    assert.ok(reminded, `an overdue todo task without comment among ${shownLinks.length} shown`);
    const suggestion = group('overdue')
      .getByTestId('suggestion')
      .filter({ has: page.locator(`a[href="${taskUrl(reminded)}"]`) });
    await open(suggestion);

    const before = await kitsuGet(stack, `/data/projects/${stack.production.id}/tasks`);
    const confirmOpened = browser.context.waitForEvent('page');
    await suggestion.getByTestId('suggestion-review').click();
    const confirmPage = await confirmOpened;
    await confirmPage.getByTestId('plan-title').waitFor({ timeout: 30_000 });
    assert.equal(
      await confirmPage.getByTestId('plan-title').textContent(),
      `Remind the assignees of ${reminded.shotName} / ${await taskTypeName(reminded)}`,
    );
    const preview = await confirmPage.evaluate(
      (planId) => chrome.runtime.sendMessage({ type: 'plans/preview', planId }),
      decodeURIComponent(new URL(confirmPage.url()).hash.slice(1)),
    );
    assert.equal(preview.ok, true);
    assert.deepEqual(
      preview.data.tasks.map((task) => task.taskId),
      [reminded.id],
      'the preview names the one overdue task',
    );
    const previewText = preview.data.tasks[0].lines.map((line) => line.text).join('\n');
    assert.match(previewText, /a friendly reminder that .* was due on /);
    assert.equal((await commentsContaining(stack, reminded.id, MARKER)).length, 0, 'nothing written before confirming');

    await confirmPage.getByTestId('plan-confirm').click();
    await confirmPage.locator('[data-testid="plan-progress"][data-state="done"]').waitFor({ timeout: 60_000 });
    assert.deepEqual(await readCounts(confirmPage), { applied: 1, skipped: 0, failed: 0, total: 1, done: 1 });
    await confirmPage.close();

    // Exactly the previewed comment, on exactly the previewed task, mentioning its assignees.
    const posted = await commentsContaining(stack, reminded.id, MARKER);
    assert.equal(posted.length, 1);
    const assignees = stack.persons.filter((person) => reminded.assignees.includes(person.id));
    for (const person of assignees) assert.match(posted[0].text, new RegExp(`@${person.full_name}`));
    assert.match(posted[0].text, /a friendly reminder that/);
    assert.equal(posted[0].task_status_id, reminded.task_status_id, 'the status is kept');
    // Nothing else changed anywhere in the production: the other tasks are as they were.
    const after = await kitsuGet(stack, `/data/projects/${stack.production.id}/tasks`);
    const beforeById = new Map(before.map((task) => [task.id, task]));
    const changed = after.filter((task) => {
      const previous = beforeById.get(task.id);
      return (
        !previous ||
        task.last_comment_date !== previous.last_comment_date ||
        TASK_FIELDS.some((field) => JSON.stringify(task[field]) !== JSON.stringify(previous[field]))
      );
    });
    assert.deepEqual(
      changed.map((task) => task.id),
      [reminded.id],
    );
    for (const field of TASK_FIELDS) {
      assert.deepEqual(changed[0][field], beforeById.get(reminded.id)[field], `${field} of the reminded task`);
    }
  });

  it('re-reads by itself when Kitsu’s events change the data', async () => {
    // A person moves the due date of the reminded task to next month: it is no longer overdue.
    const link = group('overdue').locator(`a[href="${taskUrl(reminded)}"]`);
    await link.waitFor({ state: 'attached' });
    const due = reminded.due_date.slice(0, 10);
    const nextMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await kitsuSend(stack, managerToken, 'PUT', `/data/tasks/${reminded.id}`, { due_date: nextMonth });
    try {
      await link.waitFor({ state: 'detached', timeout: 15_000 });
    } finally {
      await kitsuSend(stack, managerToken, 'PUT', `/data/tasks/${reminded.id}`, { due_date: due });
    }
    await link.waitFor({ state: 'attached', timeout: 15_000 });
  });

  it('links evidence to the Kitsu page of each task, opened in the same tab', async () => {
    const loop = situationTask('SH9030');
    const link = group('retake-loop').getByTestId('suggestion-task');
    assert.equal(await link.getAttribute('href'), taskUrl(loop));
    await open(group('retake-loop').getByTestId('suggestion'));
    const pages = browser.context.pages().length;
    await link.click();
    await page.waitForURL(taskUrl(loop));
    assert.equal(browser.context.pages().length, pages, 'no new tab');
    // On the task page the retake loop tells its history from the thread.
    const history = group('retake-loop').getByTestId('suggestion');
    await history.waitFor({ timeout: 30_000 });
    await open(history);
    const reasons = await history.locator('li').allTextContents();
    assert.deepEqual(
      reasons.filter((reason) => reason.startsWith('Retake ')).map((reason) => reason.split(' by ')[0]),
      [24, 18, 12].map(
        (daysAgo, index) =>
          `Retake ${index + 1} on ${new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10)}`,
      ),
    );
  });

  it('keeps a dismissed suggestion hidden after a reload', async () => {
    await page.goto(`${stack.frontDoor}/productions/${stack.production.id}/shots`);
    const first = panel().getByTestId('suggestion').first();
    await first.waitFor({ timeout: 30_000 });
    const id = await first.getAttribute('data-suggestion-id');
    const rule = id.split(':')[0];
    const count = async () => Number(await group(rule).getByTestId('suggestion-count').textContent());
    const before = await count();
    await open(first);
    await first.getByTestId('suggestion-dismiss').click();
    await panel().locator(`[data-suggestion-id="${id}"]`).waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await count(), before - 1, `one ${rule} suggestion less`);

    await page.reload();
    await panel().getByTestId('suggestion').first().waitFor({ timeout: 30_000 });
    assert.equal(await panel().locator(`[data-suggestion-id="${id}"]`).count(), 0, 'still dismissed');
    assert.equal(await count(), before - 1);
    assert.match(await panel().getByTestId('suggestions-message').textContent(), /1 hidden/);
  });

  it('applies the thresholds set in the options page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('[data-testid="agent-settings-form"][data-loaded="true"]').waitFor();
    const waiting = options.getByTestId('sk-agent-review-backlog-waitingDays');
    await waiting.fill('-2');
    await options.getByTestId('agent-settings-save').click();
    await options
      .getByTestId('agent-settings-problems')
      .filter({ hasText: 'Review backlog, Waiting for more than (days): must be 0 or more.' })
      .waitFor();
    // Longer than the oldest seeded wait (8 days): no review backlog any more.
    await waiting.fill('60');
    await options.getByTestId('agent-settings-save').click();
    await options
      .getByTestId('agent-settings-message')
      .filter({ hasText: /^Saved\./ })
      .waitFor();
    await options.close();
    await page.reload();
    await panel().getByTestId('suggestion').first().waitFor({ timeout: 30_000 });
    assert.equal(await group('review-backlog').count(), 0, 'no review backlog past 60 days');
    assert.equal(await group('retake-loop').count(), 1, 'the other rules keep their thresholds');
  });

  async function taskTypeName(task) {
    const taskTypes = await kitsuGet(stack, '/data/task-types');
    return taskTypes.find((taskType) => taskType.id === task.task_type_id).name;
  }
});
