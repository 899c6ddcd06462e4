// 3b. Someone else's bulk job while a Sidekick tab shows the production: another Kitsu user changes the
// status of N tasks with a comment each (zou's comment-many route, 20 tasks a request, one request after
// the other, straight to Kitsu), so Sidekick's event stream receives N changes (several zou events
// each). Counted: the requests Sidekick makes to Kitsu (at the delay proxy, which only Sidekick goes
// through) from the first change until it has been quiet, and the refreshes of the dock's panels
// (messages of the content script, ./page-messages.mjs); the same for a single change first.
import { dockIn } from '../../test/e2e/support/dock.mjs';
import { byTestId } from '../../test/e2e/support/plans.mjs';
import { kitsuSend, loginAsManager } from '../../test/e2e/support/stack.mjs';
import { figure } from '../lib/figures.mjs';
import { startKitsuProxy, summariseLog } from '../lib/kitsu-proxy.mjs';
import { countContentScriptMessages, refreshesBetween } from '../lib/page-messages.mjs';
import { bulkRows } from './bulk.mjs';
import { connectedBrowser, requestsUntilQuiet } from './dock.mjs';

const BATCH = 20;
const MAX_REQUESTS_PER_REFRESH = 3;
/** Longer than the dock's 2 s between two refreshes: quiet means the burst's last refresh is over. */
const QUIET_MS = 5_000;

const chunks = (items, size) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));

/** The other user's job: each task flipped todo ⇄ wip with a comment, BATCH tasks a request. */
async function foreignBulkJob(stack, token, production, rows) {
  for (const part of chunks(rows, BATCH)) {
    await kitsuSend(
      stack,
      token,
      'POST',
      `/actions/projects/${production.id}/tasks/comment-many`,
      part.map((row) => ({
        object_id: row.taskId,
        task_status_id: row.to,
        comment: 'Changed by another Kitsu user in bulk (Sidekick benchmark).',
      })),
    );
  }
}

/** Requests and refreshes that `change` causes, until Sidekick has been quiet for QUIET_MS. */
async function caused(proxy, messages, change) {
  const before = { requests: proxy.bearerRequests(), messages: await messages.counts() };
  proxy.takeLog();
  const startedAt = performance.now();
  await change();
  const changeMs = performance.now() - startedAt;
  const requests = await requestsUntilQuiet(proxy.origin, before.requests, QUIET_MS);
  const refreshes = refreshesBetween(before.messages, await messages.counts());
  return { requests, refreshes, changeMs, byRoute: summariseLog(proxy.takeLog()).byRoute };
}

/**
 * With the dock of `browser` (connected through `proxy`) on the shots list: what one change, then
 * `count` changes in bulk by the person of `changerToken`, cause Sidekick to read and refresh.
 */
export async function measureForeignChanges(browser, proxy, { sidekick, stack, production, count, log, changerToken }) {
  const page = await browser.context.newPage();
  await page.goto(`${proxy.origin}/__front-door/dev-login?next=/productions/${production.id}/shots`);
  await dockIn(page).waitFor(byTestId('bulk-helpers'), { timeout: 120_000 });
  await requestsUntilQuiet(proxy.origin, 0, QUIET_MS);
  const messages = await countContentScriptMessages(browser.context, page, browser.extensionId);
  try {
    const client = sidekick.createKitsuClient({ origin: stack.frontDoor, token: stack.bots.writer.token });
    const rows = async () => {
      const found = (await bulkRows(sidekick, client, production)).slice(0, count);
      if (found.length < count) throw new Error(`only ${found.length} tasks to change, ${count} wanted`);
      return found;
    };
    const first = (await rows()).slice(0, 1);
    const single = await caused(proxy, messages, () => foreignBulkJob(stack, changerToken, production, first));
    log(
      `events: one change → ${single.requests} requests, ${single.refreshes} refreshes ${JSON.stringify(single.byRoute)}`,
    );
    const all = await rows();
    const burst = await caused(proxy, messages, () => foreignBulkJob(stack, changerToken, production, all));
    log(
      `events: ${count} changes in ${(burst.changeMs / 1000).toFixed(1)} s → ${burst.requests} requests, ` +
        `${burst.refreshes} refreshes ${JSON.stringify(burst.byRoute)}`,
    );
    return { single, burst };
  } finally {
    await messages.close();
  }
}

export async function benchEventBurst(sidekick, stack, production, { tasks: count, latency, log, details }) {
  const proxy = await startKitsuProxy({ upstream: stack.frontDoor, latencyMs: latency });
  const browser = await connectedBrowser({ ...stack, frontDoor: proxy.origin });
  try {
    const changes = { sidekick, stack, production, count, log, changerToken: await loginAsManager(stack) };
    const { single, burst } = await measureForeignChanges(browser, proxy, changes);
    details.eventBurst = { single, burst };
    const at = latency > 0 ? `, ${latency} ms each way` : '';
    const perRefresh = burst.refreshes > 0 ? burst.requests / burst.refreshes : burst.requests;
    return [
      figure({
        id: 'event-burst-requests',
        section: 'live events',
        label: `another user's bulk job, ${count} status changes in ${(burst.changeMs / 1000).toFixed(0)} s${at}: Sidekick's requests to Kitsu`,
        unit: 'requests',
        values: [burst.requests],
        goal: {
          max: MAX_REQUESTS_PER_REFRESH * burst.refreshes,
          text: `≤ ${MAX_REQUESTS_PER_REFRESH} per refresh (${burst.refreshes} refreshes)`,
        },
      }),
      figure({
        id: 'event-burst-refreshes',
        section: 'live events',
        label: `another user's bulk job, ${count} status changes${at}: refreshes of the dock's panels`,
        unit: 'refreshes',
        values: [burst.refreshes],
      }),
      figure({
        id: 'event-burst-requests-per-refresh',
        section: 'live events',
        label: `another user's bulk job, ${count} status changes${at}: requests per refresh`,
        unit: 'requests',
        values: [perRefresh],
        goal: { max: MAX_REQUESTS_PER_REFRESH },
      }),
      figure({
        id: 'event-single-requests',
        section: 'live events',
        label: `another user's single status change${at}: Sidekick's requests to Kitsu (${single.refreshes} refresh(es))`,
        unit: 'requests',
        values: [single.requests],
      }),
    ];
  } finally {
    await browser.close();
    await proxy.close();
  }
}
