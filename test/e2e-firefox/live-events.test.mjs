import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  connectAsWriterBot,
  eventPageStartedAt,
  launchFirefoxWithExtension,
  openSignedIn,
  sleep,
  waitForDock,
} from './support/firefox.mjs';
import {
  bearerRequests,
  kitsuGet,
  kitsuSend,
  latestBearerRequests,
  loginAsManager,
  readStack,
  settledBearerRequests,
  startPrivateFrontDoor,
} from './support/kitsu.mjs';

/** Firefox's default `extensions.background.idle.timeout`: an idle event page is suspended after it. */
const FIREFOX_IDLE_TIMEOUT_MS = 30_000;
const IDLE_WAIT_MS = Number(process.env.SIDEKICK_FF_IDLE_WAIT_MS ?? FIREFOX_IDLE_TIMEOUT_MS + 5_000);

/**
 * A task of the last seeded shot: the Chrome live-events test changes the first shot's first task,
 * so both suites can run at the same time on the shared stack.
 */
async function pickTask(stack) {
  const shots = await kitsuGet(stack, `/data/shots/with-tasks?project_id=${stack.production.id}`);
  const shot = shots.findLast((candidate) => candidate.tasks.length > 0);
  return shot.tasks[0];
}

describe('live Kitsu events in the dock, from Firefox’s event page', () => {
  let firefox;
  let stack;
  let kitsu;
  let task;
  let options;
  let page;
  let posted;
  let managerToken;

  /** What the popup shows about the host's event stream, asked from an extension page like the popup does. */
  const liveStatus = async () => {
    const answer = await options.evaluate(
      (origin) => browser.runtime.sendMessage({ type: 'popup/state', origin }),
      kitsu.origin,
    );
    assert.equal(answer.ok, true);
    return answer.data.connection.live;
  };

  before(async () => {
    stack = readStack();
    task = await pickTask(stack);
    managerToken = await loginAsManager(stack);
    kitsu = await startPrivateFrontDoor(stack);
    firefox = await launchFirefoxWithExtension();
    ({ page: options } = await connectAsWriterBot(firefox.browser, stack, kitsu.origin));
    page = await openSignedIn(
      firefox.browser,
      kitsu.origin,
      `/productions/${stack.production.id}/shots/tasks/${task.id}`,
    );
    await waitForDock(page, (dock) => dock.names?.includes('Status'), { timeout: 15_000, what: 'the task panel' });
  });
  after(async () => {
    if (posted) await kitsuSend(stack, managerToken, 'DELETE', `/data/tasks/${task.id}/comments/${posted.id}`);
    await firefox?.close();
    await kitsu?.close();
  });

  it('keeps the event page (and its event stream) running past Firefox’s idle timeout while a Kitsu page is open', async () => {
    const startedAt = await eventPageStartedAt(options);
    assert.equal(typeof startedAt, 'number');
    const quietStart = await settledBearerRequests(kitsu.origin);
    const restarts = new Set([startedAt]);
    const deadline = Date.now() + IDLE_WAIT_MS;
    while (Date.now() < deadline) {
      await sleep(1_000);
      restarts.add(await eventPageStartedAt(options));
    }
    assert.deepEqual([...restarts], [startedAt], 'never suspended (null) nor started again (another time origin)');
    const quietRequests = (await bearerRequests(kitsu.origin)) - quietStart;
    const latest = quietRequests > 0 ? (await latestBearerRequests(kitsu.origin)).slice(-quietRequests) : [];
    assert.equal(quietRequests, 0, `no polling while nothing changes; came: ${latest.join(', ')}`);
    assert.equal((await liveStatus()).state, 'live', 'the socket.io stream of the event page is still connected');
    assert.equal(kitsu.webSockets(), 1, 'one stream, upgraded from fetch polling to a WebSocket, never reopened');
  });

  it('shows a change made by another Kitsu user within a second, without reload or polling', async () => {
    const statuses = await kitsuGet(stack, '/data/task-status');
    const fresh = await kitsuGet(stack, `/data/tasks/${task.id}`);
    const now = statuses.find((status) => status.id === fresh.task_status_id);
    const target = statuses.find((status) => status.short_name === (now.short_name === 'wip' ? 'wfa' : 'wip'));
    const before = await waitForDock(page, (dock) => dock.names?.includes('Status'));
    assert.match(before.names, new RegExp(`Status${now.name}`));

    const changedAt = Date.now();
    posted = await kitsuSend(stack, managerToken, 'POST', `/actions/tasks/${task.id}/comment`, {
      task_status_id: target.id,
      comment: 'Status changed by another user (Firefox live events test)',
    });
    const after = await waitForDock(page, (dock) => dock.names?.includes(`Status${target.name}`), {
      timeout: 5_000,
      what: `Status${target.name}`,
    });
    const latency = Date.now() - changedAt;
    console.log(`event → visible refresh: ${latency} ms`);
    assert.ok(latency <= 1_000, `refreshed in ${latency} ms`);
    assert.equal(after.navigations, 1, 'no reload');
    assert.ok((await liveStatus()).lastEventAt >= changedAt - 1_000, 'the event came through the stream');
  });
});
