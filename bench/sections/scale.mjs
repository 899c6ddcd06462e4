// 4. A production of --tasks N tasks (75,000 by default): the delay proxy copies the bench production's
// shot list for Sidekick's reads (the page keeps its real list; writes would go to the real tasks).
// In one Chromium profile, on one page: first with Sidekick paused from its popup (the page's own long
// tasks), then active: the production's first visit (cache empty), the worker's JS heap with it cached,
// SPA round trips to a task type page and back (requests, panels after the page's anchor). Long tasks
// are observed in the page and attributed to Sidekick or the page through Chromium's trace
// (../lib/long-tasks.mjs); the paused walk says what the page does alone.
import { spaNavigate } from '../../test/e2e/support/browser.mjs';
import { allPanelsMs, panelsAfterSpaNavigation } from '../lib/dock-timing.mjs';
import { figure } from '../lib/figures.mjs';
import { startKitsuProxy, summariseLog } from '../lib/kitsu-proxy.mjs';
import { observeLongTasks, traceLongTasks } from '../lib/long-tasks.mjs';
import { sizeTag } from '../lib/options.mjs';
import { extensionWorkerDevTools } from '../lib/worker-cdp.mjs';
import { afterAnchor, anchorOf, connectedBrowser, requestsUntilQuiet } from './dock.mjs';

const MB = 1024 * 1024;
const TIMEOUT_MS = 300_000;
/** After the page (and the dock) rendered: long tasks that follow still belong to the navigation. */
const SETTLE_MS = 2_000;

/** Pauses or resumes Sidekick the way a person does: the popup's switch. */
async function setPaused(browser, paused) {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const toggle = popup.getByTestId('popup-pause');
  if ((await toggle.isChecked()) !== paused) await toggle.click();
  await popup.waitForFunction(
    ([selector, want]) => document.querySelector(selector)?.checked === want,
    ['[data-testid="popup-pause"]', paused],
  );
  await popup.close();
}

/** A Kitsu-like SPA navigation, until the page filled itself (the front door's page says so). */
async function pageNavigation(page, route) {
  await spaNavigate(page, route);
  await page.waitForSelector('#app[data-front-door-route]', { timeout: TIMEOUT_MS });
}

/**
 * The same walk in both passes, in one document: from Kitsu's home to the production's shots list, then
 * round trips to a task type page and back. `active`: the dock measures each navigation and the requests
 * of each round trip are counted; `afterFirst` runs once the first visit's reads ended.
 */
async function walk(browser, page, { routes, roundTrips, active, sidekick, proxy, afterFirst, log }) {
  const tracing = await traceLongTasks(browser.context, page, browser.extensionId);
  const visit = async (route) => {
    if (!active) return pageNavigation(page, route);
    return panelsAfterSpaNavigation(page, route, { anchor: anchorOf(sidekick, route), timeoutMs: TIMEOUT_MS });
  };
  const settle = () =>
    active ? requestsUntilQuiet(proxy.origin, proxy.bearerRequests()) : page.waitForTimeout(SETTLE_MS);
  const first = await visit(routes.list);
  await settle();
  const extra = active ? await afterFirst() : null;
  const returns = [];
  for (let trip = 0; trip < roundTrips; trip++) {
    const before = proxy.bearerRequests();
    proxy.takeLog();
    const there = await visit(routes.taskType);
    const back = await visit(routes.list);
    const requests = active ? await requestsUntilQuiet(proxy.origin, before) : null;
    returns.push({ there, back, requests, byRoute: summariseLog(proxy.takeLog()).byRoute });
    if (!active) await settle();
  }
  const longTasks = await tracing.stop();
  log(`scale, Sidekick ${active ? 'active' : 'paused'}: long tasks ${JSON.stringify(longTasks.tasks)}`);
  return { first, returns, extra, longTasks };
}

/**
 * The worker's heap with what it keeps, not with work under way: the least of three readings after a full
 * GC, 2 s apart. One reading taken while the worker still ran the rules on 75,000 tasks (their snapshot
 * and 43,000 suggestions) read 183 MB; the next run of the same build, 29.4 MB.
 */
async function heapAtRest(devTools) {
  const readings = [];
  for (let reading = 0; reading < 3; reading++) {
    if (reading > 0) await new Promise((resolve) => setTimeout(resolve, 2_000));
    readings.push(await devTools.heapUsedAfterGc());
  }
  return Math.min(...readings);
}

/** The longest of `tasks` (of `owner`'s only, when given), in ms; 0 when there is none. */
const longest = (tasks, owner) =>
  Math.max(0, ...tasks.filter((task) => !owner || task.owner === owner).map((task) => task.durationMs));

export async function benchScale(sidekick, stack, production, { scale, latency, repeats, log, details }) {
  const { tasks, factor } = scale;
  const size = sizeTag(tasks);
  const proxy = await startKitsuProxy({
    upstream: stack.frontDoor,
    latencyMs: latency,
    inflate: { projectId: production.id, factor },
  });
  const via = { ...stack, frontDoor: proxy.origin };
  const browser = await connectedBrowser(via);
  try {
    await browser.context.addInitScript(observeLongTasks);
    const devTools = await extensionWorkerDevTools(browser.context, browser.extensionId);
    const idle = await devTools.heapUsedAfterGc();
    const routes = {
      list: `/productions/${production.id}/shots`,
      taskType: `/productions/${production.id}/shots/task-types/${production.bulkTaskTypeId}`,
    };
    const page = await browser.context.newPage();
    const open = async () => {
      await page.goto(`${via.frontDoor}/__front-door/dev-login?next=/`);
      await page.waitForSelector('#app[data-front-door-route]', { timeout: TIMEOUT_MS });
    };

    const options = { routes, roundTrips: repeats, sidekick, proxy, log };
    await setPaused(browser, true);
    await open();
    const paused = await walk(browser, page, { ...options, active: false });
    await setPaused(browser, false);
    await open();
    const active = await walk(browser, page, {
      ...options,
      active: true,
      afterFirst: async () => {
        if (proxy.inflatedAnswers() === 0) throw new Error('Sidekick read no shot list through the inflating proxy');
        return { heap: await heapAtRest(devTools) };
      },
    });
    const cached = active.extra.heap;
    const { longTasks, returns } = active;
    const coldMs = allPanelsMs(active.first);
    const afterAnchorMs = returns.flatMap(({ there, back }) => [afterAnchor(there), afterAnchor(back)]);
    log(
      `scale ${tasks} tasks: heap ${(idle / MB).toFixed(1)} → ${(cached / MB).toFixed(1)} MB, first visit ${coldMs.toFixed(0)} ms, ` +
        `returns ${JSON.stringify(returns.map((trip) => trip.requests))} requests, after anchor ${JSON.stringify(afterAnchorMs)}`,
    );
    details.scale = {
      tasks,
      returnRequestsByRoute: returns.map((trip) => trip.byRoute),
      // Each panel's time and the anchor's, from the navigation: which panel is last.
      returnPanels: returns.map(({ there, back }) => ({ there, back })),
      longTasks: { paused: paused.longTasks, active: longTasks },
    };
    const owners = ({ tasks: list }) =>
      ['sidekick', 'page', 'unknown']
        .map((owner) => `${list.filter((task) => task.owner === owner).length} ${owner}'s`)
        .join(', ');
    return [
      figure({
        id: `heap-${size}-mb`,
        section: 'scale',
        label: `service worker JS heap after reading ${tasks} tasks, with what its cache kept (after GC; ${(idle / MB).toFixed(1)} MB before)`,
        unit: 'MB',
        values: [cached / MB],
        goal: { max: 40 },
      }),
      figure({
        id: `warm-requests-${size}`,
        section: 'scale',
        label: `${tasks} tasks: SPA navigation to a task type page and back, data unchanged: requests to Kitsu`,
        unit: 'requests',
        values: returns.map((trip) => trip.requests),
        goal: { max: 0 },
      }),
      figure({
        id: 'panel-paint-after-anchor-ms',
        section: 'scale',
        label: `${tasks} tasks, warm SPA navigations: all panels shown after Kitsu rendered the page's anchor`,
        unit: 'ms',
        values: afterAnchorMs.filter((ms) => ms !== null),
        goal: { max: 50 },
      }),
      figure({
        id: `cold-panel-ms-${size}`,
        section: 'scale',
        label: `${tasks} tasks, first visit of the shots list (cache empty), SPA navigation: all panels shown`,
        unit: 'ms',
        values: [coldMs],
      }),
      figure({
        id: `longest-page-task-ms-${size}`,
        section: 'scale',
        label: `${tasks} tasks: longest task on the page's main thread running Sidekick's content script (first visit and returns)`,
        unit: 'ms',
        values: [longest(longTasks.tasks, 'sidekick')],
        goal: { max: 50 },
        note: `long tasks with Sidekick active: ${owners(longTasks)}; paused: ${owners(paused.longTasks)}`,
      }),
      figure({
        id: `longest-page-task-ms-${size}-paused`,
        section: 'scale',
        label: `${tasks} tasks, Sidekick paused: longest task on the page's main thread (the page's own)`,
        unit: 'ms',
        values: [longest(paused.longTasks.tasks)],
      }),
    ];
  } finally {
    await browser.close();
    await proxy.close();
  }
}
