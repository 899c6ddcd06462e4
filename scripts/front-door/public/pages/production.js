// Production pages beside the grids, each with its main element (cgwire/kitsu `src/components/pages/`):
// ProductionSchedule (a Gantt), Playlist, Breakdown, ProductionQuota, Team, ProductionNewsFeed, Concepts,
// Budget, Brief, ProductionSettings, the stats pages (SequenceStats, EpisodeStats, ProductionAssetTypes)
// and Plugin. Data comes from Zou where it exists; a collection the session may not read shows empty.
import { loadEpisodes, loadProduction, loadTaskTypes, optionalCollection } from '../api.js';
import { withBase } from '../base.js';
import { avatar, formatDate, h, page, tabs } from '../dom.js';
import { collectionTable, view } from '../lists.js';
import { productionPath } from '../routes.js';
import { gantt } from '../schedule.js';

const projectData = (route, rest) => optionalCollection(`/data/projects/${route.params.production_id}/${rest}`);

export async function productionSchedulePage(route) {
  const production = await loadProduction(route.params.production_id);
  const holder = h('div.production-schedule-chart', {}, h('p.loading', {}, 'Loading...'));
  const loaded = Promise.all([loadTaskTypes(), projectData(route, 'schedule-items')]).then(
    ([taskTypes, scheduleItems]) => {
      const items = (production.task_types ?? [])
        .map((id) => taskTypes.get(id))
        .filter(Boolean)
        .map((taskType) => {
          const item = scheduleItems.find(
            (candidate) => candidate.task_type_id === taskType.id && !candidate.object_id,
          );
          return {
            name: taskType.name,
            color: taskType.color,
            startDate: item?.start_date ?? production.start_date,
            endDate: item?.end_date ?? production.end_date,
          };
        });
      holder.replaceChildren(gantt(items, '.production-schedule-gantt'));
    },
  );
  return view(page('production-schedule', h('h1.title', {}, 'Schedule'), holder), loaded);
}

export function playlistsPage(route) {
  const { production_id: productionId, episode_id: episodeId, playlist_id: playlistId } = route.params;
  const list = h('ul.playlist-list', {}, h('li.loading', {}, 'Loading...'));
  const player = h(
    'div.playlist-player',
    {},
    h('p.empty', {}, playlistId ? 'Loading the playlist...' : 'Select a playlist.'),
  );
  const loaded = projectData(route, 'playlists').then((playlists) => {
    list.replaceChildren(
      ...playlists.map((playlist) =>
        h(
          'li',
          {},
          h(
            'a',
            { href: withBase(productionPath(productionId, episodeId, `playlists/${playlist.id}`)) },
            playlist.name,
          ),
        ),
      ),
    );
    if (!playlists.length) list.replaceChildren(h('li.empty', {}, 'No playlist yet.'));
    const current = playlists.find((playlist) => playlist.id === playlistId);
    if (playlistId) player.replaceChildren(h('h2.playlist-name', {}, current?.name ?? 'This playlist does not exist.'));
  });
  const node = page(
    'playlists-page',
    h(
      'div.columns.fixed-page',
      {},
      h('div.column.playlist-list-column', {}, h('h2.subtitle', {}, 'Playlists'), list),
      h('div.column.main-column', {}, player),
    ),
  );
  return view(node, loaded);
}

export function breakdownPage(route) {
  const { production_id: productionId, episode_id: episodeId } = route.params;
  const sequences = collectionTable(
    () => projectData(route, 'sequences'),
    [
      [
        'Sequence',
        'name',
        (s) =>
          h('a', { href: withBase(productionPath(productionId, episodeId, `breakdown/sequences/${s.id}`)) }, s.name),
      ],
    ],
    { tableClass: '.breakdown-sequences' },
  );
  const assetTypes = collectionTable(() => projectData(route, 'asset-types'), [['Asset type', 'name', (a) => a.name]], {
    tableClass: '.breakdown-asset-types',
  });
  const node = page(
    'breakdown',
    h('h1.title', {}, 'Breakdown'),
    h(
      'div.breakdown-columns',
      {},
      h('div.casting-column', {}, sequences.element),
      h('div.asset-list', {}, assetTypes.element),
    ),
  );
  return view(node, Promise.all([sequences.loaded, assetTypes.loaded]));
}

function teamColumns() {
  return [
    ['Name', 'name', (p) => [avatar(p), h('a', { href: withBase(`/people/${p.id}`) }, p.full_name ?? '')]],
    ['Role', 'role', (p) => p.role ?? ''],
  ];
}

export function quotaPage(route) {
  const period = /quota-(month|week|day)/.exec(route.name)?.[1] ?? 'month';
  const table = collectionTable(
    () => projectData(route, 'team'),
    [...teamColumns(), ['Done tasks', 'quota-value', () => '0']],
    {
      tableClass: '.quota-list',
    },
  );
  const base = productionPath(route.params.production_id, route.params.episode_id, 'quota');
  const periods = tabs(
    '.quota-tabs',
    [
      ['month', 'Month', `${base}/month/${new Date().getFullYear()}`],
      ['week', 'Week', `${base}/week/${new Date().getFullYear()}`],
    ],
    period,
  );
  return view(page('quota', h('h1.title', {}, 'Quotas'), periods, table.element), table.loaded);
}

export function teamPage(route) {
  const table = collectionTable(() => projectData(route, 'team'), teamColumns(), { tableClass: '.team-list' });
  return view(page('team', h('h1.title', {}, 'Team'), table.element), table.loaded);
}

/** Production and studio news feed: the comments and status changes of the production(s). */
export function newsFeedPage(route) {
  const path = route.params.production_id
    ? `/data/projects/${route.params.production_id}/news?limit=50`
    : '/data/projects/news?limit=50';
  const feed = h('div.news-list', {}, h('p.loading', {}, 'Loading...'));
  const loaded = optionalCollection(path).then((news) => {
    feed.replaceChildren(
      ...news.map((item) =>
        h(
          'div.news-line',
          {},
          h('span.news-date', {}, formatDate(item.created_at)),
          ` ${item.change ? 'status changed' : 'comment'}`,
        ),
      ),
    );
    if (!news.length) feed.replaceChildren(h('p.empty', {}, 'No news yet.'));
  });
  return view(page('news-feed', h('h1.title', {}, 'News feed'), feed), loaded);
}

export function conceptsPage(route) {
  const grid = h('div.concept-list', {}, h('p.loading', {}, 'Loading...'));
  const loaded = projectData(route, 'concepts').then((concepts) => {
    grid.replaceChildren(...concepts.map((concept) => h('div.concept-card', {}, concept.name)));
    if (!concepts.length) grid.replaceChildren(h('p.empty', {}, 'No concept yet.'));
  });
  return view(page('concepts', h('h1.title', {}, 'Concepts'), grid), loaded);
}

export function budgetPage(route) {
  const table = collectionTable(
    () => projectData(route, 'budgets'),
    [
      ['Budget', 'name', (b) => b.name],
      ['Revision', 'revision', (b) => b.revision ?? ''],
    ],
    { tableClass: '.budget-list' },
  );
  return view(page('budget', h('h1.title', {}, 'Budget'), table.element), table.loaded);
}

export async function briefPage(route) {
  const production = await loadProduction(route.params.production_id);
  return view(
    page('brief', h('h1.title', {}, 'Brief'), h('div.brief-content', {}, production.description || 'No brief yet.')),
  );
}

export async function productionSettingsPage(route) {
  const [production, taskTypes] = await Promise.all([loadProduction(route.params.production_id), loadTaskTypes()]);
  const table = collectionTable(
    async () => (production.task_types ?? []).map((id) => taskTypes.get(id)).filter(Boolean),
    [
      ['Task type', 'name', (t) => t.name],
      ['For', 'for-entity', (t) => t.for_entity],
    ],
    { tableClass: '.production-task-types' },
  );
  const settingsTabs = tabs(
    '.production-settings-tabs',
    [['task-types', 'Task Types', `/productions/${production.id}/production-settings`]],
    'task-types',
  );
  return view(page('production-settings', h('h1.title', {}, 'Settings'), settingsTabs, table.element), table.loaded);
}

const STATS_SOURCES = {
  'sequence-stats': ['sequence-stats', 'Sequence Stats', 'sequences'],
  'episode-sequence-stats': ['sequence-stats', 'Sequence Stats', 'sequences'],
  'episode-stats': ['episode-stats', 'Episode Stats', 'episodes'],
  'production-asset-types': ['production-asset-types', 'Asset Types', 'asset-types'],
  'episode-production-asset-types': ['production-asset-types', 'Asset Types', 'asset-types'],
};

export function statsPage(route) {
  const [name, title, collection] = STATS_SOURCES[route.name];
  const load = () =>
    collection === 'episodes' ? loadEpisodes(route.params.production_id) : projectData(route, collection);
  const table = collectionTable(
    load,
    [
      ['Name', 'name', (item) => item.name],
      ['Status', 'status', (item) => item.status ?? ''],
    ],
    {
      tableClass: '.stats',
    },
  );
  return view(page(name, h('h1.title', {}, title), table.element), table.loaded);
}

/** Studio or production plugin: Kitsu shows the plugin's own page in an iframe. */
export function pluginPage(route) {
  const frame = h('iframe.plugin-frame', { title: `Plugin ${route.params.plugin_id}`, srcdoc: '<p>Plugin</p>' });
  return view(page('plugin', h('h1.title', {}, `Plugin ${route.params.plugin_id}`), frame));
}
