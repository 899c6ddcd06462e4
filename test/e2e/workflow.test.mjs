// A studio whose workflow is not zou's default (the seed's "Lune Rousse": on-hold and omitted statuses
// without flags, shot names repeated in every sequence, names in several scripts). The expected sets
// come from the API and the seed's own role table (scripts/lib/studio-spec.mjs), never from Sidekick's
// code: what the panel and the confirm window show must match them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dockIn } from './support/dock.mjs';
import {
  byTestId,
  commentsContaining,
  confirmAndFinish,
  deleteTestComments,
  openShotsWithOperator,
  reviewBulkPlan,
  waitForBulkCount,
} from './support/plans.mjs';
import { kitsuGet, loginAsManager, readStack } from './support/stack.mjs';

/** Work someone is expected to do: the only roles that can be overdue or unassigned. */
const OPEN_ROLES = new Set(['todo', 'wip', 'review', 'retake']);
const TEXT = 'Where does this stand? (workflow e2e)';

/** Today as the browser counts it (the studio time zone defaults to the browser's). */
const today = () => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format();

describe('a studio’s own workflow (Lune Rousse) in the dock and the confirm window, against the real Zou stack', () => {
  let browser;
  let page;
  let stack;
  let managerToken;
  /** The shot tasks of the first episode, from the API. */
  let tasks;
  let roleOf;
  let posted = [];

  const dock = () => dockIn(page);
  const sorted = (ids) => [...ids].sort();
  const overdueIds = () =>
    sorted(
      tasks
        .filter((task) => OPEN_ROLES.has(roleOf(task)) && task.due_date && task.due_date.slice(0, 10) < today())
        .map((task) => task.id),
    );
  /** Task ids the links of a rule's suggestions point to (the last segment of a task page's address). */
  const linkedTasks = (rule) =>
    dock().evaluate(
      (doc, rule) =>
        [
          ...doc.querySelectorAll(
            `[data-testid="suggestion-group"][data-rule="${rule}"] a[data-testid="suggestion-task"]`,
          ),
        ].map((link) => new URL(link.href).pathname.split('/').at(-1)),
      rule,
    );

  before(async () => {
    stack = readStack();
    const { studio } = stack;
    const episode = studio.episodes[0];
    managerToken = await loginAsManager(stack);
    const shots = await kitsuGet(stack, `/data/shots/with-tasks?project_id=${studio.id}&episode_id=${episode.id}`);
    tasks = shots.flatMap((shot) => shot.tasks);
    roleOf = (task) => studio.statusRoles[task.task_status_id];
    ({ browser, page } = await openShotsWithOperator(stack, {
      path: `/productions/${studio.id}/episodes/${episode.id}/shots`,
      dockTimeout: 30_000,
    }));
  });
  after(async () => {
    if (posted.length) await deleteTestComments(stack, managerToken, posted, TEXT);
    await browser?.close();
  });

  it('suggests exactly the tasks the API and the role definitions give, rule by rule: none on hold or omitted', async () => {
    const expectedOverdue = overdueIds();
    const parked = tasks.filter((task) => ['on-hold', 'omitted'].includes(roleOf(task)));
    assert.ok(
      parked.some((task) => task.due_date && task.due_date.slice(0, 10) < today()),
      'the seed has parked work past its due date',
    );
    await dock().waitFor(`${byTestId('suggestion-group')}[data-rule="overdue"]`, { timeout: 30_000 });
    const overdueCount = Number(
      await dock().text(`${byTestId('suggestion-group')}[data-rule="overdue"] ${byTestId('suggestion-count')}`),
    );
    assert.equal(overdueCount, expectedOverdue.length, 'the overdue count');
    const shownOverdue = sorted(await linkedTasks('overdue'));
    assert.deepEqual(shownOverdue, expectedOverdue, 'the overdue tasks');
    const parkedIds = new Set(parked.map((task) => task.id));
    assert.deepEqual(
      shownOverdue.filter((id) => parkedIds.has(id)),
      [],
      'no on-hold or omitted task is overdue',
    );

    // The other rules whose sets the role definitions and the API decide, with their default thresholds.
    const project = await kitsuGet(stack, `/data/projects/${stack.studio.id}`);
    const open = (task) => OPEN_ROLES.has(roleOf(task));
    const daysAgo = (value) => (Date.parse(today()) - Date.parse(value.slice(0, 10))) / 86_400_000;
    const latest = (...values) => values.filter(Boolean).sort().at(-1);
    const expected = {
      unassigned: tasks.filter((task) => open(task) && task.assignees.length === 0),
      'stale-wip': tasks.filter((task) => {
        const last = latest(task.last_comment_date, task.real_start_date);
        return roleOf(task) === 'wip' && last && daysAgo(last) >= 5;
      }),
      'review-backlog': tasks.filter((task) => {
        const since = task.end_date ?? task.last_comment_date;
        return roleOf(task) === 'review' && since && daysAgo(since) > 3;
      }),
      'retake-loop': tasks.filter(
        (task) =>
          open(task) &&
          (task.retake_count >= 3 || (project.max_retakes > 0 && task.retake_count >= project.max_retakes)),
      ),
      'start-on-wip': tasks.filter(
        (task) => open(task) && task.start_date === null && (roleOf(task) === 'wip' || task.real_start_date !== null),
      ),
    };
    assert.ok(expected['stale-wip'].length > 0 && expected['review-backlog'].length > 0, 'the seed exercises them');
    for (const [rule, ruleTasks] of Object.entries(expected)) {
      const want = sorted(ruleTasks.map((task) => task.id));
      assert.deepEqual(sorted(new Set(await linkedTasks(rule))), want, `the ${rule} tasks`);
    }
  });

  it('bulk: the overdue filter selects the open-role tasks only, each labelled apart in the confirm window; on hold selects none', async () => {
    const expectedOverdue = overdueIds();
    await dock().select(byTestId('bulk-operation'), 'comment');
    await dock().select(byTestId('bulk-task-type'), '');
    await dock().check(byTestId('bulk-overdue'));
    await dock().fill(byTestId('bulk-text'), TEXT);
    await waitForBulkCount(page, expectedOverdue.length);

    const confirmPage = await reviewBulkPlan(browser, page);
    const rows = await confirmPage.locator('[data-testid="plan-task"]').evaluateAll((elements) =>
      elements.map((row) => {
        const label = row.querySelector('[data-testid="plan-task-label"]');
        return {
          id: row.getAttribute('data-task-id'),
          label: label.querySelector('[title]')?.title ?? label.textContent,
        };
      }),
    );
    assert.deepEqual(sorted(rows.map((row) => row.id)), expectedOverdue, 'the plan’s tasks');
    const labels = rows.map((row) => row.label);
    assert.equal(new Set(labels).size, labels.length, `no two rows read the same: ${labels.join(' | ')}`);
    assert.ok(
      labels.every((label) => label.split(' / ').length >= 4),
      'each label names episode, sequence, shot and task type',
    );

    // Confirmed: one marked comment on each task, read back from Kitsu.
    posted = tasks.filter((task) => expectedOverdue.includes(task.id));
    const counts = await confirmAndFinish(confirmPage);
    assert.deepEqual(counts, {
      applied: expectedOverdue.length,
      skipped: 0,
      failed: 0,
      total: expectedOverdue.length,
      done: expectedOverdue.length,
    });
    for (const task of posted) assert.equal((await commentsContaining(stack, task.id, TEXT)).length, 1, task.id);
    await confirmPage.close();

    const hold = Object.entries(stack.studio.statusRoles).find(([, role]) => role === 'on-hold')[0];
    await dock().select(byTestId('bulk-from-status'), hold);
    await waitForBulkCount(page, 0);
  });
});
