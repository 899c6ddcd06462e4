import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, ROOT, spaNavigate } from '../e2e/support/browser.mjs';
import { dockIn, hostCount } from '../e2e/support/dock.mjs';
import { startTestPageServer } from '../e2e/support/pages.mjs';
import { byTestId, openShotsWithOperator, proposeBulkComment } from '../e2e/support/plans.mjs';
import { bearerRequests, kitsuGet, readStack } from '../e2e/support/stack.mjs';
import { forgeInDock } from './support/dock-attacks.mjs';
import { loginAsAdmin, serverFingerprint, writesBetween } from './support/server-writes.mjs';

/** Every message type of the protocol, read from its sources so that a new message is attacked too. */
const MESSAGE_TYPES = [
  ...new Set(
    fs
      .readdirSync(path.join(ROOT, 'lib/messaging/protocol'))
      .flatMap((file) => [
        ...fs
          .readFileSync(path.join(ROOT, 'lib/messaging/protocol', file), 'utf8')
          .matchAll(/z\.literal\('([a-z/-]+)'\)/g),
      ])
      .map((match) => match[1]),
  ),
];

/**
 * Runs in the page's MAIN world before Kitsu's own scripts: records alerts (the seed's XSS payloads call
 * alert) and every window message that the hostile script did not post itself (an answer from Sidekick).
 */
function hostileInit() {
  window.__hostile = { alerts: [], foreignMessages: [], announcements: [], posted: new Set() };
  for (const name of ['alert', 'confirm', 'prompt']) {
    window[name] = (...args) => {
      window.__hostile.alerts.push(`${name}(${args.join(',')})`);
    };
  }
  window.addEventListener('message', (event) => {
    const text = JSON.stringify(event.data);
    // WXT's content-script context announces itself to other copies of the same script this way.
    if (/:wxt:content-script-started$/.test(event.data?.type ?? '')) window.__hostile.announcements.push(text);
    else if (!window.__hostile.posted.has(text)) window.__hostile.foreignMessages.push(text);
  });
}

/** The hostile page script: every route it has to the token, to a write, or to Sidekick's answers. */
async function hostileAttack({ types, planId, extensionId }) {
  const attempts = [];
  const seen = [];
  const note = (attempt, result) => attempts.push({ attempt, result });
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  seen.push(JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.cookie);
  note('read localStorage, sessionStorage, cookies', `${localStorage.length + sessionStorage.length} keys read`);

  let stores = 0;
  for (const { name } of await indexedDB.databases()) {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const store of db.objectStoreNames) {
      stores += 1;
      const all = await new Promise((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve([]);
      });
      seen.push(JSON.stringify(all));
    }
    db.close();
  }
  note("read the origin's IndexedDB", `${stores} object stores read`);

  const host = [...document.documentElement.children].find((element) => element.localName.startsWith('kitsu-sidekick'));
  const dock = host?.shadowRoot ?? null;
  let shadowRoots = 0;
  const walk = (root) => {
    seen.push(root.innerHTML ?? '');
    for (const element of root.querySelectorAll('*')) {
      if ('value' in element && typeof element.value === 'string') seen.push(element.value);
      for (const attribute of element.attributes) seen.push(attribute.value);
      if (element.shadowRoot) {
        shadowRoots += 1;
        walk(element.shadowRoot);
      }
    }
  };
  walk(document.documentElement);
  seen.push(document.documentElement.outerHTML, JSON.stringify(Object.keys(window)));
  note(
    'scan the DOM and open shadow roots',
    `${shadowRoots} open shadow roots walked; the dock's is ${host ? (dock ? 'open' : 'closed') : 'absent'}`,
  );

  const post = (message) => {
    window.__hostile.posted.add(JSON.stringify(message));
    window.postMessage(message, '*');
  };
  const forged = (type) => ({
    type,
    planId,
    url: location.href,
    origin: location.origin,
    token: 'x'.repeat(40),
    paused: false,
    text: 'forged',
    statusId: null,
    filter: {},
    suggestionId: 'any',
    id: 'any',
    label: 'forged',
  });
  for (const type of types) {
    post(forged(type));
    post({ source: 'kitsu-sidekick', message: forged(type) });
    document.dispatchEvent(new CustomEvent(type, { detail: forged(type) }));
  }
  note('window.postMessage spoofing', `${types.length * 3} forged messages (${types.length} types, 3 shapes)`);

  const fire = (target, event) => target?.dispatchEvent(event);
  let synthetic = 0;
  for (const target of [document, document.body, host]) {
    fire(target, new KeyboardEvent('keydown', { key: 'K', code: 'KeyK', altKey: true, shiftKey: true, bubbles: true }));
    fire(target, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    synthetic += 2;
  }
  note('synthetic clicks and key events on the page and the dock’s host', `${synthetic} events dispatched`);

  const recorded = { type: 'plans/execute', planId };
  post(recorded);
  post({ ...recorded, from: 'confirm-page' });
  note('replay a recorded confirmation (a real pending plan id)', 'plans/execute posted to the page');

  const frames = [];
  for (const page of ['confirm.html', 'options.html', 'popup.html']) {
    const frame = document.createElement('iframe');
    frame.src = `chrome-extension://${extensionId}/${page}#${encodeURIComponent(planId)}`;
    document.body.append(frame);
    frames.push(frame);
  }
  await pause(1500);
  const readable = frames.filter((frame) => {
    try {
      return frame.contentDocument !== null;
    } catch {
      return false;
    }
  }).length;
  note('open confirm.html, options.html, popup.html in an iframe', `${readable} of ${frames.length} frames readable`);

  let runtime = 'chrome.runtime is not exposed to the page';
  if (typeof globalThis.chrome?.runtime?.sendMessage === 'function') {
    runtime = await new Promise((resolve) => {
      try {
        chrome.runtime.sendMessage(extensionId, recorded, (reply) => resolve(`answered ${JSON.stringify(reply)}`));
      } catch (error) {
        resolve(`refused: ${error.message}`);
      }
    });
  }
  note('chrome.runtime.sendMessage from the page', runtime);

  await pause(2000);
  seen.push(...window.__hostile.foreignMessages);
  seen.push(...window.__hostile.announcements);
  return {
    attempts,
    seen,
    foreignMessages: window.__hostile.foreignMessages,
    announcements: window.__hostile.announcements,
  };
}

describe('a hostile page on a configured Kitsu origin', () => {
  let stack;
  let browser;
  let page;
  let adminToken;
  let ids;
  const dialogs = [];
  const rows = [];
  const tokens = () => [stack.bots.writer.token, stack.bots.reader.token];

  before(async () => {
    stack = readStack();
    adminToken = await loginAsAdmin(stack);
    const assets = await kitsuGet(stack, `/data/assets/with-tasks?project_id=${stack.production.id}`);
    const xssAsset = assets.find((asset) => asset.id === stack.seed.xss.assetId);
    assert.ok(xssAsset?.tasks.length > 0, 'the seed has its XSS asset, with tasks');
    ids = { projectId: stack.production.id, xssAsset, assetIds: new Set(assets.map((asset) => asset.id)) };
    ({ browser, page } = await openShotsWithOperator(stack));
    const watchDialogs = (target) =>
      target.on('dialog', (dialog) => {
        dialogs.push(`${target.url()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
    for (const open of browser.context.pages()) watchDialogs(open);
    browser.context.on('page', watchDialogs);
    await browser.context.addInitScript(hostileInit);
    await page.reload();
    await dockIn(page).waitFor(byTestId('bulk-helpers'), { timeout: 15_000 });
  });
  after(async () => {
    if (rows.length > 0) {
      console.log('\nHostile page: every attempt and what it got');
      console.table(rows);
    }
    await browser?.close();
  });

  it('gets no token, no write, no answer and no script execution from any route', async () => {
    const before = await serverFingerprint(stack, adminToken);
    const requestsBefore = await bearerRequests(stack.frontDoor);

    // A real plan waits in the confirm window, proposed and shown by a person: XSS names in it, not confirmed.
    await spaNavigate(page, `/productions/${ids.projectId}/assets`);
    await dockIn(page).waitFor(byTestId('bulk-helpers'), { timeout: 15_000 });
    const payload = 'Rim light <img src=x onerror=alert(2)> <script>alert(3)</script>';
    const confirmPage = await proposeBulkComment(browser, page, {
      taskTypeId: ids.xssAsset.tasks[0].task_type_id,
      nameFilter: stack.seed.xss.assetName,
      text: payload,
    });
    const planId = decodeURIComponent(new URL(confirmPage.url()).hash.slice(1));
    const confirmText = await confirmPage.locator('body').textContent();
    assert.ok(
      confirmText.includes(stack.seed.xss.assetName),
      'the XSS asset name is shown as text in the confirm window',
    );
    assert.ok(confirmText.includes('onerror=alert(2)'), 'the comment is shown as text in the confirm window');

    const windowsBefore = browser.context.pages().length;
    const result = await page.evaluate(hostileAttack, {
      types: MESSAGE_TYPES,
      planId,
      extensionId: browser.extensionId,
    });
    const forged = await dockIn(page).evaluate(forgeInDock);
    await page.waitForTimeout(1000);
    const windowsOpened = browser.context.pages().length - windowsBefore;

    const framesRendered = [];
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const rendered = await frame
        .locator('[data-testid="plan-title"], [data-testid="plan-confirm"], [data-testid="connection-save"]')
        .count()
        .catch(() => 0);
      if (rendered > 0) framesRendered.push(frame.url());
    }
    const state = await confirmPage.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'plans/preview', planId: id }),
      planId,
    );
    const after = await serverFingerprint(stack, adminToken);
    const writes = writesBetween(before, after);
    const reachable = result.seen.join('\n');
    const sightings = tokens().filter((token) => reachable.includes(token)).length;

    for (const { attempt, result: outcome } of result.attempts) rows.push({ attempt, outcome });
    rows.push(
      {
        attempt: 'synthetic clicks, keys and submits inside the dock, by a script holding its document',
        outcome: `${forged} events dispatched`,
      },
      { attempt: 'answers posted back to the page', outcome: `${result.foreignMessages.length} messages` },
      {
        attempt: 'WXT start-up announcements seen by the page',
        outcome: `${result.announcements.length} (name the extension id, nothing else)`,
      },
      { attempt: 'windows opened by the page', outcome: `${windowsOpened}` },
      { attempt: 'extension pages rendered inside the page', outcome: `${framesRendered.length}` },
      { attempt: 'the pending plan after the attack', outcome: state.ok ? state.data.state : JSON.stringify(state) },
      { attempt: 'writes on the server', outcome: `${writes.comments} comments, ${writes.tasks} tasks changed` },
      { attempt: 'token sightings', outcome: `${sightings}` },
    );

    assert.equal(sightings, 0, 'no bot token anywhere the page can read');
    assert.deepEqual(writes, { comments: 0, tasks: 0 }, 'nothing written on the server');
    assert.equal(state.ok && state.data.state, 'pending', 'the plan the page replayed is still waiting for a person');
    assert.deepEqual(result.foreignMessages, [], 'Sidekick never answers through the page');
    assert.equal(windowsOpened, 0, 'synthetic events open no confirm window');
    assert.deepEqual(framesRendered, [], 'no extension page renders inside the Kitsu page');
    assert.ok((await bearerRequests(stack.frontDoor)) - requestsBefore > 0, 'the background did read Kitsu meanwhile');
    await confirmPage.close();
  });

  it('renders the seed’s XSS payloads as text in every panel and the confirm window: no script runs', async () => {
    const xss = stack.seed.xss;
    const dock = dockIn(page);
    const panels = [];
    const injected = async (where) => {
      const elements = await dock.count('img[src="x"], script');
      panels.push({ panel: where, elements });
      return elements;
    };
    await spaNavigate(page, `/productions/${ids.projectId}/assets/${xss.assetId}`);
    await dock.waitFor(byTestId('this-page-names'), { hasText: xss.assetName, timeout: 15_000 });
    assert.equal(await injected('This page (XSS asset)'), 0);
    const commented = await kitsuGet(stack, `/data/tasks/${xss.taskId}`);
    const kind = ids.assetIds.has(commented.entity_id) ? 'assets' : 'shots';
    const taskRoute = `/productions/${ids.projectId}/${kind}/tasks/${xss.taskId}`;
    await spaNavigate(page, taskRoute);
    await dock.waitFor(byTestId('this-page-where'));
    assert.equal(await injected('This page (task with the XSS comment)'), 0);
    await spaNavigate(page, `/productions/${ids.projectId}/assets`);
    await dock.waitFor(`${byTestId('suggestions')}, ${byTestId('suggestions-message')}`, { timeout: 30_000 });
    await dock.waitFor(byTestId('bulk-helpers'), { timeout: 15_000 });
    assert.equal(await injected('Suggestions and bulk panel (assets list)'), 0);
    const confirmPage = await proposeBulkComment(browser, page, {
      taskTypeId: ids.xssAsset.tasks[0].task_type_id,
      nameFilter: xss.assetName,
      text: 'Check <img src=x onerror=alert(4)>',
    });
    const confirmInjected = await confirmPage.locator('img[src="x"], main script').count();
    panels.push({ panel: 'Confirm window', elements: confirmInjected });
    await confirmPage.close();
    await page.waitForTimeout(500);
    const alerts = await page.evaluate(() => window.__hostile.alerts);
    console.table(panels);
    await page.screenshot({ path: path.join(ARTIFACTS, 'hostile-page.png') });
    assert.equal(confirmInjected, 0);
    assert.deepEqual(alerts, [], 'no payload called alert in the page');
    assert.deepEqual(dialogs, [], 'no dialog opened anywhere');
  });

  it('a second, unconfigured origin gets no content script and no answers', async () => {
    // The Kitsu page stays away meanwhile: the reads counted below can only be for the visitors.
    await page.goto('about:blank');
    const port = new URL(stack.frontDoor).port;
    const other = await startTestPageServer();
    try {
      const requestsBefore = await bearerRequests(stack.frontDoor);
      const results = [];
      // Another host name for the same server, then another port of the configured host: match patterns
      // have no port, so the browser runs the content script there, and the background refuses it.
      for (const url of [`http://localhost:${port}/productions`, `http://127.0.0.1:${other.port}/`]) {
        const visitor = await browser.context.newPage();
        await visitor.goto(url);
        await visitor.waitForTimeout(2500);
        const probe = await visitor.evaluate(() => ({
          runtime: typeof globalThis.chrome?.runtime?.sendMessage,
          answers: window.__hostile.foreignMessages.length,
        }));
        const dock = (await hostCount(visitor)) > 0;
        // What the dock says there, read through the DevTools protocol (the page reads nothing of it).
        const dockText = dock ? await dockIn(visitor).text(byTestId('sidekick-dock')) : '';
        results.push({ url, dock, dockText, ...probe });
        await visitor.close();
      }
      console.table(results.map(({ dockText, ...rest }) => ({ ...rest, dockText: dockText.slice(0, 70) })));
      const [otherHost, otherPort] = results;
      assert.deepEqual(
        { dock: otherHost.dock, runtime: otherHost.runtime, answers: otherHost.answers },
        { dock: false, runtime: 'undefined', answers: 0 },
        'another host name: no content script, no answers',
      );
      assert.equal(otherPort.runtime, 'undefined');
      assert.equal(otherPort.answers, 0);
      if (otherPort.dock) {
        assert.match(otherPort.dockText, /is not a configured Kitsu host/, 'another port: refused');
        assert.doesNotMatch(otherPort.dockText, new RegExp(stack.production.name), 'another port: no Kitsu data');
      }
      assert.equal((await bearerRequests(stack.frontDoor)) - requestsBefore, 0, 'no Kitsu read for them');
    } finally {
      await other.close();
    }
  });
});
