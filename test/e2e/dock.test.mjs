import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, addConnection, launchChromiumWithExtension, pressKeys, spaNavigate } from './support/browser.mjs';
import { pickSeededIds, readStack } from './support/stack.mjs';

const DOCK = 'kitsu-sidekick [data-testid="sidekick-dock"]';

describe('the dock on Kitsu pages, against the real Zou stack', () => {
  let browser;
  let stack;
  let ids;
  let page;

  before(async () => {
    stack = readStack();
    ids = await pickSeededIds(stack);
    browser = await launchChromiumWithExtension();
  });
  after(async () => {
    await browser?.close();
  });

  it('tests a connection in the options page and says who the token is', async () => {
    const options = await addConnection(browser, {
      origin: stack.frontDoor,
      token: stack.bots.writer.token,
      label: 'Fox Tales studio',
    });
    await options.getByTestId('connection-address').fill(stack.frontDoor);
    await options.getByTestId('connection-test').click();
    const result = options.getByTestId('connection-test-result');
    await result.waitFor({ timeout: 10_000 });
    const text = await result.textContent();
    assert.match(
      text,
      new RegExp(`Kitsu ${stack.zouVersion.replaceAll('.', '\\.')}: connected as ${stack.bots.writer.name}`),
    );
    assert.match(text, /Fox Tales/);
    await options.close();
  });

  it('shows what the page is, with names read from Kitsu', async () => {
    page = await browser.context.newPage();
    await page.goto(`${stack.frontDoor}/__front-door/dev-login?next=/productions/${ids.projectId}/shots`);
    const dock = page.locator(DOCK);
    await dock.getByTestId('this-page-names').waitFor({ timeout: 15_000 });
    assert.equal(await dock.getByTestId('this-page').getAttribute('data-page-kind'), 'entity-list');
    assert.match(await dock.getByTestId('this-page-names').textContent(), /ProductionFox Tales/);
    await dock.getByTestId('connection-state').filter({ hasText: 'Connected to Fox Tales studio' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'dock-shots.png') });
  });

  it('follows SPA navigation through ten routes, with no panel of the previous page left', async () => {
    const base = `/productions/${ids.projectId}`;
    const routes = [
      [`${base}/assets`, 'entity-list', null],
      [`${base}/shots/${ids.shot.id}`, 'entity', ids.shot.name],
      [`${base}/assets/${ids.asset.id}`, 'entity', ids.asset.name],
      [`${base}/shots/tasks/${ids.shotTask.id}`, 'task', ids.shotTaskType.name],
      [`${base}/shots/task-types/${ids.shotTaskType.id}`, 'task-type', ids.shotTaskType.name],
      [`${base}/shots/task-types/${ids.shotTaskType.id}/schedule`, 'task-type', ids.shotTaskType.name],
      [`${base}/episodes/${ids.episodeId}/shots`, 'entity-list', null],
      [`${base}/episodes/all/assets`, 'entity-list', 'All episodes'],
      ['/my-tasks?section=todos', 'my-tasks', null],
      ['/my-checks', 'my-checks', null],
    ];
    const dock = page.locator(DOCK);
    for (const [route, kind, name] of routes) {
      await spaNavigate(page, route);
      const thisPage = dock.locator(`[data-testid="this-page"][data-page-kind="${kind}"]`);
      await thisPage.waitFor({ timeout: 10_000 });
      if (name) await thisPage.getByTestId('this-page-names').filter({ hasText: name }).waitFor({ timeout: 10_000 });
      assert.equal(await dock.getByTestId('this-page').count(), 1, `one "This page" panel on ${route}`);
      assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), 1, 'no reload');
    }
  });

  it('follows Kitsu’s dark theme', async () => {
    const dock = page.locator(DOCK);
    assert.equal(await dock.getAttribute('data-theme'), 'light');
    await page.locator('button.dark-mode-toggle').click();
    await page.locator(`${DOCK}[data-theme="dark"]`).waitFor({ timeout: 5_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'dock-dark.png') });
    await page.locator('button.dark-mode-toggle').click();
    await page.locator(`${DOCK}[data-theme="light"]`).waitFor({ timeout: 5_000 });
  });

  it('closes with Escape and opens and closes with the keyboard shortcut', async () => {
    const dock = page.locator(DOCK);
    await dock.getByTestId('dock-toggle').focus();
    await page.keyboard.press('Escape');
    await dock.getByTestId('dock-body').waitFor({ state: 'detached', timeout: 5_000 });
    assert.equal(await dock.getByTestId('dock-toggle').getAttribute('aria-expanded'), 'false');
    pressKeys('alt+shift+k');
    await dock.getByTestId('dock-body').waitFor({ timeout: 5_000 });
    pressKeys('alt+shift+k');
    await dock.getByTestId('dock-body').waitFor({ state: 'detached', timeout: 5_000 });
    await page.reload();
    await page.locator(DOCK).getByTestId('dock-toggle').waitFor();
    assert.equal(
      await page.locator(DOCK).getByTestId('dock-toggle').getAttribute('aria-expanded'),
      'false',
      'remembered per host',
    );
    await page.locator(DOCK).getByTestId('dock-toggle').click();
    await page.locator(DOCK).getByTestId('dock-body').waitFor();
  });
});
