import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { everythingThePageCanRead } from '../e2e/support/page-reads.mjs';
import {
  connectAsWriterBot,
  launchFirefoxWithExtension,
  openSignedIn,
  reloadAndWait,
  spaNavigate,
  waitForDock,
} from './support/firefox.mjs';
import { bearerRequests, pickSeededIds, readStack, startPrivateFrontDoor } from './support/kitsu.mjs';

const showsFoxTales = (dock) => dock.connection?.startsWith('Connected to') && dock.names?.includes('Fox Tales');

describe('background core in Firefox against the real Zou stack', () => {
  let firefox;
  let stack;
  let ids;
  let kitsu;
  let options;
  let page;

  before(async () => {
    stack = readStack();
    ids = await pickSeededIds(stack);
    kitsu = await startPrivateFrontDoor(stack);
    firefox = await launchFirefoxWithExtension();
    ({ page: options } = await connectAsWriterBot(firefox.browser, stack, kitsu.origin));
    page = await openSignedIn(firefox.browser, kitsu.origin, `/productions/${ids.projectId}/shots`);
    await waitForDock(page, showsFoxTales, { timeout: 15_000, what: 'the first panels' });
  });
  after(async () => {
    await firefox?.close();
    await kitsu?.close();
  });

  it('serves panels from its cache (IndexedDB of the event page) on later navigations: 0 requests to Kitsu', async () => {
    // Entity and task pages: their panels read through the cache. List pages are left out since the
    // bulk panel reads a list's tasks fresh from Kitsu on purpose (a plan starts from what is true now).
    // The reload happens on an entity page: a reload closes the page's line to the background, and a
    // production coming back into view outdates task-level entries (events may have been missed meanwhile).
    const base = `/productions/${ids.projectId}`;
    const routes = [
      [`${base}/shots/tasks/${ids.shotTask.id}`, ids.shotTaskType.name],
      [`${base}/assets/${ids.asset.id}`, ids.asset.name],
      [`${base}/shots/${ids.shot.id}`, ids.shot.name],
    ];
    const visitAll = async () => {
      for (const [route, name] of routes) {
        await spaNavigate(page, route);
        await waitForDock(
          page,
          (dock) => dock.url.endsWith(route) && showsFoxTales(dock) && dock.names.includes(name),
          {
            what: route,
          },
        );
      }
    };
    await visitAll();
    const before = await bearerRequests(kitsu.origin);
    await visitAll();
    await reloadAndWait(page);
    await waitForDock(page, (dock) => showsFoxTales(dock) && dock.names.includes(ids.shot.name), {
      what: 'the panels after the reload',
    });
    assert.equal((await bearerRequests(kitsu.origin)) - before, 0);
  });

  it('never lets the page reach the token: storage, IndexedDB, cookies, DOM, shadow roots, messages', async () => {
    const token = stack.bots.writer.token;
    const readable = await page.evaluate(everythingThePageCanRead);
    const findings = await page.evaluate(async () => {
      window.postMessage({ type: 'connections/list' }, '*');
      await new Promise((resolve) => setTimeout(resolve, 300));
      return {
        // Firefox gives web pages no extension messaging at all (no externally_connectable).
        runtimeVisible:
          typeof globalThis.browser?.runtime?.sendMessage === 'function' ||
          typeof globalThis.chrome?.runtime?.sendMessage === 'function',
      };
    });
    assert.equal(readable.join('\n').includes(token), false, 'the token is nowhere the page can read');
    assert.equal(findings.runtimeVisible, false, 'the page gets no runtime channel to Sidekick');
    const extensionStorage = await options.evaluate(async () => ({
      local: await browser.storage.local.get(null),
      session: await browser.storage.session.get(null),
    }));
    assert.equal(
      JSON.stringify(extensionStorage).includes(token),
      false,
      'storage areas content scripts can read hold no token',
    );
    // Control: the token is in the extension's own IndexedDB (moz-extension:// origin), which the search above did not reach.
    const vault = await options.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open('sidekick-vault');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const all = request.result.transaction('connections').objectStore('connections').getAll();
            all.onsuccess = () => resolve(JSON.stringify(all.result));
          };
        }),
    );
    assert.equal(vault.includes(token), true);
  });
});
