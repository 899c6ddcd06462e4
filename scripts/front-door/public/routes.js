// Kitsu's router table, restated with Kitsu's route names (cgwire/kitsu `src/router/routes.js`), plus the
// paths the pages link to (`src/lib/path.js`). Pure: no DOM, so Node tests import it as is.
// Each route is [name, pattern, kind]: the kind says which page renders it (one per page component).

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
// On TV shows `episode_id` may also be the pseudo-episodes `all` and `main` (main pack).
const EPISODE_ID = `(?:${UUID}|all|main)`;
// `:type` is a pluralised task-type `for_entity`; getTaskPath leaves Concept singular (`concept`).
const TYPES = 'assets|shots|sequences|edits|episodes|concept|concepts';

export const ENTITY_SECTIONS = ['assets', 'shots', 'sequences', 'edits', 'episodes'];
export const SINGULAR = { assets: 'asset', shots: 'shot', sequences: 'sequence', edits: 'edit', episodes: 'episode' };
export const FOR_ENTITY = { assets: 'Asset', shots: 'Shot', sequences: 'Sequence', edits: 'Edit', episodes: 'Episode' };
export const SECTION_OF_ENTITY = {
  Asset: 'assets',
  Shot: 'shots',
  Sequence: 'sequences',
  Edit: 'edits',
  Episode: 'episodes',
  Concept: 'concept',
};

// Sections whose episode combobox offers `all`/`main`: the top bar keeps those pseudo-episodes there
// (cgwire/kitsu `src/components/tops/Topbar.vue`, asset, edit and breakdown sections).
export const SECTIONS_WITH_PSEUDO_EPISODES = ['assets', 'asset-types', 'playlists', 'edits', 'breakdown'];

const PERIOD_CHILDREN = [
  ['month', 'month/:year'],
  ['month-person', 'month/:year/:month/persons/:person_id'],
  ['week', 'week/:year'],
  ['week-person', 'week/:year/:week/persons/:person_id'],
  ['day', 'day/:year/:month'],
  ['day-person', 'day/:year/:month/:day/persons/:person_id'],
];
const TIMESHEET_CHILDREN = [
  ['year', 'year/:year'],
  ['year-person', 'year/:year/persons/:person_id'],
  ...PERIOD_CHILDREN,
];

const STUDIO_PAGES = [
  ['productions', 'productions'],
  ['new-production', 'new-production'],
  ['notifications', 'notifications'],
  ['entity-search', 'entity-search'],
  ['entity-chats', 'entity-chats'],
  ['newsfeed', 'news-feed'],
  ['asset-library', 'asset-library'],
  ['people', 'people'],
  ['bots', 'bots'],
  ['departments', 'departments'],
  ['studios', 'studios'],
  ['asset-types', 'asset-types'],
  ['task-types', 'task-types'],
  ['task-status', 'task-status'],
  ['backgrounds', 'backgrounds'],
  ['custom-actions', 'custom-actions'],
  ['status-automations', 'status-automations'],
  ['software-licenses', 'software-licenses'],
  ['hardware-items', 'hardware-items'],
  ['salary-scale', 'salary-scale'],
  ['settings', 'settings'],
  ['logs', 'logs'],
  ['project-templates', 'project-templates'],
  ['profile', 'profile'],
];

const P = '/productions/:production_id';
const E = `${P}/episodes/:episode_id(${EPISODE_ID})`;

/** The production route and its `episode-` twin (Kitsu doubles most production pages for TV shows). */
function withEpisodeTwin(name, suffix, kind, episodeName = `episode-${name}`) {
  return [
    [name, `${P}/${suffix}`, kind],
    [episodeName, `${E}/${suffix}`, kind],
  ];
}

function taskTypeRoutes(name, prefix) {
  return [
    [name, `${prefix}/task-types/:task_type_id`, 'task-type'],
    [`${name}-schedule`, `${prefix}/task-types/:task_type_id/schedule`, 'task-type'],
    [`${name}-estimation`, `${prefix}/task-types/:task_type_id/estimation`, 'task-type'],
  ];
}

function taskRoutes(name, prefix) {
  return [
    [name, `${prefix}/tasks/:task_id`, 'task'],
    [`${name}-preview`, `${prefix}/tasks/:task_id/previews/:preview_id`, 'task'],
  ];
}

// First match wins, so a static segment is listed before a parameter that would take it.
export const ROUTE_TABLE = [
  ['login', '/login', 'login'],
  ['login-2fa', '/login/2fa', 'outside'],
  ['first-connection', '/first-connection', 'outside'],
  ['reset-password', '/reset-password', 'outside'],
  ['reset-change-password', '/reset-change-password', 'outside'],
  ['server-down', '/server-down', 'outside'],
  ['wrong-browser', '/wrong-browser', 'outside'],
  ['shared-playlist', '/playlists/shared/:token', 'outside'],
  ['home', '/', 'home'],
  ['open-productions', '/open-productions', 'open-productions'],
  ['todos', '/my-tasks', 'todos'],
  ['checks', '/my-checks', 'checks'],
  ['all-tasks', '/all-tasks', 'all-tasks'],
  ['person', '/people/:person_id', 'person'],
  ['main-schedule', '/main-schedule', 'studio-schedule'],
  ['team-schedule', '/team-schedule', 'studio-schedule'],
  ['timesheets', '/timesheets', 'timesheets'],
  ...TIMESHEET_CHILDREN.map(([child, suffix]) => [`timesheets-${child}`, `/timesheets/${suffix}`, 'timesheets']),
  ['project-template-settings', '/project-templates/:template_id', 'studio'],
  ['plugin', '/plugins/:plugin_id', 'plugin'],
  ...STUDIO_PAGES.map(([name, path]) => [name, `/${path}`, 'studio']),

  ...taskTypeRoutes('episodes-task-type', `${P}/episodes`),
  ...taskRoutes('episode-episode-task', E),
  ...taskTypeRoutes('episode-task-type', `${E}/:type(${TYPES})`),
  ...taskRoutes('episode-task', `${E}/:type(${TYPES})`),
  ...taskTypeRoutes('task-type', `${P}/:type(${TYPES})`),
  ...taskRoutes('task', `${P}/:type(${TYPES})`),

  ...['assets', 'shots', 'sequences', 'edits'].flatMap((section) => [
    ...withEpisodeTwin(section, section, 'entity-list'),
    ...withEpisodeTwin(SINGULAR[section], `${section}/:${SINGULAR[section]}_id`, 'entity'),
  ]),
  ['episodes', `${P}/episodes`, 'entity-list'],
  ...withEpisodeTwin('production-asset-types', 'asset-types', 'stats'),
  ...withEpisodeTwin('sequence-stats', 'sequence-stats', 'stats'),
  ['episode-stats', `${P}/episode-stats`, 'stats'],
  ...withEpisodeTwin('breakdown', 'breakdown', 'breakdown'),
  ...withEpisodeTwin('breakdown-sequence', 'breakdown/sequences/:sequence_id', 'breakdown'),
  ...withEpisodeTwin('breakdown-asset-type', 'breakdown/asset-types/:asset_type_id', 'breakdown'),
  ...withEpisodeTwin('playlists', 'playlists', 'playlists'),
  ...withEpisodeTwin('playlist', 'playlists/:playlist_id', 'playlists'),
  ...withEpisodeTwin('schedule', 'schedule', 'production-schedule'),
  ...withEpisodeTwin('quota', 'quota', 'quota'),
  ...PERIOD_CHILDREN.flatMap(([child, suffix]) => withEpisodeTwin(`quota-${child}`, `quota/${suffix}`, 'quota')),
  ...withEpisodeTwin('production-plugin', 'plugins/:plugin_id', 'plugin', 'episode-production-plugin'),
  ['concepts', `${P}/concepts`, 'concepts'],
  ['news-feed', `${P}/news-feed`, 'news-feed'],
  ['team', `${P}/team`, 'team'],
  ['budget', `${P}/budget`, 'budget'],
  ['brief', `${P}/brief`, 'brief'],
  ['production-settings', `${P}/production-settings`, 'production-settings'],
  // Registered after every `episodes/...` route: `episode_id` would otherwise take `task-types`.
  ['episode', `${P}/episodes/:episode_id`, 'entity'],
];

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// `:name` matches one segment, `:name(regex)` constrains it.
const COMPILED_ROUTES = ROUTE_TABLE.map(([name, pattern, kind]) => {
  const keys = [];
  let source = '';
  for (const part of pattern.split('/').slice(1)) {
    const param = /^:(\w+)(?:\((.+)\))?$/.exec(part);
    if (!param) {
      source += part ? `/${escapeRegex(part)}` : '';
      continue;
    }
    keys.push(param[1]);
    source += `/(${param[2] ?? '[^/]+'})`;
  }
  return { name, kind, keys, regex: new RegExp(`^${source}/?$`) };
});

/** Route facts derived from the name: the task-type tab, the entity section, the episode scope. */
function enrich(name, params) {
  const tab = /-(schedule|estimation)$/.exec(name)?.[1];
  if (/task-type/.test(name)) params.tab = tab ?? '';
  if (name.startsWith('episodes-task-type') || name.startsWith('episode-episode-task')) params.type = 'episodes';
  if (name === 'episode') params.section = 'episodes';
  const listSection = ENTITY_SECTIONS.find((section) => name === section || name === `episode-${section}`);
  if (listSection) params.section = listSection;
  const entitySection = ENTITY_SECTIONS.find((section) => params[`${SINGULAR[section]}_id`] !== undefined);
  if (entitySection && !params.section && /^(episode-)?(asset|shot|sequence|edit|episode)$/.test(name))
    params.section = entitySection;
  return params;
}

/** Pathname (inside the app, base path removed) -> {name, kind, params}. */
export function matchRoute(pathname) {
  for (const route of COMPILED_ROUTES) {
    const match = route.regex.exec(pathname);
    if (!match) continue;
    const params = {};
    route.keys.forEach((key, i) => {
      params[key] = decodeURIComponent(match[i + 1]);
    });
    return { name: route.name, kind: route.kind, params: enrich(route.name, params) };
  }
  return { name: 'not-found', kind: 'not-found', params: {} };
}

/** The id of the entity a route shows, whatever its section (`shot_id`, `asset_id`, ... or the episode). */
export function entityIdOf(route) {
  const section = route.params.section;
  return section ? route.params[`${SINGULAR[section]}_id`] : undefined;
}

export function isUuid(value) {
  return new RegExp(`^${UUID}$`).test(value ?? '');
}

export function productionPath(productionId, episodeId, rest) {
  return `/productions/${productionId}${episodeId ? `/episodes/${episodeId}` : ''}/${rest}`;
}

export function entityPath(productionId, episodeId, section, entityId) {
  if (section === 'episodes') return `/productions/${productionId}/episodes/${entityId}`;
  return productionPath(productionId, episodeId, `${section}/${entityId}`);
}

// Episode entities have no episode-scoped task and task-type pages under /episodes/:id/episodes/.
export function taskPath(productionId, episodeId, section, taskId) {
  return productionPath(productionId, section === 'episodes' ? null : episodeId, `${section}/tasks/${taskId}`);
}

export function taskTypePath(productionId, episodeId, section, taskTypeId) {
  return productionPath(productionId, section === 'episodes' ? null : episodeId, `${section}/task-types/${taskTypeId}`);
}

/** The section the top bar shows for a production route: `shots`, `schedule`, `asset-types`... */
export function sectionOf(pathname) {
  const segments = pathname.split('/');
  if (segments[1] !== 'productions') return null;
  const inEpisode =
    segments[3] === 'episodes' && segments.length > 5 && new RegExp(`^${EPISODE_ID}$`).test(segments[4]);
  return (inEpisode ? segments[5] : segments[3]) ?? null;
}
