import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, addConnection, CHROME_BUILD, launchChromiumWithExtension } from './support/browser.mjs';
import { dockIn, hostCount } from './support/dock.mjs';
import { startTestPageServer } from './support/pages.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(CHROME_BUILD, 'manifest.json'), 'utf8'));

describe('Chrome build in Chromium', () => {
  let browser;
  let pages;

  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    pages = await startTestPageServer();
    browser = await launchChromiumWithExtension();
  });
  after(async () => {
    await browser?.close();
    await pages?.close();
  });

  it('starts its service worker', () => {
    assert.match(browser.worker.url(), /^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
  });

  it('runs on no page before a person adds a connection', async () => {
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${pages.port}/productions`);
    await page.waitForTimeout(1_000);
    assert.equal(await hostCount(page), 0);
    await page.close();
  });

  it('shows its name and version on the popup and options pages', async () => {
    for (const name of ['popup', 'options']) {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${name}.html`);
      assert.equal(await page.getByTestId('app-name').textContent(), 'Kitsu Sidekick');
      assert.equal(await page.getByTestId('app-version').textContent(), `Version ${manifest.version}`);
      await page.close();
    }
  });

  it('mounts the dock on a configured host and answers a click through the background', async () => {
    const options = await addConnection(browser, {
      origin: `http://127.0.0.1:${pages.port}`,
      token: 'not-checked-until-the-connection-is-tested',
    });
    await options.getByTestId('connection-list').getByText(`http://127.0.0.1:${pages.port}`).waitFor();
    await options.close();
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${pages.port}/productions`);
    const dock = dockIn(page);
    await dock.waitFor('[data-testid="sidekick-dock"]', { timeout: 10_000 });
    // The background asked this host who the token is; a plain page answers HTML, not Zou's JSON.
    const state = '[data-testid="connection-state"]';
    await dock.waitFor(state, { hasNotText: 'Connecting…', timeout: 10_000 });
    // The page's label comes in the same answer.
    assert.equal(await dock.text('[data-testid="this-page-where"]'), 'Productions');
    assert.equal(
      await dock.text(state),
      'Kitsu answered GET /auth/authenticated in a form Sidekick does not understand: this Kitsu version may not be supported yet.',
    );
    await dock.screenshot(path.join(ARTIFACTS, 'dock.png'));
    await page.close();
  });

  it('stays off hosts that were not configured', async () => {
    const page = await browser.context.newPage();
    await page.goto(`http://localhost:${pages.port}/productions`);
    await page.waitForTimeout(1_000);
    assert.equal(await hostCount(page), 0);
    await page.close();
  });
});
