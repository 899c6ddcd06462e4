// The SPA's route table (scripts/front-door/public/routes.js, pure) and the server's base-path helpers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entityIdOf, matchRoute, ROUTE_TABLE, sectionOf, taskPath } from '../../scripts/front-door/public/routes.js';
import { normaliseBasePath, pathInsideBase } from '../../scripts/front-door/server.mjs';
import { PLACEHOLDER_IDS, samplePath } from './support/route-samples.mjs';

test('every route of the table matches its own sample path (no route hides another)', () => {
  const names = new Set();
  for (const [name, pattern] of ROUTE_TABLE) {
    assert.ok(!names.has(name), `route name ${name} appears twice`);
    names.add(name);
    const pathname = samplePath(pattern, PLACEHOLDER_IDS);
    assert.equal(matchRoute(pathname).name, name, `${pattern} -> ${pathname}`);
  }
  assert.ok(ROUTE_TABLE.length > 100, `only ${ROUTE_TABLE.length} routes`);
});

test("the table holds Kitsu's page kinds, their episode variants and children", () => {
  const names = new Set(ROUTE_TABLE.map(([name]) => name));
  const expected = [
    ...['schedule', 'playlists', 'playlist', 'breakdown', 'quota', 'sequence-stats'].flatMap((n) => [
      n,
      `episode-${n}`,
    ]),
    ...['team', 'news-feed', 'concepts', 'budget', 'brief', 'production-settings', 'episode-stats'],
    ...['people', 'productions', 'departments', 'task-types', 'task-status', 'asset-types', 'custom-actions'],
    ...['status-automations', 'bots', 'plugin', 'settings', 'logs', 'all-tasks', 'team-schedule', 'main-schedule'],
    ...['todos', 'checks', 'timesheets', 'timesheets-week-person', 'entity-search', 'newsfeed', 'quota-day-person'],
    ...['episode-quota-month', 'breakdown-asset-type', 'episode-production-plugin', 'task-preview'],
    ...['episodes-task-type-estimation', 'episode-episode-task-preview', 'login-2fa', 'shared-playlist'],
  ];
  for (const name of expected) assert.ok(names.has(name), `missing route ${name}`);
});

test('params: episode scope, task-type tab, entity section, singular concept tasks', () => {
  assert.deepEqual(matchRoute('/productions/p/episodes/all/shots/task-types/t/schedule'), {
    name: 'episode-task-type-schedule',
    kind: 'task-type',
    params: { production_id: 'p', episode_id: 'all', type: 'shots', task_type_id: 't', tab: 'schedule' },
  });
  assert.equal(matchRoute('/productions/p/shots/task-types/t').params.tab, '');
  assert.equal(matchRoute('/productions/p/episodes/task-types/t').params.type, 'episodes');
  assert.equal(matchRoute('/productions/p/concept/tasks/t').name, 'task');
  assert.equal(matchRoute('/productions/p/concept/tasks/t').params.type, 'concept');
  const shot = matchRoute(`/productions/p/episodes/main/shots/${PLACEHOLDER_IDS.shot_id}`);
  assert.equal(shot.name, 'episode-shot');
  assert.equal(entityIdOf(shot), PLACEHOLDER_IDS.shot_id);
  assert.equal(
    entityIdOf(matchRoute(`/productions/p/episodes/${PLACEHOLDER_IDS.episode_id}`)),
    PLACEHOLDER_IDS.episode_id,
  );
  assert.equal(taskPath('p', 'e', 'episodes', 't'), '/productions/p/episodes/tasks/t');
});

test('unknown paths are not-found', () => {
  for (const pathname of [
    '/productions/p/shots/task-types/t/nope',
    '/productions/p/playlists-nope',
    '/todos',
    '/nope',
  ]) {
    assert.equal(matchRoute(pathname).name, 'not-found', pathname);
  }
});

test('sectionOf reads the section the top bar shows', () => {
  assert.equal(sectionOf('/productions/p/shots'), 'shots');
  assert.equal(sectionOf('/productions/p/episodes/all/asset-types'), 'asset-types');
  assert.equal(sectionOf(`/productions/p/episodes/${PLACEHOLDER_IDS.episode_id}/schedule`), 'schedule');
  assert.equal(sectionOf('/productions/p/episodes/task-types/t'), 'episodes');
  assert.equal(sectionOf('/my-tasks'), null);
});

test('base paths are normalised and requests outside them are refused', () => {
  assert.equal(normaliseBasePath(''), '');
  assert.equal(normaliseBasePath('/'), '');
  assert.equal(normaliseBasePath('kitsu'), '/kitsu');
  assert.equal(normaliseBasePath('/studio/kitsu/'), '/studio/kitsu');
  for (const bad of ['/../x', '/a b', '/a/./b', '/a?b'])
    assert.throws(() => normaliseBasePath(bad), /Not a base path/, bad);
  assert.equal(pathInsideBase('/kitsu/api/data', '/kitsu'), '/api/data');
  assert.equal(pathInsideBase('/kitsu', '/kitsu'), '/');
  assert.equal(pathInsideBase('/kitsu?x=1', '/kitsu'), '/?x=1');
  assert.equal(pathInsideBase('/kitsuX/api', '/kitsu'), null);
  assert.equal(pathInsideBase('/api/data', '/kitsu'), null);
  assert.equal(pathInsideBase('/api/data', ''), '/api/data');
});
