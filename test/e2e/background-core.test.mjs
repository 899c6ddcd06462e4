import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addConnection, launchChromiumWithExtension, openSignedIn, spaNavigate } from './support/browser.mjs';
import { dockIn } from './support/dock.mjs';
import { everythingThePageCanRead } from './support/page-reads.mjs';
import { byTestId } from './support/plans.mjs';
import { bearerRequests, pickSeededIds, readStack } from './support/stack.mjs';

describe('background core against the real Zou stack', () => {
  let browser;
  let stack;
  let ids;
  let page;

  before(async () => {
    stack = readStack();
    ids = await pickSeededIds(stack);
    browser = await launchChromiumWithExtension();
    const options = await addConnection(browser, { origin: stack.frontDoor, token: stack.bots.writer.token });
    await options.close();
    page = await openSignedIn(browser.context, stack.frontDoor, `/productions/${ids.projectId}/shots`);
    await dockIn(page).waitFor(byTestId('this-page-names'), { hasText: 'Fox Tales', timeout: 15_000 });
  });
  after(async () => {
    await browser?.close();
  });

  it('serves panels from its cache on later navigations: 0 requests to Kitsu', async () => {
    const lists = [`/productions/${ids.projectId}/assets`, `/productions/${ids.projectId}/shots`];
    const panelsLoaded = async () => {
      const dock = dockIn(page);
      await dock.waitFor(byTestId('connection-state'), { hasText: 'Connected to' });
      await dock.waitFor(byTestId('this-page-names'), { hasText: 'Fox Tales' });
      await dock.waitFor(byTestId('bulk-helpers'));
    };
    // First visits read what each page shows; coming back must cost nothing.
    for (const route of lists) {
      await spaNavigate(page, route);
      await panelsLoaded();
    }
    const before = await bearerRequests(stack.frontDoor);
    for (const route of [...lists, ...lists]) {
      await spaNavigate(page, route);
      await panelsLoaded();
    }
    await page.reload();
    await panelsLoaded();
    assert.equal((await bearerRequests(stack.frontDoor)) - before, 0);
  });

  it('never lets the page reach the token: storage, IndexedDB, cookies, DOM, shadow roots, messages', async () => {
    const token = stack.bots.writer.token;
    const readable = await page.evaluate(everythingThePageCanRead);
    const findings = await page.evaluate(async (extensionId) => {
      // Sidekick accepts no message from web pages: externally_connectable lists none.
      const runtimeVisible = typeof globalThis.chrome?.runtime?.sendMessage === 'function';
      let answer = null;
      if (runtimeVisible) {
        answer = await new Promise((resolve) => {
          try {
            chrome.runtime.sendMessage(extensionId, { type: 'connections/list' }, (reply) =>
              resolve(reply ?? 'no answer'),
            );
          } catch (error) {
            resolve(`refused: ${error.message}`);
          }
        });
      }
      window.postMessage({ type: 'connections/list' }, '*');
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { runtimeVisible, answer };
    }, browser.extensionId);
    assert.equal(
      [...readable, JSON.stringify(findings.answer)].join('\n').includes(token),
      false,
      'the token is nowhere the page can read',
    );
    assert.equal(findings.runtimeVisible, false, 'the page gets no runtime channel to Sidekick');
    const extensionStorage = await browser.worker.evaluate(async () => ({
      local: await chrome.storage.local.get(null),
      session: await chrome.storage.session.get(null),
    }));
    assert.equal(
      JSON.stringify(extensionStorage).includes(token),
      false,
      'storage areas content scripts can read hold no token',
    );
  });
});
