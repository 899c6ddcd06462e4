import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bearerRequests, startPrivateFrontDoor } from '../e2e-firefox/support/kitsu.mjs';
import { addConnection, launchChromiumWithExtension, openSignedIn } from './support/browser.mjs';
import { dockIn } from './support/dock.mjs';
import { startKillableEventServer } from './support/killable-event-server.mjs';
import { kitsuGet, kitsuSend, loginAsManager, readStack } from './support/stack.mjs';

async function loginAsAdmin(stack) {
  const response = await fetch(`${stack.frontDoor}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(stack.admin),
  });
  assert.equal(response.status, 200, 'admin login');
  return (await response.json()).access_token;
}

async function waitFor(what, check, { timeoutMs, intervalMs = 200 }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * The extension connects to a front door of this test's own, whose event stream goes through a
 * relay the test kills and restores: the shared stack's event server keeps serving other tests.
 * Its request counter sees only this browser's Bearer requests (Sidekick's background).
 */
describe('live Kitsu events when things go wrong', () => {
  let stack;
  let eventServer;
  let frontDoor;
  let browser;
  let page;
  let popup;
  let managerToken;
  let adminToken;
  let taskId;
  let dockRefreshes;
  let pageNotices;
  const cleanups = [];

  /** The popup over the Kitsu tab, as a person opens it: it reads the active tab's origin. */
  async function popupLiveLine() {
    await page.bringToFront();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    return popup.getByTestId('popup-live').textContent();
  }

  /** The background's own answer to the popup (the exact time of the last event, not the shown one). */
  async function liveStatus() {
    const answer = await popup.evaluate(
      (origin) => chrome.runtime.sendMessage({ type: 'popup/state', origin }),
      frontDoor.origin,
    );
    assert.ok(answer.ok, 'popup/state answered');
    return answer.data.connection.live;
  }

  const NAMES = '[data-testid="this-page-names"]';
  const dock = () => dockIn(page);

  before(async () => {
    stack = readStack();
    [managerToken, adminToken] = await Promise.all([loginAsManager(stack), loginAsAdmin(stack)]);
    // A task of the last shot: the other live-events test changes the first one.
    const shots = await kitsuGet(stack, `/data/shots/with-tasks?project_id=${stack.production.id}`);
    taskId = shots.findLast((shot) => shot.tasks.length > 0).tasks[0].id;

    eventServer = await startKillableEventServer(stack.events);
    frontDoor = await startPrivateFrontDoor({ ...stack, events: eventServer.url });
    browser = await launchChromiumWithExtension();
    const options = await addConnection(browser, { origin: frontDoor.origin, token: stack.bots.writer.token });
    await options.close();

    // Seen in the background, before any page opens: the "changed" notices posted to pages, and
    // the panels' (re)reads (each asks for the page overview).
    await browser.worker.evaluate(() => {
      globalThis.pageNotices = [];
      globalThis.dockRefreshes = 0;
      chrome.runtime.onConnect.addListener((port) => {
        const post = port.postMessage.bind(port);
        port.postMessage = (message) => {
          if (message?.type === 'changed') globalThis.pageNotices.push(message);
          post(message);
        };
      });
      chrome.runtime.onMessage.addListener((message) => {
        if (message?.type === 'page/overview') globalThis.dockRefreshes += 1;
      });
    });
    dockRefreshes = () => browser.worker.evaluate(() => globalThis.dockRefreshes);
    pageNotices = () => browser.worker.evaluate(() => globalThis.pageNotices);

    popup = await browser.context.newPage();
    page = await openSignedIn(
      browser.context,
      frontDoor.origin,
      `/productions/${stack.production.id}/shots/tasks/${taskId}`,
    );
    await dock().waitFor(NAMES, { hasText: 'Status', timeout: 15_000 });
    await waitFor('the popup to show live updates', async () => /^live updates on/.test(await popupLiveLine()), {
      timeoutMs: 15_000,
    });
  });

  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(error.message));
    await browser?.close();
    await frontDoor?.close();
    await eventServer?.close();
  });

  it('killing the event server and bringing it back reconnects and re-syncs', async () => {
    const statuses = await kitsuGet(stack, '/data/task-status');
    const task = await kitsuGet(stack, `/data/tasks/${taskId}`);
    const current = statuses.find((status) => status.id === task.task_status_id);
    const target = statuses.find((status) => status.short_name === (current.short_name === 'wip' ? 'wfa' : 'wip'));
    assert.match(await dock().text(NAMES), new RegExp(`Status${current.name}`));
    const socketsBefore = frontDoor.webSockets();
    const noticesBefore = (await pageNotices()).length;
    const requestsBefore = await bearerRequests(frontDoor.origin);

    const killedAt = Date.now();
    await eventServer.kill();
    await waitFor('the popup to show reconnecting', async () => /^reconnecting/.test(await popupLiveLine()), {
      timeoutMs: 10_000,
    });
    console.log(`event server killed → popup shows reconnecting: ${Date.now() - killedAt} ms`);

    const posted = await kitsuSend(stack, managerToken, 'POST', `/actions/tasks/${taskId}/comment`, {
      task_status_id: target.id,
      comment: 'Status changed by another user while live events were down (resilience test)',
    });
    cleanups.push(() => kitsuSend(stack, managerToken, 'DELETE', `/data/tasks/${taskId}/comments/${posted.id}`));
    await page.waitForTimeout(2_000);
    assert.match(await dock().text(NAMES), new RegExp(`Status${current.name}`), 'the change was not seen live');
    assert.equal(await bearerRequests(frontDoor.origin), requestsBefore, 'no polling while events are down');

    const restoredAt = Date.now();
    await eventServer.restore();
    await dock().waitFor(NAMES, { hasText: `Status${target.name}`, timeout: 30_000 });
    console.log(`event server back → missed change visible in the dock: ${Date.now() - restoredAt} ms`);
    await waitFor('the popup to show live updates', async () => /^live updates on/.test(await popupLiveLine()), {
      timeoutMs: 5_000,
    });
    assert.equal(frontDoor.webSockets(), socketsBefore + 1, 'one new WebSocket after the reconnect');
    const resync = (await pageNotices()).slice(noticesBefore);
    assert.ok(
      resync.some((notice) => notice.projectId === undefined && notice.tags.includes('full-task')),
      'after the gap, every page was told to re-read task data',
    );
    const resyncRequests = (await bearerRequests(frontDoor.origin)) - requestsBefore;
    console.log(`Bearer requests from the kill to live again: ${resyncRequests} (the re-read after the gap)`);
    assert.ok(resyncRequests >= 1 && resyncRequests <= 5, `${resyncRequests} requests to re-sync`);
    assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), 1, 'no reload');
  });

  it('an event for another production does not trigger any request', async () => {
    const admin = (method, route, body) => kitsuSend(stack, adminToken, method, route, body);
    const [[open], [closed], [assetType], taskTypes, [todo], [wip]] = await Promise.all([
      admin('GET', '/data/project-status?name=Open'),
      admin('GET', '/data/project-status?name=Closed'),
      admin('GET', '/data/asset-types?name=Prop'),
      admin('GET', '/data/task-types'),
      admin('GET', '/data/task-status?short_name=todo'),
      admin('GET', '/data/task-status?short_name=wip'),
    ]);
    const taskType = taskTypes.find((candidate) => candidate.for_entity === 'Asset');
    const other = await admin('POST', '/data/projects', {
      name: `Sidekick resilience ${Date.now()}`,
      project_status_id: open.id,
    });
    // zou deletes closed productions only.
    cleanups.push(async () => {
      await admin('PUT', `/data/projects/${other.id}`, { project_status_id: closed.id });
      await admin('DELETE', `/data/projects/${other.id}?force=true`);
    });
    await admin('POST', `/data/projects/${other.id}/team`, { person_id: stack.bots.writer.id });
    // The setup's own events arrive before the first round.
    await page.waitForTimeout(1_000);

    /** Changes in the other production: its ids, for recognising notices about them. */
    async function changeOtherProduction(round) {
      const asset = await admin('POST', `/data/projects/${other.id}/asset-types/${assetType.id}/assets/new`, {
        name: `Lantern ${round}`,
        description: 'Made in another production',
      });
      const task = await admin('POST', '/data/tasks', {
        name: 'main',
        project_id: other.id,
        task_type_id: taskType.id,
        entity_id: asset.id,
        task_status_id: todo.id,
      });
      const comment = await admin('POST', `/actions/tasks/${task.id}/comment`, {
        task_status_id: wip.id,
        comment: 'Started',
      });
      await admin('PUT', `/data/projects/${other.id}`, { description: `Changed by the resilience test (${round})` });
      return [other.id, asset.id, task.id, comment.id];
    }

    // The shared stack's other clients may change Fox Tales meanwhile, rightly refreshing the dock:
    // requests and refreshes are only counted over a round that no other change reached the page.
    for (let round = 1; round <= 3; round++) {
      const noticesBefore = (await pageNotices()).length;
      const requestsBefore = await bearerRequests(frontDoor.origin);
      const refreshesBefore = await dockRefreshes();
      const changesFrom = Date.now();
      const otherIds = await changeOtherProduction(round);
      await page.waitForTimeout(1_500);

      const live = await liveStatus();
      assert.equal(live.state, 'live');
      assert.ok(live.lastEventAt >= changesFrom, 'the events reached the extension');
      const notices = (await pageNotices()).slice(noticesBefore);
      const aboutOther = notices.filter((notice) => otherIds.some((id) => JSON.stringify(notice).includes(id)));
      assert.deepEqual(aboutOther, [], 'no notice about the other production');
      if (notices.length > 0) {
        console.log(`round ${round}: ${notices.length} notices of other clients' changes to Fox Tales, again`);
        continue;
      }
      assert.equal((await bearerRequests(frontDoor.origin)) - requestsBefore, 0, 'no request');
      assert.equal((await dockRefreshes()) - refreshesBefore, 0, 'no refresh in the dock');
      return;
    }
    assert.fail('no round without other changes to Fox Tales');
  });
});
