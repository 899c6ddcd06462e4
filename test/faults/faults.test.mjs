import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createFaultProxy, DEFAULT_CONFIG } from '../../scripts/fault-proxy/server.mjs';
import { ARTIFACTS, spaNavigate } from '../e2e/support/browser.mjs';
import { dockIn } from '../e2e/support/dock.mjs';
import {
  byTestId,
  confirmAndFinish,
  openShotsWithOperator,
  proposeBulkComment,
  readCounts,
} from '../e2e/support/plans.mjs';
import { kitsuGet, readStack } from '../e2e/support/stack.mjs';
import { loginAsAdmin } from '../hostile/support/server-writes.mjs';
import { createLargeProduction } from './support/large-scope.mjs';
import { configureFaults, createTestBot, faultStats } from './support/setup.mjs';

// 1,000 in CI; a smaller job (SIDEKICK_FAULTS_JOB_SIZE) for a quick local run.
const JOB_SIZE = Number(process.env.SIDEKICK_FAULTS_JOB_SIZE ?? 1000);
const FAULT_RATE = 0.1;

/** The confirm window's report: each unapplied item's label, state and reason. */
async function unappliedItems(confirmPage) {
  const items = new Map();
  for (const line of await confirmPage.getByTestId('plan-unapplied').locator('li').allTextContents()) {
    const match = /^(.+?): (skipped|failed) — (.+)$/.exec(line);
    assert.ok(match, `an unapplied item says why: ${line}`);
    // Reports name a task by its whole label (sequence / shot / task type); this production's shot names
    // are unique, so the shot and task type tell the item.
    items.set(match[1].split(' / ').slice(-2).join(' / '), { state: match[2], reason: match[3] });
  }
  return items;
}

const DOCK = byTestId('sidekick-dock');
/** Fault kinds: a 503 every time a fault is drawn. */
const ONLY_503 = { ...Object.fromEntries(Object.keys(DEFAULT_CONFIG.kinds).map((kind) => [kind, 0])), 503: 1 };

/** How many elements of the dock say `pattern` themselves (as Playwright's getByText counts them). */
function countSaying(page, pattern) {
  return dockIn(page).evaluate(
    (doc, source, flags) => {
      const says = (element) => new RegExp(source, flags).test(element.textContent.trim());
      return [...doc.querySelectorAll('*')].filter((element) => says(element) && ![...element.children].some(says))
        .length;
    },
    pattern.source,
    pattern.flags,
  );
}

async function until(condition, timeout) {
  for (const deadline = Date.now() + timeout; !(await condition()); ) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Waits until the job ends (done, or stopped short), and says how, with the items that did not end. */
async function jobEnd(confirmPage, timeout) {
  await confirmPage
    .locator(
      '[data-testid="plan-progress"]:is([data-state="done"], [data-state="interrupted"], [data-state="cancelled"])',
    )
    .waitFor({ timeout });
  const planId = decodeURIComponent(new URL(confirmPage.url()).hash.slice(1));
  const answer = await confirmPage.evaluate(
    (id) => chrome.runtime.sendMessage({ type: 'plans/status', planId: id }),
    planId,
  );
  const unsettled = answer.data.items.filter((item) => !['applied', 'skipped', 'failed'].includes(item.state));
  return { state: answer.data.state, unsettled, readBack: answer.data.readBack };
}

/** Every comment on the server containing `text`, counted per task: one request, whatever the job size. */
async function commentsPerTask(stack, adminToken, text) {
  const comments = await kitsuGet(stack, '/data/comments', adminToken);
  const perTask = new Map();
  for (const comment of comments) {
    if (comment.text?.includes(text)) perTask.set(comment.object_id, (perTask.get(comment.object_id) ?? 0) + 1);
  }
  return perTask;
}

/** Checks a finished job item by item against the server: applied once, or failed (or skipped) with a reason. */
function account(tasks, taskTypeNames, unapplied, perTask) {
  const result = { applied: 0, failed: 0, skipped: 0, lost: [], duplicated: [], unknown: 0 };
  for (const task of tasks) {
    const label = `${task.label} / ${taskTypeNames.get(task.task_type_id)}`;
    const posted = perTask.get(task.id) ?? 0;
    const item = unapplied.get(label);
    if (posted > 1) result.duplicated.push(`${label}: ${posted} comments`);
    if (!item) {
      result.applied += 1;
      if (posted !== 1) result.lost.push(`${label}: reported applied, ${posted} comments on the server`);
    } else if (/unknown/.test(item.reason)) {
      // The report says it cannot tell; the server decides, and either way the item is told to the person.
      result.unknown += 1;
      result[item.state] += 1;
    } else {
      result[item.state] += 1;
      if (posted !== 0) result.duplicated.push(`${label}: reported ${item.state} (${item.reason}), ${posted} posted`);
    }
  }
  return result;
}

/**
 * What a job that lost or duplicated an item did, kept in the artifacts: its audit records (each item's
 * end and the read-back's line) and every write and comment read the proxy saw, with the faults it put in.
 */
async function keepDiagnosis(browser, confirmPage, proxyUrl, result) {
  const planId = decodeURIComponent(new URL(confirmPage.url()).hash.slice(1));
  // The audit log is the options page's to export: the confirm window may not ask for it.
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const exported = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'audit/export', format: 'json' }));
  await options.close();
  if (!exported.ok) throw new Error(`the audit log could not be exported: ${JSON.stringify(exported.error)}`);
  const records = JSON.parse(exported.data.content).filter((record) => record.planId === planId);
  const requests = await (await fetch(`${proxyUrl}/__fault-proxy/log`)).json();
  const file = path.join(ARTIFACTS, 'faults-diagnosis.json');
  const writes = requests.filter((request) => request.method !== 'GET' || /comments/.test(request.path));
  await writeFile(file, JSON.stringify({ result, records, requests: writes }, null, 1));
  const readBack = records.filter((record) => record.kind === 'read-back').map((record) => record.reason);
  console.log(`diagnosis in ${file}; read-back records: ${JSON.stringify(readBack)}`);
}

/**
 * Opens a production's shots the way Kitsu does, and waits until the dock's panels are that page's. The dock
 * commits a page change once it has settled (lib/dock/context-settle.ts); until then the previous page's
 * panels stay, and a form filled in them would be replaced by the new page's, its text lost.
 */
async function openShotsOf(page, project) {
  await spaNavigate(page, `/productions/${project.id}/shots`);
  const dock = dockIn(page);
  await dock.waitFor(byTestId('this-page-names'), { hasText: project.name, timeout: 30_000 });
  await dock.waitFor(byTestId('bulk-helpers'), { timeout: 30_000 });
}

describe('faults between Sidekick and Kitsu', () => {
  let stack;
  let adminToken;
  let production;
  let bot;
  let proxy;
  let proxyUrl;
  let browser;
  let page;
  let taskTypeNames;

  before(async () => {
    stack = readStack();
    adminToken = await loginAsAdmin(stack);
    const startedAt = Date.now();
    production = await createLargeProduction(stack, { taskCount: JOB_SIZE });
    bot = await createTestBot(stack, [production.project.id, stack.production.id]);
    console.log(`setup: ${production.tasks.length} tasks in a production of their own in ${Date.now() - startedAt} ms`);
    taskTypeNames = new Map(production.taskTypes.map((taskType) => [taskType.id, taskType.name]));
    proxy = createFaultProxy({ upstream: stack.frontDoor, config: { seed: 20261129 } });
    proxyUrl = await proxy.listen();
    // Sidekick's connection is the proxy's origin: the Kitsu pages and the API share it, as behind nginx.
    const viaProxy = { ...stack, frontDoor: proxyUrl, bots: { ...stack.bots, writer: { ...bot, name: 'Fault Bot' } } };
    ({ browser, page } = await openShotsWithOperator(viaProxy));
    await openShotsOf(page, production.project);
  });
  after(async () => {
    await browser?.close();
    await proxy?.close();
    await production?.close();
  });

  it(`a ${JOB_SIZE}-item job with ${FAULT_RATE * 100}% failures and a worker stop: every item applied once or failed with a reason`, async () => {
    const text = `Fault check ${Date.now()}: the layout is locked.`;
    const confirmPage = await proposeBulkComment(browser, page, { taskTypeId: '', text });
    const total = production.tasks.length;
    assert.match(
      await confirmPage.getByTestId('plan-title').textContent(),
      new RegExp(`on ${total.toLocaleString('en')} tasks`),
    );

    const cdp = await browser.context.newCDPSession(confirmPage);
    await cdp.send('ServiceWorker.enable');
    await configureFaults(proxyUrl, { rate: FAULT_RATE, latencyMs: [0, 40] });
    await faultStats(proxyUrl, { reset: true });
    const startedAt = Date.now();
    await confirmPage.getByTestId('plan-confirm').click();
    // Stopped once a tenth of the job is applied: mid-job, with writes in flight.
    await confirmPage.waitForFunction(
      (tenth) =>
        Number(/^(\d+) applied/.exec(document.querySelector('[data-testid="plan-counts"]')?.textContent)?.[1]) >= tenth,
      Math.ceil(total / 10),
      { timeout: 300_000, polling: 100 },
    );
    const beforeStop = await readCounts(confirmPage);
    await cdp.send('ServiceWorker.stopAllWorkers');
    const stoppedAt = Date.now();
    assert.ok(beforeStop.done < beforeStop.total, `stopped mid-job (${beforeStop.done} of ${beforeStop.total})`);
    const state = await jobEnd(confirmPage, 1_500_000);
    const finishedAt = Date.now();
    await confirmPage.screenshot({ path: path.join(ARTIFACTS, 'faults-job.png') });
    assert.equal(state.state, 'done', `the job ended ${state.state}: ${JSON.stringify(state.unsettled)}`);
    const injected = await faultStats(proxyUrl);
    await configureFaults(proxyUrl, { rate: 0, latencyMs: [0, 0] });

    const counts = await readCounts(confirmPage);
    assert.equal(counts.total, total);
    assert.equal(counts.done, total, 'every item ended');
    const unapplied = counts.applied === total ? new Map() : await unappliedItems(confirmPage);
    assert.equal(unapplied.size, counts.skipped + counts.failed, 'every unapplied item is listed with its reason');
    const result = account(production.tasks, taskTypeNames, unapplied, await commentsPerTask(stack, adminToken, text));
    console.log(
      `faults job: ${total} items; ${injected.damaged} of ${injected.requests} API requests damaged ` +
        `(${JSON.stringify(injected.faults)}); worker stopped after ${beforeStop.done} items, ` +
        `${stoppedAt - startedAt} ms in; done ${finishedAt - startedAt} ms after the click; ` +
        `${counts.applied} applied, ${counts.skipped} skipped, ${counts.failed} failed ` +
        `(${result.unknown} of them unknown); lost ${result.lost.length}, duplicated ${result.duplicated.length}; ` +
        `copies Kitsu received twice and the read-back deleted: ${state.readBack?.duplicatesRemoved ?? 'not read back'}`,
    );
    if (result.lost.length > 0 || result.duplicated.length > 0)
      await keepDiagnosis(browser, confirmPage, proxyUrl, result);
    assert.deepEqual(result.lost, [], '0 lost');
    assert.deepEqual(result.duplicated, [], '0 duplicated');
    assert.equal(result.applied, counts.applied);
    assert.ok(injected.damaged > 0, 'faults were injected');
    // Cut before any byte of the answer: the browser may send a write again by itself, and the job's
    // read-back from Kitsu deletes the second copy (0 duplicated above is counted on the server).
    assert.ok((injected.faults['reset-after'] ?? 0) > 0, 'connections were cut before any byte of the answer');
    assert.equal(await confirmPage.getByTestId('plan-read-back').getAttribute('data-source'), 'kitsu');
    await confirmPage.close();
  });

  it('reads under faults: the panels say what is wrong, specifically, and recover by themselves, without a reload or a navigation', async () => {
    const dock = dockIn(page);
    await configureFaults(proxyUrl, { rate: 1, kinds: ONLY_503, methods: ['GET'] });
    // Lists never read yet, so nothing in the cache to fall back on: the suggestions of a production page read
    // all its lists, so the other production's episode (an episode's lists are kept apart) is what was never read.
    const [, episodeId] = stack.production.episodes;
    await spaNavigate(page, `/productions/${stack.production.id}/episodes/${episodeId}/assets`);
    // Suggestions and bulk helpers both read Kitsu here: each says what went wrong, not "could not answer".
    const errors = () => countSaying(page, /^Kitsu had an internal error \(HTTP 503\)/);
    await until(async () => (await errors()) >= 2, 90_000).catch(async (error) => {
      await page.screenshot({ path: path.join(ARTIFACTS, 'faults-reads-failed.png') });
      throw new Error(`${error.message}\nthe dock said: ${await dock.text(DOCK)}`);
    });
    const underFaults = await dock.text(DOCK);
    await page.screenshot({ path: path.join(ARTIFACTS, 'faults-reads-503.png') });
    assert.doesNotMatch(underFaults, /could not answer this request/, 'no generic failure');

    await configureFaults(proxyUrl, { rate: 0, kinds: DEFAULT_CONFIG.kinds, methods: [] });
    // No reload, no navigation: the dock reads again by itself (after 5, 10, 20, then every 30 s) and recovers.
    await until(async () => (await errors()) === 0, 90_000);
    await dock.waitFor(byTestId('bulk-helpers'), { timeout: 30_000 });
    console.log(`reads under faults: the dock said ${JSON.stringify(underFaults.slice(0, 300))}`);
  });

  it('Kitsu unreadable as a job ends: the window says the counts are the job’s own, and reads Kitsu back on a click', async () => {
    const text = `Read-back check ${Date.now()}: timing locked.`;
    await openShotsOf(page, production.project);
    const selected = production.tasks.filter((task) => task.label.startsWith('SH010'));
    const confirmPage = await proposeBulkComment(browser, page, { taskTypeId: '', nameFilter: 'SH010', text });
    // The production's comment feed, which the read-back reads, answers 503 every time; the writes pass.
    const feed = `/api/data/projects/${production.project.id}/comments`;
    await configureFaults(proxyUrl, { rate: 1, kinds: ONLY_503, methods: ['GET'], paths: [feed] });
    const counts = await confirmAndFinish(confirmPage);
    assert.equal(counts.applied, selected.length);
    assert.equal(await confirmPage.getByTestId('plan-read-back').getAttribute('data-source'), 'job');
    await confirmPage.screenshot({ path: path.join(ARTIFACTS, 'faults-read-back-failed.png') });

    await configureFaults(proxyUrl, { rate: 0, kinds: DEFAULT_CONFIG.kinds, methods: [], paths: DEFAULT_CONFIG.paths });
    await confirmPage.getByTestId('plan-read-back-again').click();
    await confirmPage.locator('[data-testid="plan-read-back"][data-source="kitsu"]').waitFor({ timeout: 60_000 });
    assert.equal(await confirmPage.getByTestId('plan-read-back-again').count(), 0, 'no button once read back');
    assert.equal((await readCounts(confirmPage)).applied, selected.length, 'counted from Kitsu');
    const posted = await commentsPerTask(stack, adminToken, text);
    assert.deepEqual(
      selected.map((task) => posted.get(task.id) ?? 0),
      selected.map(() => 1),
    );
    await confirmPage.close();
  });

  it('a token revoked mid-job: every item is accounted for, and the dock asks to reconnect', async () => {
    // A slow Kitsu (no failures): the job is still running when the token is revoked.
    await configureFaults(proxyUrl, { rate: 0, latencyMs: [500, 800], methods: [] });
    const text = `Revocation check ${Date.now()}: animatic locked.`;
    await openShotsOf(page, production.project);
    const selected = production.tasks.filter((task) => task.label.startsWith('SH00'));
    const confirmPage = await proposeBulkComment(browser, page, { taskTypeId: '', nameFilter: 'SH00', text });
    assert.match(
      await confirmPage.getByTestId('plan-title').textContent(),
      new RegExp(`on ${selected.length.toLocaleString('en')} tasks`),
    );
    await confirmPage.getByTestId('plan-confirm').click();
    await confirmPage.waitForFunction(
      () =>
        Number(/^(\d+) applied/.exec(document.querySelector('[data-testid="plan-counts"]')?.textContent)?.[1]) >= 10,
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    await bot.revoke();
    await configureFaults(proxyUrl, { latencyMs: [0, 0] });
    const state = await jobEnd(confirmPage, 600_000);
    assert.equal(state.state, 'done', `the job ended ${state.state}: ${JSON.stringify(state.unsettled)}`);
    const counts = await readCounts(confirmPage);
    const unapplied = await unappliedItems(confirmPage);
    assert.equal(counts.total, selected.length);
    assert.equal(counts.done, counts.total, 'no item left half-applied or unreported');
    assert.ok(counts.failed > 0, 'the revocation stopped the rest');
    assert.ok(
      [...unapplied.values()].some((item) => /revoked/.test(item.reason)),
      `the report says the token was revoked: ${[...unapplied.values()][0]?.reason}`,
    );
    const result = account(selected, taskTypeNames, unapplied, await commentsPerTask(stack, adminToken, text));
    assert.deepEqual(result.lost, []);
    assert.deepEqual(result.duplicated, []);
    await confirmPage.screenshot({ path: path.join(ARTIFACTS, 'faults-token-revoked.png') });
    await confirmPage.close();

    // A page whose data is not cached: its reads are refused, and the dock says to reconnect.
    const dock = dockIn(page);
    await spaNavigate(page, `/productions/${production.project.id}/shots/${selected[0].entity_id}`);
    await until(async () => /revoked.*reconnect Sidekick/.test(await dock.text(DOCK)), 60_000);
    await page.reload();
    const connection = byTestId('connection-state');
    await dock.waitFor(connection, { hasText: /revoked.*reconnect Sidekick/, timeout: 60_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'faults-token-revoked-dock.png') });
    console.log(
      `token revoked after ${counts.applied} of ${counts.total} items: ${counts.failed} failed with a reason; ` +
        `the dock says "${await dock.text(connection)}"`,
    );
  });
});
