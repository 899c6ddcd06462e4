import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, addConnection, CHROME_BUILD, launchChromiumWithExtension } from './support/browser.mjs';
import { startTestPageServer } from './support/pages.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(CHROME_BUILD, 'manifest.json'), 'utf8'));
const DOCK = 'kitsu-sidekick';

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
    assert.equal(await page.locator(DOCK).count(), 0);
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
    const dock = page.locator(`${DOCK} [data-testid="sidekick-dock"]`);
    await dock.waitFor({ timeout: 10_000 });
    // The background asked this host who the token is; a plain page answers HTML, not Zou's JSON.
    const state = dock.getByTestId('connection-state');
    await state.filter({ hasNotText: 'Connecting…' }).waitFor({ timeout: 10_000 });
    // The page's label comes in the same answer.
    assert.equal(await dock.getByTestId('this-page-where').textContent(), 'Productions');
    assert.equal(
      await state.textContent(),
      'Kitsu answered GET /auth/authenticated in a form Sidekick does not understand: this Kitsu version may not be supported yet.',
    );
    await dock.screenshot({ path: path.join(ARTIFACTS, 'dock.png') });
    await page.close();
  });

  it('stays off hosts that were not configured', async () => {
    const page = await browser.context.newPage();
    await page.goto(`http://localhost:${pages.port}/productions`);
    await page.waitForTimeout(1_000);
    assert.equal(await page.locator(DOCK).count(), 0);
    await page.close();
  });
});
