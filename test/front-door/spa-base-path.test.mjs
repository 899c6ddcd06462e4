// Kitsu served under a sub-path: a front door with base path /kitsu serves the SPA, /api, /socket.io and
// its own test routes under /kitsu/ only, and the SPA links, routes and calls the API under it (real Zou).
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { currentUrl, openApp, startSpa, waitForRoute } from './support/spa.mjs';

let spa;
let productionId;

before(async () => {
  spa = await startSpa({ basePath: '/kitsu/' });
  productionId = spa.stack.production.id;
});

afterEach(() => spa?.closePages());
after(() => spa?.close());

test('the server answers under /kitsu/ only: API, event stream, dev-login, SPA with its base', async () => {
  const zou = await fetch(`${spa.origin}/kitsu/api/`);
  assert.equal(zou.status, 200);
  assert.equal((await zou.json()).api, 'Zou');
  for (const outside of ['/api/', '/productions/x/shots', '/socket.io/?EIO=4&transport=polling', '/kitsuX/api/']) {
    assert.equal((await fetch(`${spa.origin}${outside}`)).status, 404, outside);
  }
  const handshake = await fetch(`${spa.origin}/kitsu/socket.io/?EIO=4&transport=polling`);
  assert.equal(handshake.status, 200);
  assert.match(await handshake.text(), /^0\{"sid"/);
  const html = await (await fetch(`${spa.origin}/kitsu/productions/x/shots`)).text();
  assert.match(html, /<meta name="front-door-base" content="\/kitsu\/"/);
  assert.match(html, /src="\/kitsu\/app\.js"/);
  const login = await fetch(`${spa.origin}/kitsu/__front-door/dev-login?next=/my-tasks`, { redirect: 'manual' });
  assert.equal(login.status, 302);
  assert.equal(login.headers.get('location'), '/kitsu/my-tasks');
});

test('the SPA routes, links, pushes and calls the API under the base path', async () => {
  const page = await openApp(spa, `/productions/${productionId}/shots`, 'shots');
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  assert.equal(await page.evaluate(() => location.pathname), `/kitsu/productions/${productionId}/shots`);
  const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 50);
  assert.deepEqual(
    hrefs.filter((href) => !href.startsWith('/kitsu/')),
    [],
  );
  await page.locator('tbody.datatable-body td.validation:not(.empty)').first().click();
  assert.match(
    await currentUrl(page),
    new RegExp(`^/kitsu/productions/${productionId}/shots\\?task_id=[0-9a-f-]{36}$`),
  );
  await page.locator('#side-column .comments').waitFor();
  await page.locator('tbody.datatable-body th a').first().click();
  await waitForRoute(page, 'shot');
  assert.match(await currentUrl(page), new RegExp(`^/kitsu/productions/${productionId}/shots/[0-9a-f-]{36}$`));
  const apiCalls = requests.filter((path) => path.includes('/api/'));
  assert.ok(apiCalls.length > 0);
  assert.deepEqual(
    apiCalls.filter((path) => !path.startsWith('/kitsu/api/')),
    [],
  );
  assert.deepEqual(page.pageErrors, []);
});
