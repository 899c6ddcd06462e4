// Every route of Kitsu's router renders in the front door: its top bar (pages inside Kitsu's Main frame)
// and the main element of its page kind, with real seeded data. Table-driven over the SPA's route table.
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { matchRoute, ROUTE_TABLE } from '../../scripts/front-door/public/routes.js';
import { spaNavigate } from '../e2e/support/kitsu-page.mjs';
import { kitsuGet, pickSeededIds } from '../e2e/support/stack.mjs';
import { PLACEHOLDER_IDS, samplePath } from './support/route-samples.mjs';
import { openApp, startSpa, waitForRoute } from './support/spa.mjs';

// Page kind -> the element that kind must render (its own expectation, not read from the app).
const MAIN_ELEMENT = {
  login: '.page.login form.login-form',
  outside: '.page.outside-page .login-box',
  'open-productions': '.page.open-productions .open-productions-list',
  todos: '.page.todos table.datatable thead.datatable-head',
  checks: '.page.my-checks table.datatable thead.datatable-head',
  'all-tasks': '.page.all-tasks table.datatable',
  person: '.page.person table.datatable',
  'studio-schedule': '.page .schedule-wrapper .timeline',
  timesheets: '.page.timesheets table.datatable.timesheet-table',
  plugin: '.page.plugin iframe.plugin-frame',
  'entity-list': '.page table.datatable.multi-section thead.datatable-head[id^="datatable-"]',
  entity: '.page.entity-page table.datatable.entity-tasks',
  task: '.page.task-page .preview-player',
  'task-type': '.page.task-type',
  stats: '.page table.datatable.stats',
  breakdown: '.page.breakdown .casting-column table.datatable',
  playlists: '.page.playlists-page .playlist-list-column + .main-column .playlist-player',
  'production-schedule': '.page.production-schedule .schedule-wrapper .timeline',
  quota: '.page.quota table.datatable.quota-list',
  concepts: '.page.concepts .concept-list',
  'news-feed': '.page.news-feed .news-list',
  team: '.page.team table.datatable.team-list',
  budget: '.page.budget table.datatable.budget-list',
  brief: '.page.brief .brief-content',
  'production-settings': '.page.production-settings table.datatable.production-task-types',
};
// Studio routes: the admin table of the route's name, except pages of their own.
const STUDIO_ELEMENT = {
  people: '.page.people table.datatable',
  newsfeed: '.page.news-feed .news-list',
  profile: '.page.profile .profile-card',
  'entity-search': '.page.entity-search input.search-input',
  'new-production': '.page.new-production form.new-production-form',
};
// Task-type tabs: the schedule is a Gantt chart with no table (cgwire/kitsu src/pages/TaskType.vue).
const TASK_TYPE_TAB_ELEMENT = {
  '': '.page.task-type .task-list table.datatable',
  schedule: '.page.task-type-schedule .schedule-wrapper .timeline',
  estimation: '.page.task-type-estimation table.datatable',
};
const WITHOUT_TOPBAR = new Set(['login', 'outside']);
const WITHOUT_TABLE = new Set(['studio-schedule', 'production-schedule']);

function expectedElement(route) {
  if (route.kind === 'studio')
    return STUDIO_ELEMENT[route.name] ?? `.page.${route.name} table.datatable.${route.name}-list`;
  if (route.kind === 'task-type') return TASK_TYPE_TAB_ELEMENT[route.params.tab];
  return MAIN_ELEMENT[route.kind];
}

let spa;
let ids;

before(async () => {
  spa = await startSpa();
  const seeded = await pickSeededIds(spa.stack);
  const sequences = await kitsuGet(spa.stack, `/data/projects/${seeded.projectId}/sequences`);
  ids = {
    ...PLACEHOLDER_IDS,
    production_id: seeded.projectId,
    episode_id: seeded.episodeId,
    task_type_id: seeded.shotTaskType.id,
    task_id: seeded.shotTask.id,
    shot_id: seeded.shot.id,
    asset_id: seeded.asset.id,
    sequence_id: sequences[0].id,
    asset_type_id: seeded.asset.entity_type_id,
    person_id: spa.stack.persons[0].id,
  };
});

afterEach(() => spa?.closePages());
after(() => spa?.close());

test('every route pattern renders its top bar and the main element of its page kind', async () => {
  const page = await openApp(spa, '/open-productions', 'open-productions');
  const failures = [];
  for (const [name, pattern, kind] of ROUTE_TABLE) {
    if (kind === 'home') continue; // a redirect, checked below
    const appPath = samplePath(pattern, ids);
    const route = matchRoute(appPath);
    await spaNavigate(page, appPath);
    try {
      await waitForRoute(page, name);
    } catch {
      failures.push(
        `${name} (${appPath}): not rendered, route ${await page.evaluate(() => document.getElementById('app').dataset.frontDoorRoute)}`,
      );
      continue;
    }
    const selector = expectedElement(route);
    const seen = await page.evaluate(
      (main) => ({
        topbar: Boolean(document.querySelector('.theme > .topbar')),
        main: Boolean(document.querySelector(main)),
        datatable: Boolean(document.querySelector('table.datatable')),
        notFound: Boolean(document.querySelector('.page.not-found')),
      }),
      selector ?? 'no-selector',
    );
    if (!selector) failures.push(`${name}: no expectation for page kind ${kind}`);
    if (!seen.main) failures.push(`${name} (${appPath}): no ${selector}`);
    if (seen.topbar === WITHOUT_TOPBAR.has(kind))
      failures.push(`${name}: top bar ${seen.topbar ? 'shown' : 'missing'}`);
    if (seen.notFound) failures.push(`${name}: Page not found`);
    if ((WITHOUT_TABLE.has(kind) || route.params.tab === 'schedule') && seen.datatable)
      failures.push(`${name}: a table.datatable`);
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(page.pageErrors, []);
});

test('the root redirects an admin to the productions, and unknown paths say Page not found', async () => {
  const page = await openApp(spa, '/', 'open-productions');
  assert.equal(await page.evaluate(() => location.pathname), '/open-productions');
  await spaNavigate(page, '/no/such/page');
  await waitForRoute(page, 'not-found');
  assert.match(await page.locator('.page.not-found h1').textContent(), /Page not found/);
});
