// 7. The dock as the production's manager. The other sections connect Sidekick with the writer bot's
// token, a supervisor, whom zou refuses the event log; a production manager's suggestions also read it
// (the human-decisions guard, up to 3 pages of 1,000 events). Measured here: requests on SPA navigations
// whose data did not change, those to the event log apart, and the panels after a worker restart.
import { addConnection, launchChromiumWithExtension } from '../../test/e2e/support/browser.mjs';
import { bearerRequests, loginAsManager } from '../../test/e2e/support/stack.mjs';
import { allPanelsMs, panelsAfterSpaNavigation, panelsSinceNavigation } from '../lib/dock-timing.mjs';
import { figure } from '../lib/figures.mjs';
import { startKitsuProxy, summariseLog } from '../lib/kitsu-proxy.mjs';
import { sizeTag } from '../lib/options.mjs';
import { extensionWorkerDevTools } from '../lib/worker-cdp.mjs';
import { navigationsAfterWorkerRestarts, requestsUntilQuiet } from './dock.mjs';

/** Pages of zou's event log in a request log (its route names the query's keys too). */
const eventLogPages = (log) =>
  Object.entries(summariseLog(log).byRoute)
    .filter(([route]) => route.startsWith('GET /api/data/events/last'))
    .reduce((sum, [, count]) => sum + count, 0);

export async function benchManagerDock(stack, production, { repeats, latency, log }) {
  const proxy = await startKitsuProxy({ upstream: stack.frontDoor, latencyMs: latency });
  const browser = await launchChromiumWithExtension();
  try {
    const options = await addConnection(browser, { origin: proxy.origin, token: await loginAsManager(stack) });
    await options.close();
    return await measure(browser, proxy, production, { repeats, latency, log });
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
