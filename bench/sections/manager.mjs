// 7. The dock as the production's manager. The other sections connect Sidekick with the writer bot's
// token, a supervisor, whom zou refuses the event log; a production manager's suggestions also read it
// (the human-decisions guard, up to 3 pages of 1,000 events). Measured here: requests on SPA navigations
// whose data did not change, those to the event log apart, the panels after a worker restart, and what
// another person's bulk job (the studio's admin, as in section 3b) costs.
import { addConnection, launchChromiumWithExtension } from '../../test/e2e/support/browser.mjs';
import { bearerRequests, loginAsAdmin, loginAsManager } from '../../test/e2e/support/stack.mjs';
import { allPanelsMs, panelsAfterSpaNavigation, panelsSinceNavigation } from '../lib/dock-timing.mjs';
import { figure } from '../lib/figures.mjs';
import { startKitsuProxy, summariseLog } from '../lib/kitsu-proxy.mjs';
import { sizeTag } from '../lib/options.mjs';
import { extensionWorkerDevTools } from '../lib/worker-cdp.mjs';
import { navigationsAfterWorkerRestarts, requestsUntilQuiet } from './dock.mjs';
import { measureForeignChanges } from './event-burst.mjs';

/** Pages of zou's event log among requests by route (its route names the query's keys too). */
const eventLogPagesOf = (byRoute) =>
  Object.entries(byRoute)
    .filter(([route]) => route.startsWith('GET /api/data/events/last'))
    .reduce((sum, [, count]) => sum + count, 0);
const eventLogPages = (log) => eventLogPagesOf(summariseLog(log).byRoute);

export async function benchManagerDock(sidekick, stack, production, { repeats, latency, burstTasks, log }) {
  const proxy = await startKitsuProxy({ upstream: stack.frontDoor, latencyMs: latency });
  const browser = await launchChromiumWithExtension();
  try {
    const options = await addConnection(browser, { origin: proxy.origin, token: await loginAsManager(stack) });
    await options.close();
    const figures = await measure(browser, proxy, production, { repeats, latency, log });
    const changes = { sidekick, stack, production, count: burstTasks, log, changerToken: await loginAsAdmin(stack) };
    return [...figures, ...burstFigures(await measureForeignChanges(browser, proxy, changes), burstTasks)];
  } finally {
    await browser.close();
    await proxy.close();
  }
}

async function measure(browser, proxy, production, { repeats, latency, log }) {
  const size = sizeTag(production.tasks);
  const at = latency > 0 ? `, ${latency} ms each way` : '';
  const routes = [
    `/productions/${production.id}/shots`,
    `/productions/${production.id}/shots/task-types/${production.taskTypeIds.Animation}`,
    `/productions/${production.id}/shots/task-types/${production.taskTypeIds.Layout}`,
  ];
  const page = await browser.context.newPage();
  await page.goto(`${proxy.origin}/__front-door/dev-login?next=${routes[0]}`);
  await panelsSinceNavigation(page);
  for (const route of routes.slice(1)) await panelsAfterSpaNavigation(page, route);
  await requestsUntilQuiet(proxy.origin, 0);
  const firstVisits = eventLogPages(proxy.takeLog());

  const warm = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (const route of [...routes.slice(1), routes[0]]) {
      const before = await bearerRequests(proxy.origin);
      const { times } = await panelsAfterSpaNavigation(page, route);
      const requests = await requestsUntilQuiet(proxy.origin, before);
      const eventLog = eventLogPages(proxy.takeLog());
      warm.push({ times, requests, eventLog });
    }
  }
  log(`manager: first visits read ${firstVisits} event log pages; warm ${JSON.stringify(warm)}`);

  const devTools = await extensionWorkerDevTools(browser.context, browser.extensionId);
  await page.bringToFront();
  const restarted = await navigationsAfterWorkerRestarts(devTools, page, proxy.origin, routes, repeats, () => ({
    eventLog: eventLogPages(proxy.takeLog()),
  }));
  log(`manager after worker restart: ${JSON.stringify(restarted)}`);
  // The burst is watched from a page of its own: one tab on the production, as in section 3b.
  await page.close();

  const what = `as the production's manager, ${production.tasks} tasks${at}`;
  return [
    figure({
      id: 'manager-warm-requests',
      section: 'dock as manager',
      label: `${what}: SPA navigation, data unchanged: requests to Kitsu`,
      unit: 'requests',
      values: warm.map((sample) => sample.requests),
      goal: { max: 0 },
    }),
    figure({
      id: 'manager-warm-event-log-requests',
      section: 'dock as manager',
      label: `${what}: SPA navigation, data unchanged: event log pages read`,
      unit: 'requests',
      values: warm.map((sample) => sample.eventLog),
    }),
    figure({
      id: 'manager-warm-panel-ms',
      section: 'dock as manager',
      label: `${what}: SPA navigation, data unchanged: all panels shown`,
      unit: 'ms',
      values: warm.map(allPanelsMs),
    }),
    figure({
      id: `manager-restart-panel-ms-${size}`,
      section: 'dock as manager',
      label: `${what}: SPA navigation after a worker restart: all panels shown`,
      unit: 'ms',
      values: restarted.map(allPanelsMs),
      goal: { max: 1000 },
    }),
  ];
}

/** Another person's bulk job, as the manager's dock sees it: requests per refresh, event log pages among them. */
function burstFigures({ burst }, count) {
  const perRefresh = (requests) => (burst.refreshes > 0 ? requests / burst.refreshes : requests);
  const what = `as the production's manager, another person's bulk job of ${count} status changes`;
  return [
    figure({
      id: 'manager-event-burst-requests-per-refresh',
      section: 'dock as manager',
      label: `${what}: requests per refresh (${burst.requests} for ${burst.refreshes} refreshes)`,
      unit: 'requests',
      values: [perRefresh(burst.requests)],
      goal: { max: 3 },
    }),
    figure({
      id: 'manager-event-burst-event-log-requests',
      section: 'dock as manager',
      label: `${what}: event log pages read`,
      unit: 'requests',
      values: [eventLogPagesOf(burst.byRoute)],
    }),
  ];
}
