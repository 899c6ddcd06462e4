// 2b. The same bulk change through the real extension: proposed from the dock's bulk panel, confirmed
// with a real click in Sidekick's confirm window, executed by the service worker. Timed from the click
// to the confirm window saying the job is done; requests counted at the front door meanwhile (the
// dock's own re-reads caused by the job's live events included).
import { confirmAndFinish, openShotsWithOperator, proposeBulkComment } from '../../test/e2e/support/plans.mjs';
import { bearerRequests } from '../../test/e2e/support/stack.mjs';
import { figure } from '../lib/figures.mjs';
import { arrangeForPanel } from './bulk.mjs';

export async function benchExtensionBulk(sidekick, stack, production, { tasks: count, log }) {
  const { from, to, tasks } = await arrangeForPanel(sidekick, stack, production, count, log);
  const { browser, page } = await openShotsWithOperator({ ...stack, production: { id: production.id } });
  try {
    const confirmPage = await proposeBulkComment(browser, page, {
      taskTypeId: production.bulkTaskTypeId,
      fromStatusId: from,
      toStatusId: to,
      text: 'Sidekick benchmark: status change with comment, through the extension.',
    });
    const before = await bearerRequests(stack.frontDoor);
    const startedAt = performance.now();
    const counts = await confirmAndFinish(confirmPage, 30 * 60_000);
    const seconds = (performance.now() - startedAt) / 1000;
    const requests = (await bearerRequests(stack.frontDoor)) - before;
    log(
      `extension bulk on ${counts.total} tasks (${tasks.length} expected): ${seconds.toFixed(1)} s, ${requests} requests`,
    );
    const outcome = `${counts.applied} applied, ${counts.skipped} skipped, ${counts.failed} failed`;
    if (counts.applied < counts.total) {
      const why = await confirmPage.getByTestId('plan-unapplied').locator('li').allTextContents();
      log(`  not applied: ${[...new Set(why.map((line) => line.replace(/^.+?: /, '')))].join(' / ')}`);
    }
    return [
      figure({
        id: 'bulk-extension-time',
        section: 'bulk',
        label: `Sidekick extension, ${counts.total} tasks, confirm click → done: wall time`,
        unit: 's',
        values: [seconds],
        baseline: 'bulk-baseline-time',
        goal: '≥ 5× faster',
        note: outcome,
      }),
      figure({
        id: 'bulk-extension-requests',
        section: 'bulk',
        label: `Sidekick extension, ${counts.total} tasks: requests until done (dock re-reads on events included)`,
        unit: 'requests',
        values: [requests],
        baseline: 'bulk-baseline-requests',
        note: outcome,
      }),
    ];
  } finally {
    await browser.close();
  }
}
