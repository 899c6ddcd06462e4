// Behaviours of the real Kitsu SPA that change its URL, reproduced by the front door (real Zou behind it):
// cell clicks push `?task_id=` (cgwire/kitsu src/mixins/entity_list.js updateTaskInQuery), the search field
// pushes per keystroke (src/mixins/search.js), a TV show's `all`/`main` becomes the first episode just after
// load (src/components/tops/Topbar.vue), lists show their header while loading (ShotList.vue).
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { spaNavigate } from '../e2e/support/kitsu-page.mjs';
import { kitsuGet } from '../e2e/support/stack.mjs';
import { currentUrl, openApp, recordUrls, startSpa, waitForRoute } from './support/spa.mjs';

let spa;
let productionId;
let episodes;

before(async () => {
  spa = await startSpa();
  productionId = spa.stack.production.id;
  const loaded = await kitsuGet(spa.stack, `/data/projects/${productionId}/episodes`);
  episodes = [...loaded].sort((a, b) => a.name.localeCompare(b.name));
});

afterEach(() => spa?.closePages());
after(() => spa?.close());

const taskIdOf = (url) => new URL(url, 'http://x').searchParams.get('task_id');

/** The nth task cell of the grid, with the id of its row's entity (from the name link). */
async function gridCell(page, index) {
  const cell = page.locator('tbody.datatable-body td.validation:not(.empty)').nth(index);
  const href = await cell.locator('xpath=ancestor::tr//th//a').getAttribute('href');
  return { cell, entityId: href.split('/').at(-1) };
}

test('a click on a grid cell pushes ?task_id= of its task; a second click unselects and removes it', async () => {
  const shots = `/productions/${productionId}/shots`;
  const page = await openApp(spa, `${shots}?search=SH00`, 'shots');
  const urls = await recordUrls(page);
  const { cell, entityId } = await gridCell(page, 0);
  await cell.click();
  const selectedUrl = await currentUrl(page);
  const taskId = taskIdOf(selectedUrl);
  assert.ok(taskId, selectedUrl);
  assert.equal(new URL(selectedUrl, 'http://x').pathname, shots, 'the path does not change');
  assert.equal(new URL(selectedUrl, 'http://x').searchParams.get('search'), 'SH00', 'the rest of the query stays');
  assert.equal(
    (await kitsuGet(spa.stack, `/data/tasks/${taskId}`)).entity_id,
    entityId,
    'the task of the clicked cell',
  );
  assert.match(await cell.getAttribute('class'), /\bselected\b/);
  assert.ok(await page.locator('#side-column').isVisible(), 'the side panel opens');
  assert.match(
    await page.locator('#side-column a.task-page-link').getAttribute('href'),
    new RegExp(`/tasks/${taskId}$`),
  );

  await cell.click();
  assert.equal(taskIdOf(await currentUrl(page)), null, 'unselecting removes task_id');
  assert.doesNotMatch(await cell.getAttribute('class'), /\bselected\b/);
  assert.ok(await page.locator('#side-column').isHidden(), 'the side panel closes');
  assert.deepEqual(
    (await urls()).map(({ method, url }) => [method, taskIdOf(url)]),
    [
      ['pushState', taskId],
      ['pushState', null],
    ],
  );

  await page.evaluate(() => {
    document.querySelector('.page').dataset.marker = 'kept';
  });
  await page.goBack();
  await page.waitForFunction((id) => location.search.includes(id), taskId);
  assert.match(await cell.getAttribute('class'), /\bselected\b/, 'back re-selects the cell from the URL');
  assert.equal(await page.locator('.page[data-marker="kept"]').count(), 1, 'a query change keeps the page');
  assert.deepEqual(page.pageErrors, []);
});

test('ctrl-click selects a second task and removes task_id; a URL with task_id selects its cell on load', async () => {
  const shots = `/productions/${productionId}/shots`;
  const page = await openApp(spa, shots, 'shots');
  const first = await gridCell(page, 0);
  const second = await gridCell(page, 1);
  await first.cell.click();
  const taskId = taskIdOf(await currentUrl(page));
  await second.cell.click({ modifiers: ['Control'] });
  assert.equal(taskIdOf(await currentUrl(page)), null, 'two tasks selected: no task_id');
  assert.equal(await page.locator('td.validation.selected').count(), 2);
  assert.match(await page.locator('#side-column .multi-selection-info').textContent(), /2 tasks selected/);

  const reloaded = await openApp(spa, `${shots}?task_id=${taskId}`, 'shots');
  assert.equal(await reloaded.locator('td.validation.selected').count(), 1);
  assert.match(
    await reloaded.locator('#side-column a.task-page-link').getAttribute('href'),
    new RegExp(`/tasks/${taskId}$`),
  );
});

test('the search field pushes the URL on every keystroke and the list filters from it', async () => {
  const page = await openApp(spa, `/productions/${productionId}/shots`, 'shots');
  const urls = await recordUrls(page);
  const allRows = await page.locator('tbody.datatable-body tr.datatable-row').count();
  await page.locator('input.search-input').pressSequentially('SH001', { delay: 30 });
  const searches = (await urls()).map(({ method, url }) => [
    method,
    new URL(url, 'http://x').searchParams.get('search'),
  ]);
  assert.deepEqual(
    searches,
    ['S', 'SH', 'SH0', 'SH00', 'SH001'].map((search) => ['pushState', search]),
  );
  const shown = await page.locator('tbody.datatable-body tr.datatable-row th a').allTextContents();
  assert.ok(shown.length > 0 && shown.length < allRows, `${shown.length} of ${allRows}`);
  assert.ok(
    shown.every((name) => name.startsWith('SH001')),
    shown.join(),
  );
  await page.locator('input.search-input').fill('');
  assert.equal(
    new URL(await currentUrl(page), 'http://x').searchParams.has('search'),
    false,
    'an empty search leaves the URL',
  );
  await page.goBack();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('search') === 'SH001');
  assert.equal(await page.locator('input.search-input').inputValue(), 'SH001', 'back restores the field from the URL');
});

test('on a TV show the top bar swaps all/main for the first episode just after load, outside asset sections', async () => {
  const page = await spa.context.newPage();
  await page.addInitScript(() => {
    window.__urls = [{ method: 'load', url: location.pathname + location.search }];
    const original = history.pushState.bind(history);
    history.pushState = (state, title, url) => {
      original(state, title, url);
      window.__urls.push({ method: 'pushState', url: location.pathname + location.search });
    };
  });
  const first = episodes[0];
  await page.goto(`${spa.appOrigin}/__front-door/dev-login?next=/productions/${productionId}/episodes/all/shots`);
  await waitForRoute(page, 'episode-shots');
  assert.deepEqual(await page.evaluate(() => window.__urls), [
    { method: 'load', url: `/productions/${productionId}/episodes/all/shots` },
    { method: 'pushState', url: `/productions/${productionId}/episodes/${first.id}/shots` },
  ]);
  assert.equal(await page.locator('select.episode-selector').inputValue(), first.id);

  for (const kept of ['assets', 'asset-types', 'playlists', 'breakdown']) {
    const path = `/productions/${productionId}/episodes/main/${kept}`;
    await spaNavigate(page, path);
    await waitForRoute(page);
    assert.equal(await currentUrl(page), path, `${kept} keeps main`);
  }
  await spaNavigate(page, `/productions/${productionId}/episodes/main/sequences`);
  await page.waitForFunction((id) => location.pathname.includes(id), first.id);
  assert.equal(await currentUrl(page), `/productions/${productionId}/episodes/${first.id}/sequences`);
});

test('a list shows its header while its rows load (tbody only once loaded)', async () => {
  const page = await openApp(spa, '/open-productions', 'open-productions');
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/api/data/shots/with-tasks*', async (route) => {
    await held;
    await route.continue();
  });
  await spaNavigate(page, `/productions/${productionId}/shots`);
  await page.locator('table.datatable.multi-section thead#datatable-shot th.validation-header').first().waitFor();
  assert.equal(await page.locator('table.datatable.multi-section tbody').count(), 0);
  assert.ok(await page.locator('.table-loading').isVisible());
  release();
  await waitForRoute(page, 'shots');
  assert.ok((await page.locator('table.datatable.multi-section tbody tr.datatable-row').count()) > 10);
  assert.equal(await page.locator('.table-loading').count(), 0);
});
