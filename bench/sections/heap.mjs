// 4b. The service worker's JS heap once it has read and cached a production of many tasks (after a
// full garbage collection), in a new profile: the shot lists come through the inflating proxy.
import { bearerRequests } from '../../test/e2e/support/stack.mjs';
import { panelsAfterSpaNavigation, panelsSinceNavigation } from '../lib/dock-timing.mjs';
import { figure } from '../lib/figures.mjs';
import { startInflatingProxy } from '../lib/inflating-proxy.mjs';
import { extensionWorkerDevTools } from '../lib/worker-cdp.mjs';
import { connectedBrowser, requestsUntilQuiet } from './dock.mjs';

const MB = 1024 * 1024;

export async function benchHeap(stack, production, { factor, log }) {
  const tasks = production.tasks * factor;
  const proxy = await startInflatingProxy({ upstream: stack.frontDoor, projectId: production.id, factor });
  const browser = await connectedBrowser({ ...stack, frontDoor: proxy.origin });
  try {
    const devTools = await extensionWorkerDevTools(browser.context, browser.extensionId);
    const idle = await devTools.heapUsedAfterGc();
    const page = await browser.context.newPage();
    await page.goto(`${proxy.origin}/__front-door/dev-login?next=/productions/${production.id}/shots`);
    const times = await panelsSinceNavigation(page, { timeoutMs: 300_000 });
    const loaded = await devTools.heapUsedAfterGc();
    if (proxy.inflatedAnswers() === 0) throw new Error('Sidekick read no shot list through the inflating proxy');
    // Back to a page seen before, data unchanged: served from the cache if the lists could be kept.
    const before = await bearerRequests(stack.frontDoor);
    await panelsAfterSpaNavigation(
      page,
      `/productions/${production.id}/shots/task-types/${production.bulkTaskTypeId}`,
      {
        timeoutMs: 300_000,
      },
    );
    await panelsAfterSpaNavigation(page, `/productions/${production.id}/shots`, { timeoutMs: 300_000 });
    const again = await requestsUntilQuiet(stack.frontDoor, before);
    log(
      `heap: ${(idle / MB).toFixed(1)} MB idle, ${(loaded / MB).toFixed(1)} MB with ${tasks} tasks; ` +
        `panels ${JSON.stringify(times)}; ${again} requests when coming back`,
    );
    return [
      figure({
        id: 'heap-idle',
        section: 'memory',
        label: 'service worker JS heap, connected, nothing read yet',
        unit: 'MB',
        values: [idle / MB],
      }),
      figure({
        id: 'heap-loaded',
        section: 'memory',
        label: `service worker JS heap after reading ${tasks} tasks (all panels shown, after GC)`,
        unit: 'MB',
        values: [loaded / MB],
        goal: '≤ 40 MB',
      }),
      figure({
        id: 'heap-warm-requests',
        section: 'memory',
        label: `${tasks} tasks: SPA navigation to a task type page and back, requests to Kitsu`,
        unit: 'requests',
        values: [again],
        goal: '0',
      }),
      ...Object.entries(times).map(([panel, ms]) =>
        figure({
          id: `heap-cold-${panel}`,
          section: 'memory',
          label: `first visit, empty cache, ${tasks} tasks: "${panel}" panel shown`,
          unit: 'ms',
          values: [ms],
        }),
      ),
    ];
  } finally {
    await browser.close();
    await proxy.close();
  }
}
