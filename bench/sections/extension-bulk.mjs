// 2b. The bulk change through the real extension, its connection's origin the delay proxy: proposed from
// the dock's bulk panel, confirmed with a real click in Sidekick's confirm window, executed by the
// service worker. Timed from the click to the confirm window saying the job is done; requests counted at
// the proxy meanwhile (the dock's own re-reads on the job's live events included). The worker's CPU and
// the confirm window's are sampled during the job, and IndexedDB writes timed in the worker, idle and
// while the job runs: where the time goes that the executor in Node does not spend.
import { confirmAndFinish, openShotsWithOperator, proposeBulkComment } from '../../test/e2e/support/plans.mjs';
import { summarise } from '../lib/figures.mjs';
import { extensionWorkerDevTools, profilePageCpu } from '../lib/worker-cdp.mjs';

const PROBE_WRITES = 30;
const PROBE_AFTER_MS = 3_000;
const medianMs = (durations) => (durations ? Math.round(summarise(durations).median * 10) / 10 : null);

/**
 * One extension run on `count` tasks. `arrange` puts exactly them in one status (unmeasured) and
 * returns { from, to }; `measure(work)` measures `work` at the proxy.
 */
export async function extensionBulkRun(via, production, { count, arrange, measure, log }) {
  const { from, to } = await arrange();
  const { browser, page } = await openShotsWithOperator(
    { ...via, production: { id: production.id } },
    { dockTimeout: 120_000 },
  );
  try {
    const confirmPage = await proposeBulkComment(browser, page, {
      taskTypeId: production.bulkTaskTypeId,
      fromStatusId: from,
      toStatusId: to,
      text: 'Sidekick benchmark: status change with comment, through the extension.',
    });
    const devTools = await extensionWorkerDevTools(browser.context, browser.extensionId);
    const idleWrites = await devTools.indexedDbWriteTimes(PROBE_WRITES).catch(() => null);
    const stopProfile = await devTools.profileCpu().catch(() => null);
    const stopWindowProfile = await profilePageCpu(confirmPage).catch((error) =>
      log(`  confirm window profile: ${error}`),
    );
    const run = await measure(async () => {
      const probe = new Promise((resolve) => setTimeout(resolve, PROBE_AFTER_MS)).then(() =>
        devTools.indexedDbWriteTimes(PROBE_WRITES).catch(() => null),
      );
      const counts = await confirmAndFinish(confirmPage, 30 * 60_000);
      return { changed: counts.applied, counts, busyWrites: await probe };
    });
    const cpu = await stopProfile?.().catch(() => null);
    const windowCpu = await stopWindowProfile?.().catch((error) => log(`  confirm window profile: ${error}`));
    const { counts } = run;
    if (counts.total !== count) log(`  extension: the panel selected ${counts.total} tasks, ${count} expected`);
    if (counts.applied < counts.total) {
      const why = await confirmPage.getByTestId('plan-unapplied').locator('li').allTextContents();
      log(`  not applied: ${[...new Set(why.map((line) => line.replace(/^.+?: /, '')))].join(' / ')}`);
    }
    return {
      ...run,
      worker: {
        indexedDbWriteMedianMs: { idle: medianMs(idleWrites), duringJob: medianMs(run.busyWrites) },
        ...(cpu ? { cpu } : {}),
      },
      ...(windowCpu ? { confirmWindow: { cpu: windowCpu } } : {}),
    };
  } finally {
    await browser.close();
  }
}
