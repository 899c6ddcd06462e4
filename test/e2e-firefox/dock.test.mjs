import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ARTIFACTS,
  addConnection,
  launchFirefoxWithExtension,
  navigate,
  spaNavigate,
  waitFor,
  waitForDock,
} from './support/firefox.mjs';
import { pickSeededIds, readStack, startPrivateFrontDoor } from './support/kitsu.mjs';

const DOCK = 'kitsu-sidekick >>> [data-testid="sidekick-dock"]';

describe('the dock on Kitsu pages in Firefox, against the real Zou stack', () => {
  let firefox;
  let stack;
  let ids;
  let kitsu;
  let page;

  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    stack = readStack();
    ids = await pickSeededIds(stack);
    kitsu = await startPrivateFrontDoor(stack);
    firefox = await launchFirefoxWithExtension();
  });
  after(async () => {
    await firefox?.close();
    await kitsu?.close();
  });

  it('tests a connection in the options page and says who the token is', async () => {
    const { page: options } = await addConnection(firefox.browser, {
      origin: kitsu.origin,
      token: stack.bots.writer.token,
      label: 'Fox Tales studio',
    });
    await options.locator('[data-testid="connection-address"]').fill(kitsu.origin);
    await options.locator('[data-testid="connection-test"]').click();
    const text = await waitFor(
      options,
      () => document.querySelector('[data-testid="connection-test-result"]')?.textContent,
      { what: 'the connection test result' },
    );
    assert.match(
      text,
      new RegExp(`Kitsu ${stack.zouVersion.replaceAll('.', '\\.')}: connected as ${stack.bots.writer.name}`),
    );
    assert.match(text, /Fox Tales/);
    await options.close();
  });

  it('shows what the page is, with names read from Kitsu', async () => {
    page = await firefox.browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    navigate(page, `${kitsu.origin}/__front-door/dev-login?next=/productions/${ids.projectId}/shots`);
    const state = await waitForDock(page, (dock) => dock.connection?.startsWith('Connected to') && !!dock.names, {
      timeout: 15_000,
      what: 'the dock with names and connection',
    });
    assert.equal(state.kind, 'entity-list');
    assert.match(state.names, /ProductionFox Tales/);
    assert.equal(state.connection, `Connected to Fox Tales studio as ${stack.bots.writer.name}.`);
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
    for (const [route, kind, name] of routes) {
      await spaNavigate(page, route);
      const state = await waitForDock(
        page,
        (dock) => dock.url.endsWith(route) && dock.kind === kind && (!name || dock.names?.includes(name)),
        { what: `the ${kind} panel of ${route}` },
      );
      assert.equal(state.thisPageCount, 1, `one "This page" panel on ${route}`);
      assert.equal(state.navigations, 1, 'no reload');
    }
  });

  it('follows Kitsu’s dark theme', async () => {
    assert.equal((await waitForDock(page, (dock) => dock.dock)).theme, 'light');
    await page.locator('button.dark-mode-toggle').click();
    await waitForDock(page, (dock) => dock.theme === 'dark', { what: 'the dark dock' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'dock-dark.png') });
    await page.locator('button.dark-mode-toggle').click();
    await waitForDock(page, (dock) => dock.theme === 'light', { what: 'the light dock' });
  });

  it('closes with Escape and remembers it per host across a reload', async () => {
    await (await page.$('kitsu-sidekick >>> [data-testid="dock-toggle"]')).focus();
    await page.keyboard.press('Escape');
    const closed = await waitForDock(page, (dock) => !dock.body, { what: 'the closed dock' });
    assert.equal(closed.expanded, 'false');
    await page.evaluate(() => {
      window.sidekickTestOldDocument = true;
      setTimeout(() => location.reload());
    });
    await waitFor(page, () => document.readyState === 'complete' && !window.sidekickTestOldDocument, {
      timeout: 15_000,
      what: 'the reloaded page',
    });
    await waitForDock(page, (dock) => dock.dock && dock.expanded === 'false', {
      timeout: 15_000,
      what: 'the dock, still closed after the reload',
    });
    await page.locator('kitsu-sidekick >>> [data-testid="dock-toggle"]').click();
    await waitForDock(page, (dock) => dock.body && dock.expanded === 'true', { what: 'the opened dock' });
    assert.ok(await page.$(DOCK));
  });
});
