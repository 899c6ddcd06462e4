// 1. and 3. The dock in real Chromium on the bench production, requests counted at the front door:
// the first visit with an empty cache (a new browser profile each time), SPA navigations between
// pages whose data did not change, navigations after the service worker was stopped (its cache is
// in IndexedDB), and another Kitsu user's change until the dock shows it.
import { addConnection, launchChromiumWithExtension } from '../../test/e2e/support/browser.mjs';
import { DOCK } from '../../test/e2e/support/plans.mjs';
import { bearerRequests, kitsuGet, kitsuSend, loginAsManager } from '../../test/e2e/support/stack.mjs';
import { panelsAfterSpaNavigation, panelsSinceNavigation } from '../lib/dock-timing.mjs';
import { figure } from '../lib/figures.mjs';
import { extensionWorkerDevTools } from '../lib/worker-cdp.mjs';

const QUIET_MS = 1_500;
const MB = 1024 * 1024;

/** Requests Sidekick makes until it has been quiet for QUIET_MS (answers land after the panels may show). */
export async function requestsUntilQuiet(origin, since) {
  let last = await bearerRequests(origin);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const now = await bearerRequests(origin);
    if (now === last) return now - since;
    last = now;
  }
}

export async function connectedBrowser(stack) {
  const browser = await launchChromiumWithExtension();
  const options = await addConnection(browser, { origin: stack.frontDoor, token: stack.bots.writer.token });
  await options.close();
  return browser;
}

const panelFigures = (prefix, section, what, samples, goal) => {
  const panels = [...new Set(samples.flatMap((sample) => Object.keys(sample.times)))];
  return [
    ...panels.map((panel) =>
      figure({
        id: `${prefix}-${panel}`,
        section,
        label: `${what}: "${panel}" panel shown`,
        unit: 'ms',
        values: samples.flatMap((sample) => (sample.times[panel] === undefined ? [] : [sample.times[panel]])),
        goal: goal?.paint,
      }),
    ),
    figure({
      id: `${prefix}-requests`,
      section,
      label: `${what}: requests to Kitsu`,
      unit: 'requests',
      values: samples.map((sample) => sample.requests),
      goal: goal?.requests,
    }),
  ];
};

export async function benchDock(stack, production, options) {
  const session = {};
  try {
    return await measureDock(stack, production, options, session);
  } finally {
    await session.browser?.close();
  }
}

async function measureDock(stack, production, { repeats, log }, session) {
  const shots = `/productions/${production.id}/shots`;
  const routes = [
    shots,
    `/productions/${production.id}/shots/task-types/${production.taskTypeIds.Animation}`,
    `/productions/${production.id}/shots/task-types/${production.taskTypeIds.Layout}`,
  ];
  const figures = [];

  // Cold: a new profile each time, so nothing is cached.
  const cold = [];
  let browser;
  for (let repeat = 0; repeat < repeats; repeat++) {
    await browser?.close();
    browser = await connectedBrowser(stack);
    session.browser = browser;
    const page = await browser.context.newPage();
    const before = await bearerRequests(stack.frontDoor);
    await page.goto(`${stack.frontDoor}/__front-door/dev-login?next=${shots}`);
    const times = await panelsSinceNavigation(page);
    cold.push({ times, requests: await requestsUntilQuiet(stack.frontDoor, before) });
    log(`dock cold: ${JSON.stringify(cold.at(-1))}`);
    if (repeat < repeats - 1) await page.close();
  }
  figures.push(...panelFigures('dock-cold', 'dock', `first visit, empty cache, ${production.tasks} tasks`, cold));

  // Warm: every page visited once, then visited again with Kitsu's data unchanged.
  const [page] = browser.context.pages().filter((candidate) => candidate.url().includes('/productions/'));
  for (const route of routes.slice(1)) await panelsAfterSpaNavigation(page, route);
  await requestsUntilQuiet(stack.frontDoor, 0);
  const warm = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (const route of [...routes.slice(1), routes[0]]) {
      const before = await bearerRequests(stack.frontDoor);
      const times = await panelsAfterSpaNavigation(page, route);
      warm.push({ times, requests: (await bearerRequests(stack.frontDoor)) - before });
    }
  }
  log(`dock warm: ${JSON.stringify(warm)}`);
  figures.push(
    ...panelFigures('dock-warm', 'dock', 'SPA navigation, data unchanged', warm, {
      paint: '≤ 50 ms',
      requests: '0',
    }),
  );

  // The worker stopped (as Chrome does after 30 s idle): the next navigation starts a new one.
  const devTools = await extensionWorkerDevTools(browser.context, browser.extensionId);
  const heap = await devTools.heapUsedAfterGc();
  log(`dock: worker heap ${(heap / MB).toFixed(1)} MB with the production cached`);
  figures.push(
    figure({
      id: 'heap-cached',
      section: 'memory',
      label: `service worker JS heap, the ${production.tasks}-task production read and cached (after GC)`,
      unit: 'MB',
      values: [heap / MB],
    }),
  );
  const restarted = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    await devTools.stopWorker();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = await bearerRequests(stack.frontDoor);
    const times = await panelsAfterSpaNavigation(page, routes[(repeat + 1) % routes.length]);
    restarted.push({ times, requests: await requestsUntilQuiet(stack.frontDoor, before) });
  }
  log(`dock after worker restart: ${JSON.stringify(restarted)}`);
  figures.push(...panelFigures('dock-restart', 'dock', 'SPA navigation after a worker restart', restarted));

  figures.push(...(await benchEvents(stack, production, page, repeats, log)));
  return figures;
}

/** Another Kitsu user changes a task's status; the dock on that task's page shows the new status. */
async function benchEvents(stack, production, page, repeats, log) {
  const managerToken = await loginAsManager(stack);
  const taskId = production.eventTaskId;
  await panelsAfterSpaNavigation(page, `/productions/${production.id}/shots/tasks/${taskId}`);
  const names = page.locator(DOCK).getByTestId('this-page-names');
  await names.filter({ hasText: 'Status' }).waitFor({ timeout: 30_000 });
  await requestsUntilQuiet(stack.frontDoor, 0);
  const statuses = await kitsuGet(stack, '/data/task-status');
  const nameOf = (id) => statuses.find((status) => status.id === id).name;
  const samples = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    const task = await kitsuGet(stack, `/data/tasks/${taskId}`);
    const target =
      task.task_status_id === production.statusIds.wip ? production.statusIds.wfa : production.statusIds.wip;
    const before = await bearerRequests(stack.frontDoor);
    const changedAt = performance.now();
    await kitsuSend(stack, managerToken, 'POST', `/actions/tasks/${taskId}/comment`, {
      task_status_id: target,
      comment: 'Changed by another Kitsu user (Sidekick benchmark).',
    });
    await names.filter({ hasText: `Status${nameOf(target)}` }).waitFor({ timeout: 10_000 });
    const latency = performance.now() - changedAt;
    samples.push({ latency, requests: await requestsUntilQuiet(stack.frontDoor, before) });
  }
  log(`events: ${JSON.stringify(samples)}`);
  return [
    figure({
      id: 'event-latency',
      section: 'live events',
      label: "another user's status change → shown in the dock (task page)",
      unit: 'ms',
      values: samples.map((sample) => sample.latency),
      goal: '≤ 1000 ms',
    }),
    figure({
      id: 'event-requests',
      section: 'live events',
      label: 'requests to Kitsu per event',
      unit: 'requests',
      values: samples.map((sample) => sample.requests),
    }),
  ];
}
