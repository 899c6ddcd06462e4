import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SITUATIONS } from '../../scripts/lib/seed-situations.mjs';
import { ARTIFACTS } from './support/browser.mjs';
import { dockIn } from './support/dock.mjs';
import {
  byTestId,
  commentsContaining,
  deleteTestComments,
  openShotsWithOperator,
  readCounts,
  waitForJobDone,
} from './support/plans.mjs';
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

  const dock = () => dockIn(page);
  const PANEL = byTestId('suggestions');
  const group = (rule) => `${PANEL} [data-testid="suggestion-group"][data-rule="${rule}"]`;
  const taskUrl = (task) =>
    `${stack.frontDoor}/productions/${stack.production.id}/episodes/${task.episodeId}/shots/tasks/${task.id}`;
  const situationTask = (shotName) => shotTasks.find((task) => task.shotName === shotName);
  /** Opens a suggestion's <details> with a click on its summary, as a person does. */
  const open = async (suggestion, filter = {}) => {
    if (!(await dock().property(suggestion, 'open', filter))) await dock().click(`${suggestion} > summary`);
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
    await dock().waitFor(`${PANEL} ${byTestId('suggestion')}`, { timeout: 30_000 });
    const groups = await dock().evaluate((doc) =>
      [...doc.querySelectorAll('[data-testid="suggestions"] [data-testid="suggestion-group"]')].map((node) => ({
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
    assert.equal(await dock().text(byTestId('dock-toggle')), `Sidekick · ${total}`);
    assert.equal(await dock().text(`${byTestId('feature-suggestions')} ${byTestId('feature-count')}`), ` (${total})`);

    // Review backlog: the Animation tasks zou dates in review for 8 and 5 days, oldest first, linked. (On a
    // stack other suites used, a task whose comments they deleted may join: zou re-dates it from its thread.)
    const backlog = `${group('review-backlog')} ${byTestId('suggestion')}`;
    const backlogTitle = /^‼ Animation: \d+ tasks waiting for review for more than 3 days \(oldest \d+\)/;
    assert.equal(await dock().count(backlog, { hasText: backlogTitle }), 1);
    const backlogTasks = SITUATIONS.filter((situation) => situation.purpose === 'review-backlog').map((situation) =>
      situationTask(situation.shot),
    );
    const backlogLinks = await dock().evaluate(
      (doc, backlog, title) =>
        pick(doc, backlog, { hasText: title })
          .flatMap((suggestion) => [...suggestion.querySelectorAll('[data-testid="suggestion-task"]')])
          .map((link) => [link.textContent, link.href]),
      backlog,
      { source: backlogTitle.source, flags: backlogTitle.flags },
    );
    // Labels name the episode and sequence before the shot and task type (E01 / SQ030 / SH9010 / Animation).
    const seededLinks = backlogLinks.filter(([label]) =>
      backlogTasks.some((task) => label.endsWith(` / ${task.shotName} / Animation`)),
    );
    assert.deepEqual(
      seededLinks.map(([label, href]) => [label.split(' / ').slice(-2).join(' / '), href]),
      backlogTasks.map((task) => [`${task.shotName} / Animation`, taskUrl(task)]),
      'both seeded tasks, the one waiting 8 days first',
    );
    assert.ok(
      seededLinks.every(([label]) => label.split(' / ').length === 4),
      'each label names the episode, sequence, shot and task type',
    );

    // Retake loop: the task reviewers sent back three times.
    const loop = `${group('retake-loop')} ${byTestId('suggestion')}`;
    assert.equal(await dock().count(loop), 1);
    assert.match(
      await dock().text(`${loop} summary`),
      /^! E\d+ \/ SQ\d+ \/ SH9030 \/ Animation has been retaken 3 times$/,
    );
    await open(loop);
    assert.match(await dock().text(`${loop} li`), /^Retaken 3 times: the threshold is 3\. Now /);

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
    const shownLinks = await dock().evaluate(
      (doc, links) => [...doc.querySelectorAll(links)].map((link) => link.href),
      `${group('overdue')} ${byTestId('suggestion-task')}`,
    );
    reminded = candidates.find((task) => shownLinks.includes(taskUrl(task)));
    assert.ok(reminded, `an overdue todo task without comment among ${shownLinks.length} shown`);
    const suggestion = `${group('overdue')} ${byTestId('suggestion')}:has(a[href="${taskUrl(reminded)}"])`;
    await open(suggestion);

    const before = await kitsuGet(stack, `/data/projects/${stack.production.id}/tasks`);
    const confirmOpened = browser.context.waitForEvent('page');
    await dock().click(`${suggestion} ${byTestId('suggestion-review')}`);
    const confirmPage = await confirmOpened;
    await confirmPage.getByTestId('plan-title').waitFor({ timeout: 30_000 });
    const title = await confirmPage.getByTestId('plan-title').textContent();
    assert.match(title, /^Remind the assignees of E\d+ \/ SQ\d+ \/ /);
    assert.ok(title.endsWith(` / ${reminded.shotName} / ${await taskTypeName(reminded)}`), title);
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
    await waitForJobDone(confirmPage, 60_000);
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
    const link = `${group('overdue')} a[href="${taskUrl(reminded)}"]`;
    await dock().waitFor(link, { state: 'attached' });
    const due = reminded.due_date.slice(0, 10);
    const nextMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await kitsuSend(stack, managerToken, 'PUT', `/data/tasks/${reminded.id}`, { due_date: nextMonth });
    try {
      await dock().waitFor(link, { state: 'detached', timeout: 15_000 });
    } finally {
      await kitsuSend(stack, managerToken, 'PUT', `/data/tasks/${reminded.id}`, { due_date: due });
    }
    await dock().waitFor(link, { state: 'attached', timeout: 15_000 });
  });

  it('links evidence to the Kitsu page of each task, opened in the same tab', async () => {
    const loop = situationTask('SH9030');
    const link = `${group('retake-loop')} ${byTestId('suggestion-task')}`;
    assert.equal(await dock().attribute(link, 'href'), taskUrl(loop));
    await open(`${group('retake-loop')} ${byTestId('suggestion')}`);
    const pages = browser.context.pages().length;
    await dock().click(link);
    await page.waitForURL(taskUrl(loop));
    assert.equal(browser.context.pages().length, pages, 'no new tab');
    // On the task page the retake loop tells its history from the thread.
    const history = `${group('retake-loop')} ${byTestId('suggestion')}`;
    await dock().waitFor(history, { timeout: 30_000 });
    await open(history);
    const reasons = await dock().texts(`${history} li`);
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
    const first = `${PANEL} ${byTestId('suggestion')}`;
    await dock().waitFor(first, { timeout: 30_000 });
    const id = await dock().attribute(first, 'data-suggestion-id');
    const rule = id.split(':')[0];
    const count = async () => Number(await dock().text(`${group(rule)} ${byTestId('suggestion-count')}`));
    const before = await count();
    const dismissed = `${PANEL} [data-suggestion-id="${id}"]`;
    await open(dismissed);
    await dock().click(`${dismissed} ${byTestId('suggestion-dismiss')}`);
    await dock().waitFor(dismissed, { state: 'detached', timeout: 10_000 });
    assert.equal(await count(), before - 1, `one ${rule} suggestion less`);

    await page.reload();
    await dock().waitFor(first, { timeout: 30_000 });
    assert.equal(await dock().count(dismissed), 0, 'still dismissed');
    assert.equal(await count(), before - 1);
    assert.match(await dock().text(`${PANEL} ${byTestId('suggestions-message')}`), /1 hidden/);
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
    await dock().waitFor(`${PANEL} ${byTestId('suggestion')}`, { timeout: 30_000 });
    assert.equal(await dock().count(group('review-backlog')), 0, 'no review backlog past 60 days');
    assert.equal(await dock().count(group('retake-loop')), 1, 'the other rules keep their thresholds');
  });

  async function taskTypeName(task) {
    const taskTypes = await kitsuGet(stack, '/data/task-types');
    return taskTypes.find((taskType) => taskType.id === task.task_type_id).name;
  }
});
