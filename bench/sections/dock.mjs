// 1. and 3. The dock in real Chromium on the bench production, through the delay proxy (requests
// counted there): the first visit with an empty cache (a new browser profile each time), SPA
// navigations between pages whose data did not change, navigations after the service worker was
// stopped (its cache is in IndexedDB), and another Kitsu user's change until the dock shows it (that
// user writes to Kitsu directly: only Sidekick's requests are counted).
import { addConnection, launchChromiumWithExtension } from '../../test/e2e/support/browser.mjs';
import { dockIn } from '../../test/e2e/support/dock.mjs';
import { bearerRequests, kitsuGet, kitsuSend, loginAsManager } from '../../test/e2e/support/stack.mjs';
import { allPanelsMs, panelsAfterSpaNavigation, panelsSinceNavigation } from '../lib/dock-timing.mjs';
import { figure } from '../lib/figures.mjs';
import { startKitsuProxy } from '../lib/kitsu-proxy.mjs';
import { sizeTag } from '../lib/options.mjs';
import { extensionWorkerDevTools } from '../lib/worker-cdp.mjs';

const QUIET_MS = 1_500;
const MB = 1024 * 1024;

/** Requests Sidekick makes until it has been quiet for `quietMs` (answers land after the panels may show). */
export async function requestsUntilQuiet(origin, since, quietMs = QUIET_MS) {
  let last = await bearerRequests(origin);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = await bearerRequests(origin);
    if (now === last) return now - since;
    last = now;
  }
}

/**
 * SPA navigations, each after the worker was stopped (as Chrome does after 30 s idle): their panel times,
 * their requests, and what `afterEach` adds to each sample (its request log, say).
 */
export async function navigationsAfterWorkerRestarts(devTools, page, origin, routes, repeats, afterEach = () => ({})) {
  const restarted = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    await devTools.stopWorker();
    // As after Chrome's 30 s idle stop: the page's line to the background opens again 1 s later, so a new
    // worker sees the production come into view before the person's next click.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const before = await bearerRequests(origin);
    const { times } = await panelsAfterSpaNavigation(page, routes[(repeat + 1) % routes.length]);
    restarted.push({ times, requests: await requestsUntilQuiet(origin, before), ...afterEach() });
  }
  return restarted;
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

/** What a page's panels took after its anchor showed (null: the anchor was not seen anew). */
export const afterAnchor = (sample) => (sample.anchorMs === null ? null : allPanelsMs(sample) - sample.anchorMs);

/** The selector the dock waits for on `route` before it shows its panels. */
export const anchorOf = (sidekick, route) => sidekick.anchorFor(sidekick.parseKitsuUrl(`http://kitsu${route}`));

export async function benchDock(sidekick, stack, production, options) {
  const session = {};
  const proxy = await startKitsuProxy({ upstream: stack.frontDoor, latencyMs: options.latency });
  try {
    return await measureDock(sidekick, stack, { ...stack, frontDoor: proxy.origin }, production, options, session);
  } finally {
    await session.browser?.close();
    await proxy.close();
  }
}

async function measureDock(sidekick, stack, via, production, { repeats, latency, log }, session) {
  const size = sizeTag(production.tasks);
  const at = latency > 0 ? `, ${latency} ms each way` : '';
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
    browser = await connectedBrowser(via);
    session.browser = browser;
    const page = await browser.context.newPage();
    const before = await bearerRequests(via.frontDoor);
    await page.goto(`${via.frontDoor}/__front-door/dev-login?next=${shots}`);
    const { times } = await panelsSinceNavigation(page);
    cold.push({ times, requests: await requestsUntilQuiet(via.frontDoor, before) });
    log(`dock cold: ${JSON.stringify(cold.at(-1))}`);
    if (repeat < repeats - 1) await page.close();
  }
  figures.push(
    ...panelFigures('dock-cold', 'dock', `first visit, empty cache, ${production.tasks} tasks${at}`, cold),
    figure({
      id: `cold-panel-ms-${size}`,
      section: 'dock',
      label: `first visit, empty cache, ${production.tasks} tasks${at}: all panels shown, from navigation start`,
      unit: 'ms',
      values: cold.map(allPanelsMs),
      goal: { max: 1000 },
    }),
  );

  // Warm: every page visited once, then visited again with Kitsu's data unchanged.
  const [page] = browser.context.pages().filter((candidate) => candidate.url().includes('/productions/'));
  for (const route of routes.slice(1)) await panelsAfterSpaNavigation(page, route);
  await requestsUntilQuiet(via.frontDoor, 0);
  const warm = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (const route of [...routes.slice(1), routes[0]]) {
      const before = await bearerRequests(via.frontDoor);
      const sample = await panelsAfterSpaNavigation(page, route, { anchor: anchorOf(sidekick, route) });
      warm.push({ ...sample, requests: (await bearerRequests(via.frontDoor)) - before });
    }
  }
  log(`dock warm: ${JSON.stringify(warm)}`);
  const warmAfterAnchor = warm.map(afterAnchor).filter((ms) => ms !== null);
  figures.push(
    ...panelFigures('dock-warm', 'dock', `SPA navigation, data unchanged${at}`, warm, { requests: { max: 0 } }),
    ...(warmAfterAnchor.length > 0
      ? [
          figure({
            id: `dock-warm-after-anchor-ms-${size}`,
            section: 'dock',
            label: `SPA navigation, data unchanged, ${production.tasks} tasks${at}: all panels shown after Kitsu rendered the page's anchor`,
            unit: 'ms',
            values: warmAfterAnchor,
            goal: { max: 50 },
          }),
        ]
      : []),
  );

  // The worker stopped (as Chrome does after 30 s idle): the next navigation starts a new one.
  const devTools = await extensionWorkerDevTools(browser.context, browser.extensionId);
  // The DevTools page opened as the active tab: the Kitsu page, now in the background, got no animation
  // frames, and panels measured there showed about a second late (the person looks at Kitsu).
  await page.bringToFront();
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
  const restarted = await navigationsAfterWorkerRestarts(devTools, page, via.frontDoor, routes, repeats);
  log(`dock after worker restart: ${JSON.stringify(restarted)}`);
  figures.push(
    ...panelFigures('dock-restart', 'dock', `SPA navigation after a worker restart${at}`, restarted),
    figure({
      id: `restart-panel-ms-${size}`,
      section: 'dock',
      label: `SPA navigation after a worker restart, ${production.tasks} tasks${at}: all panels shown`,
      unit: 'ms',
      values: restarted.map(allPanelsMs),
      goal: { max: 1000 },
    }),
  );

  figures.push(...(await benchEvents(stack, via, production, page, repeats, log)));
  return figures;
}

/** Another Kitsu user changes a task's status; the dock on that task's page shows the new status. */
async function benchEvents(stack, via, production, page, repeats, log) {
  const managerToken = await loginAsManager(stack);
  const taskId = production.eventTaskId;
  await panelsAfterSpaNavigation(page, `/productions/${production.id}/shots/tasks/${taskId}`);
  const dock = dockIn(page);
  const names = '[data-testid="this-page-names"]';
  await dock.waitFor(names, { hasText: 'Status', timeout: 30_000 });
  await requestsUntilQuiet(via.frontDoor, 0);
  const statuses = await kitsuGet(stack, '/data/task-status');
  const nameOf = (id) => statuses.find((status) => status.id === id).name;
  const samples = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    const task = await kitsuGet(stack, `/data/tasks/${taskId}`);
    const target =
      task.task_status_id === production.statusIds.wip ? production.statusIds.wfa : production.statusIds.wip;
    const before = await bearerRequests(via.frontDoor);
    const changedAt = performance.now();
    await kitsuSend(stack, managerToken, 'POST', `/actions/tasks/${taskId}/comment`, {
      task_status_id: target,
      comment: 'Changed by another Kitsu user (Sidekick benchmark).',
    });
    await dock.waitFor(names, { hasText: `Status${nameOf(target)}`, timeout: 10_000, interval: 20 });
    const latency = performance.now() - changedAt;
    samples.push({ latency, requests: await requestsUntilQuiet(via.frontDoor, before) });
  }
  log(`events: ${JSON.stringify(samples)}`);
  return [
    figure({
      id: 'event-latency',
      section: 'live events',
      label: "another user's status change → shown in the dock (task page)",
      unit: 'ms',
      values: samples.map((sample) => sample.latency),
      goal: { max: 1000 },
    }),
    figure({
      id: 'event-requests',
      section: 'live events',
      label: "requests to Kitsu per event (Sidekick's only)",
      unit: 'requests',
      values: samples.map((sample) => sample.requests),
    }),
  ];
}
