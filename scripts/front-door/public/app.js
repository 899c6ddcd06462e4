// Kitsu-shaped test double of the Kitsu web app, served by scripts/front-door/server.mjs.
// It reproduces Kitsu's routes (history mode) and the DOM anchors Kitsu Sidekick overlays
// (see shared/reference/kitsu-frontend.md, sections 2 and 4), filled from the real Zou API.
// Rules: API data is only ever rendered as text (the seed holds XSS payloads on purpose);
// authentication is Zou's HttpOnly cookie, so no token ever reaches this script's state.

const ENTITY_SECTIONS = ['assets', 'shots', 'sequences', 'edits', 'episodes'];
const FOR_ENTITY = { assets: 'Asset', shots: 'Shot', sequences: 'Sequence', edits: 'Edit', episodes: 'Episode' };
const SECTION_OF_ENTITY = { Asset: 'assets', Shot: 'shots', Sequence: 'sequences', Edit: 'edits', Episode: 'episodes' };
const SINGULAR = { assets: 'asset', shots: 'shot', sequences: 'sequence', edits: 'edit', episodes: 'episode' };
const DARK_THEME_KEY = 'front-door:dark-theme';
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

// ---------------------------------------------------------------- DOM helper (text only)

/** h('td.validation.selected', {title}, 'text', childNode): strings always become text nodes. */
function h(tagAndClasses, props = {}, ...children) {
  const [tag, ...classes] = tagAndClasses.split('.');
  const node = document.createElement(tag);
  if (classes.length) node.className = classes.join(' ');
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'style') Object.assign(node.style, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// ---------------------------------------------------------------- routes (Kitsu's router table, restated)

const EPISODE_ID = `(?:${UUID}|all|main)`;
const ROUTE_TABLE = [
  ['login', '/login'],
  ['home', '/'],
  ['open-productions', '/open-productions'],
  ['todos', '/my-tasks'],
  ['todos', '/todos'],
  ['checks', '/my-checks'],
  ['people', '/people'],
  ['person', '/people/:person_id'],
  ['episodes-task-type', '/productions/:production_id/episodes/task-types/:task_type_id/:tab(schedule|estimation)?'],
  ['episode-episode-task', `/productions/:production_id/episodes/:episode_id(${EPISODE_ID})/tasks/:task_id`],
  ['episode-task', `/productions/:production_id/episodes/:episode_id(${EPISODE_ID})/:type/tasks/:task_id`],
  [
    'episode-task-type',
    `/productions/:production_id/episodes/:episode_id(${EPISODE_ID})/:type/task-types/:task_type_id/:tab(schedule|estimation)?`,
  ],
  ['episode-list', `/productions/:production_id/episodes/:episode_id(${EPISODE_ID})/:section`],
  ['episode-entity', `/productions/:production_id/episodes/:episode_id(${EPISODE_ID})/:section/:entity_id`],
  ['episode', `/productions/:production_id/episodes/:entity_id(${EPISODE_ID})`],
  ['task', '/productions/:production_id/:type/tasks/:task_id'],
  ['task-type', '/productions/:production_id/:type/task-types/:task_type_id/:tab(schedule|estimation)?'],
  ['list', '/productions/:production_id/:section'],
  ['entity', '/productions/:production_id/:section/:entity_id'],
];

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// `:name` matches one segment, `:name(regex)` constrains it, a trailing `?` makes it optional.
const COMPILED_ROUTES = ROUTE_TABLE.map(([name, pattern]) => {
  const keys = [];
  let source = '';
  for (const part of pattern.split('/').slice(1)) {
    const param = /^:(\w+)(?:\((.+)\))?(\?)?$/.exec(part);
    if (!param) {
      source += `/${escapeRegex(part)}`;
      continue;
    }
    const [, key, constraint, optional] = param;
    keys.push(key);
    const value = constraint ?? (key === 'type' || key === 'section' ? ENTITY_SECTIONS.join('|') : '[^/]+');
    source += optional ? `(?:/(${value}))?` : `/(${value})`;
  }
  return { name, keys, regex: new RegExp(`^${source || '/'}/?$`) };
});

/** Pathname -> {name, params}; names follow Kitsu's route names where one page serves several paths. */
function matchRoute(pathname) {
  for (const route of COMPILED_ROUTES) {
    const match = route.regex.exec(pathname);
    if (!match) continue;
    const params = {};
    route.keys.forEach((key, i) => {
      if (match[i + 1] !== undefined) params[key] = decodeURIComponent(match[i + 1]);
    });
    if (route.name === 'episodes-task-type') params.type = 'episodes';
    if (route.name === 'episode-episode-task') params.type = 'episodes';
    return { name: route.name, params };
  }
  return { name: 'not-found', params: {} };
}

function productionPath(productionId, episodeId, rest) {
  return `/productions/${productionId}${episodeId ? `/episodes/${episodeId}` : ''}/${rest}`;
}

function entityPath(productionId, episodeId, section, entityId) {
  if (section === 'episodes') return `/productions/${productionId}/episodes/${entityId}`;
  return productionPath(productionId, episodeId, `${section}/${entityId}`);
}

// Episode entities have no episode-scoped task and task-type pages under /episodes/:id/episodes/.
function taskPath(productionId, episodeId, section, taskId) {
  return productionPath(productionId, section === 'episodes' ? null : episodeId, `${section}/tasks/${taskId}`);
}

function taskTypePath(productionId, episodeId, section, taskTypeId) {
  return productionPath(productionId, section === 'episodes' ? null : episodeId, `${section}/task-types/${taskTypeId}`);
}

// ---------------------------------------------------------------- API (same origin, cookie auth)

class UnauthenticatedError extends Error {}

async function api(path) {
  const response = await fetch(`/api${path}`, { headers: { Accept: 'application/json' } });
  if (response.status === 401 || response.status === 422) throw new UnauthenticatedError(`${path}: ${response.status}`);
  if (!response.ok) throw new Error(`GET /api${path} answered ${response.status}`);
  return response.json();
}

const memo = new Map();
/** Reference data fetched once per session (statuses, task types, people, productions). */
function cachedApi(path) {
  if (!memo.has(path))
    memo.set(
      path,
      api(path).catch((error) => {
        memo.delete(path);
        throw error;
      }),
    );
  return memo.get(path);
}

const byId = (items) => new Map(items.map((item) => [item.id, item]));
const loadStatuses = () => cachedApi('/data/task-status').then(byId);
const loadTaskTypes = () => cachedApi('/data/task-types').then(byId);
const loadPersons = () => cachedApi('/data/persons').then(byId);
const loadProductions = () => cachedApi('/data/projects/open');
const loadEpisodes = (productionId) => cachedApi(`/data/projects/${productionId}/episodes`);

async function loadProduction(productionId) {
  const open = (await loadProductions()).find((production) => production.id === productionId);
  return open ?? cachedApi(`/data/projects/${productionId}`);
}

let sessionPromise = null;
function loadSession() {
  sessionPromise ??= api('/auth/authenticated').catch((error) => {
    sessionPromise = null;
    throw error;
  });
  return sessionPromise;
}

// ---------------------------------------------------------------- navigation (pushState, like vue-router)

let renderCount = 0;

function navigate(url, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
}

document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[href]');
  if (!link || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.target || link.hasAttribute('download'))
    return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/__front-door/'))
    return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});
window.addEventListener('popstate', () => render());

function goToLogin() {
  const redirect = location.pathname + location.search;
  memo.clear();
  sessionPromise = null;
  navigate(`/login${redirect && redirect !== '/' ? `?redirect=${encodeURIComponent(redirect)}` : ''}`, {
    replace: true,
  });
}

// ---------------------------------------------------------------- theme and shell

function isDarkTheme() {
  return localStorage.getItem(DARK_THEME_KEY) === 'true';
}

function applyTheme() {
  const dark = isDarkTheme();
  // Kitsu puts `.dark` on its root `div.theme`; we mirror it on <body> for whole-page styles.
  document.querySelector('#app > .theme')?.classList.toggle('dark', dark);
  document.body.classList.toggle('dark', dark);
}

function toggleTheme() {
  localStorage.setItem(DARK_THEME_KEY, String(!isDarkTheme()));
  applyTheme();
}

const shell = { theme: null, topbar: null, page: null };

function ensureShell(withTopbar) {
  const app = document.getElementById('app');
  if (!shell.theme || !app.contains(shell.theme)) {
    shell.theme = h('div.theme');
    app.replaceChildren(shell.theme);
    shell.topbar = null;
  }
  if (withTopbar && !shell.topbar) {
    shell.topbar = buildTopbar();
    shell.theme.prepend(shell.topbar.root);
  } else if (!withTopbar && shell.topbar) {
    shell.topbar.root.remove();
    shell.topbar = null;
  }
  applyTheme();
}

function setPage(node) {
  shell.page?.remove();
  shell.page = node;
  shell.theme.append(node);
}

function initials(name) {
  return (
    String(name ?? '?')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => word[0].toUpperCase())
      .join('') || '?'
  );
}

function avatar(person) {
  const name = person?.full_name ?? `${person?.first_name ?? ''} ${person?.last_name ?? ''}`.trim();
  let hue = 0;
  for (const char of name) hue = (hue * 31 + char.charCodeAt(0)) % 360;
  return h('span.avatar', { title: name, style: { background: `hsl(${hue}, 45%, 55%)` } }, initials(name));
}

function buildTopbar() {
  const productionSelect = h('select.production-selector', { 'aria-label': 'Production' });
  const sectionSelect = h('select.section-selector', { 'aria-label': 'Section' });
  const episodeSelect = h('select.episode-selector', { 'aria-label': 'Episode' });
  const productionList = h('div.topbar-production-list', {}, productionSelect);
  const sectionList = h('div.topbar-section-list', {}, sectionSelect);
  const episodeList = h('div.topbar-episode-list', {}, episodeSelect);
  const pageTitle = h('div.page-title');
  const userName = h('span.user-name');
  const version = h('li.version', {}, 'Kitsu (front door test double)');
  const userMenu = h(
    'nav.user-menu',
    { hidden: true },
    h(
      'ul',
      {},
      h('li', {}, h('a', { href: '/profile' }, 'Profile')),
      h('li.dark-theme', {}, h('button.dark-mode-toggle-menu', { type: 'button', onclick: toggleTheme }, 'Dark theme')),
      version,
      h('li.logout', {}, h('button', { type: 'button', onclick: logOut }, 'Log out')),
    ),
  );
  const avatarButton = h(
    'button.avatar-button',
    {
      type: 'button',
      onclick: () => {
        userMenu.hidden = !userMenu.hidden;
      },
    },
    userName,
  );
  const root = h(
    'div.topbar',
    {},
    h(
      'nav.nav',
      {},
      h(
        'div.nav-left',
        {},
        h('a.studio-logo-wrapper', { href: '/' }, h('span.studio-logo', {}, 'K'), h('span.studio-name', {}, 'Kitsu')),
        h('div.topbar-menu', {}, productionList, sectionList, episodeList),
        pageTitle,
      ),
      h(
        'div.nav-right',
        {},
        h('a.nav-item.my-checks', { href: '/my-checks' }, 'My Checks'),
        h('a.nav-item.my-tasks', { href: '/my-tasks' }, 'My Tasks'),
        h('a.nav-item.people', { href: '/people' }, 'People'),
        h('button.dark-mode-toggle', { type: 'button', title: 'Toggle dark theme', onclick: toggleTheme }, '◐'),
        avatarButton,
      ),
    ),
    userMenu,
  );
  // Changing a selector navigates inside the SPA (pushState), as Kitsu's topbar comboboxes do.
  productionSelect.addEventListener('change', () => onProductionChange(productionSelect.value));
  sectionSelect.addEventListener('change', () => onSectionChange(sectionSelect.value));
  episodeSelect.addEventListener('change', () => onEpisodeChange(episodeSelect.value));
  api('/')
    .then((info) => {
      version.textContent = `Kitsu (front door test double) · Zou ${info.version}`;
    })
    .catch(() => {});
  return {
    root,
    productionSelect,
    sectionSelect,
    episodeSelect,
    productionList,
    sectionList,
    episodeList,
    pageTitle,
    userName,
  };
}

function fillSelect(select, options, value) {
  select.replaceChildren(...options.map(([optionValue, label]) => h('option', { value: optionValue }, label)));
  select.value = value ?? '';
}

let topbarContext = { productionId: null, episodeId: null, section: null, type: null, taskTypeId: null };

async function updateTopbar(route, session, title) {
  const bar = shell.topbar;
  const { production_id: productionId, episode_id: episodeId } = route.params;
  const section = route.params.section ?? route.params.type ?? (route.name === 'episode' ? 'episodes' : null);
  topbarContext = {
    productionId,
    episodeId,
    section,
    type: route.params.type,
    taskTypeId: route.params.task_type_id,
    tab: route.params.tab,
  };
  bar.userName.replaceChildren(avatar(session.user), h('span', {}, session.user.full_name));
  bar.pageTitle.textContent = title;
  document.title = title ? `${title} - Kitsu` : 'Kitsu';
  const productions = await loadProductions();
  fillSelect(
    bar.productionSelect,
    [['', 'Select a production'], ...productions.map((p) => [p.id, p.name])],
    productionId,
  );
  bar.sectionList.hidden = !productionId;
  bar.episodeList.hidden = true;
  if (!productionId) return;
  const production = await loadProduction(productionId);
  const isTvShow = production.production_type === 'tvshow';
  const sections = ['assets', 'shots', 'sequences', 'edits', ...(isTvShow ? ['episodes'] : [])];
  fillSelect(
    bar.sectionSelect,
    sections.map((name) => [name, name[0].toUpperCase() + name.slice(1)]),
    section,
  );
  if (isTvShow) {
    const episodes = await loadEpisodes(productionId);
    bar.episodeList.hidden = false;
    fillSelect(
      bar.episodeSelect,
      [['all', 'All'], ['main', 'Main pack'], ...episodes.map((e) => [e.id, e.name])],
      episodeId ?? '',
    );
  }
}

async function defaultEpisodeFor(production) {
  if (production.production_type !== 'tvshow') return null;
  const episodes = await loadEpisodes(production.id);
  return episodes[0]?.id ?? 'all';
}

async function onProductionChange(productionId) {
  if (!productionId) return navigate('/open-productions');
  navigate(await productionHomePath(productionId, topbarContext.section));
}

async function productionHomePath(productionId, preferredSection) {
  const production = await loadProduction(productionId);
  const episodeId = await defaultEpisodeFor(production);
  const section =
    preferredSection && preferredSection !== 'episodes'
      ? preferredSection
      : production.homepage === 'shots'
        ? 'shots'
        : 'assets';
  return productionPath(productionId, episodeId, section);
}

async function onSectionChange(section) {
  const { productionId } = topbarContext;
  if (section === 'episodes') return navigate(`/productions/${productionId}/episodes`);
  const episodeId = topbarContext.episodeId ?? (await defaultEpisodeFor(await loadProduction(productionId)));
  navigate(productionPath(productionId, episodeId, section));
}

function onEpisodeChange(episodeId) {
  const { productionId, section, type, taskTypeId, tab } = topbarContext;
  const search = new URLSearchParams(location.search).get('search');
  const query = search ? `?search=${encodeURIComponent(search)}` : '';
  if (taskTypeId && type)
    return navigate(
      productionPath(productionId, episodeId, `${type}/task-types/${taskTypeId}${tab ? `/${tab}` : ''}`) + query,
    );
  const listSection = section && section !== 'episodes' ? section : 'shots';
  navigate(productionPath(productionId, episodeId, listSection) + query);
}

async function logOut() {
  await fetch('/api/auth/logout').catch(() => {});
  goToLogin();
}

// ---------------------------------------------------------------- shared cells

/** Kitsu's status tag: short name, status colour; dark text on light colours (e.g. "todo"). */
function statusTag(status) {
  if (!status) return h('span.tag', {}, '?');
  const color = status.color || '#999999';
  const rgb = /^#([0-9a-f]{6})$/i.exec(color) ? parseInt(color.slice(1), 16) : 0x999999;
  const luminance = (0.299 * (rgb >> 16) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255)) / 255;
  return h(
    'span.tag',
    { title: status.name, style: { background: color, color: luminance > 0.7 ? '#333' : '#fff' } },
    status.short_name,
  );
}

function assigneeAvatars(assigneeIds, persons) {
  return (assigneeIds ?? [])
    .map((id) => (typeof id === 'object' ? id : persons.get(id)))
    .filter(Boolean)
    .map(avatar);
}

function formatDate(value) {
  return value ? String(value).slice(0, 10) : '';
}

function formatDays(minutes) {
  return minutes ? `${Math.round((minutes / 60 / 8) * 100) / 100}` : '';
}

function searchTerm() {
  return (new URLSearchParams(location.search).get('search') ?? '').trim().toLowerCase();
}

/** A search box bound to `?search=` (replaceState while typing, like Kitsu's list filters). */
function searchBox(onChange) {
  const input = h('input.search-input', {
    type: 'search',
    placeholder: 'Search...',
    'aria-label': 'Search',
    value: new URLSearchParams(location.search).get('search') ?? '',
  });
  input.addEventListener('input', () => {
    const url = new URL(location.href);
    if (input.value) url.searchParams.set('search', input.value);
    else url.searchParams.delete('search');
    history.replaceState(null, '', url.pathname + url.search);
    onChange();
  });
  return h('div.search-field-wrapper', {}, input);
}

function comment(commentData, statuses) {
  const status = commentData.task_status ?? statuses.get(commentData.task_status_id);
  return h(
    'article.comment',
    {},
    h(
      'div.comment-header',
      {},
      avatar(commentData.person),
      h('span.person-name', {}, commentData.person?.full_name ?? ''),
      statusTag(status),
      h('span.comment-date', {}, String(commentData.created_at ?? '').replace('T', ' ')),
    ),
    h('div.comment-text', {}, commentData.text ?? ''),
  );
}

async function commentsBlock(taskId, statuses) {
  const comments = await api(`/data/tasks/${taskId}/comments`);
  if (!comments.length) return h('div.comments', {}, h('p.no-comment', {}, 'No comment yet.'));
  return h(
    'div.comments',
    {},
    comments.map((c) => comment(c, statuses)),
  );
}

// ---------------------------------------------------------------- side panel (TaskInfo)

function sideColumn() {
  return h('div.column.side-column', { id: 'side-column', style: { display: 'none' } });
}

async function openTaskPanel(column, task, context) {
  const { statuses, taskTypes } = context;
  const taskType = taskTypes.get(task.task_type_id);
  column.style.display = '';
  const close = h(
    'button.close-button',
    { type: 'button', title: 'Close', onclick: () => closeTaskPanel(column) },
    '×',
  );
  const side = h(
    'div.side.task-info',
    {},
    h(
      'div.task-info-header',
      {},
      h(
        'div.header-title',
        {},
        h('span.task-type-name', { style: { borderColor: taskType?.color } }, taskType?.name ?? ''),
        h('a.entity-link', { href: context.entityHref }, context.entityName),
        statusTag(statuses.get(task.task_status_id)),
      ),
      h('a.task-page-link', { href: context.taskHref }, 'Open task page'),
      close,
    ),
    h('div.task-columns', {}, h('div.task-column.comments-column', {}, h('p.loading', {}, 'Loading comments...'))),
  );
  column.replaceChildren(h('div.side-wrapper', {}, side));
  const commentsColumn = side.querySelector('.comments-column');
  try {
    const block = await commentsBlock(task.id, statuses);
    commentsColumn.replaceChildren(block);
  } catch (error) {
    commentsColumn.replaceChildren(h('p.error', {}, error.message));
  }
}

function closeTaskPanel(column) {
  column.style.display = 'none';
  column.replaceChildren();
  for (const cell of column.closest('.columns')?.querySelectorAll('td.validation.selected') ?? []) {
    cell.classList.remove('selected');
  }
}

/** A status cell (Kitsu's ValidationCell): click selects it and opens the side panel. */
function validationCell(task, context, panelContext, extraClass = '') {
  if (!task) return h(`td.validation.validation-cell${extraClass}`);
  const cell = h(
    `td.validation.validation-cell${extraClass}`,
    {},
    statusTag(context.statuses.get(task.task_status_id)),
    task.priority > 0
      ? h(
          `span.priority.${['', 'high', 'veryhigh', 'emergency'][Math.min(task.priority, 3)]}`,
          {},
          '!'.repeat(task.priority),
        )
      : null,
    // Task lists (`.status` cells) have their own td.assignees column; grids show avatars in the cell.
    extraClass === '.status' ? null : assigneeAvatars(task.assignees, context.persons),
  );
  cell.addEventListener('click', () => {
    const table = cell.closest('table');
    for (const other of table.querySelectorAll('td.validation.selected')) other.classList.remove('selected');
    cell.classList.add('selected');
    openTaskPanel(context.sideColumn, task, { ...context, ...panelContext });
  });
  return cell;
}

// ---------------------------------------------------------------- pages

function page(name, ...children) {
  return h(`div.page.${name}`, {}, children);
}

function loginPage() {
  const error = h('p.error', { hidden: true });
  const email = h('input.input', {
    type: 'email',
    name: 'email',
    autocomplete: 'username',
    required: true,
    placeholder: 'Email',
  });
  const password = h('input.input', {
    type: 'password',
    name: 'password',
    autocomplete: 'current-password',
    required: true,
    placeholder: 'Password',
  });
  const form = h(
    'form.login-form',
    {},
    h('div.field', {}, h('label', {}, 'Email', email)),
    h('div.field', {}, h('label', {}, 'Password', password)),
    h('button.button.main-button', { type: 'submit' }, 'Log in'),
    error,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    // Zou answers with the HttpOnly access_token_cookie; the JSON body (tokens) is deliberately not read.
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email: email.value, password: password.value }),
    }).catch(() => null);
    await response?.body?.cancel();
    if (!response?.ok) {
      error.textContent = response ? 'Wrong email or password.' : 'The server cannot be reached.';
      error.hidden = false;
      return;
    }
    memo.clear();
    sessionPromise = null;
    const redirect = new URLSearchParams(location.search).get('redirect');
    navigate(redirect?.startsWith('/') && !redirect.startsWith('//') ? redirect : '/', { replace: true });
  });
  return page('login', h('div.login-box', {}, h('h1.title', {}, 'Kitsu'), form));
}

async function openProductionsPage() {
  const productions = await loadProductions();
  const cards = await Promise.all(
    productions.map(async (production) =>
      h(
        'a.open-production',
        { href: await productionHomePath(production.id) },
        h('div.production-avatar', {}, initials(production.name)),
        h('div.production-name', {}, production.name),
      ),
    ),
  );
  return page(
    'open-productions',
    h('h1.title', {}, 'My Productions'),
    cards.length ? h('div.open-productions-list', {}, cards) : h('p.empty', {}, 'No open production.'),
  );
}

/** Loads `/data/<section>/with-tasks` for a production, scoped to an episode like Kitsu does. */
async function loadEntitiesWithTasks(section, productionId, episodeId) {
  const query = new URLSearchParams({ project_id: productionId });
  const scoped = episodeId && episodeId !== 'all' && episodeId !== 'main' && section !== 'episodes';
  if (scoped) query.set('episode_id', episodeId);
  let entities = await api(`/data/${section}/with-tasks?${query}`);
  // "main" = the main pack: assets not tied to an episode.
  if (episodeId === 'main') entities = entities.filter((entity) => !entity.episode_id || entity.episode_id === 'None');
  return entities;
}

function groupLabel(section, entity) {
  if (section === 'shots') return [entity.episode_name, entity.sequence_name].filter(Boolean).join(' / ');
  if (section === 'assets') return entity.asset_type_name ?? '';
  return '';
}

async function referenceData() {
  const [statuses, taskTypes, persons] = await Promise.all([loadStatuses(), loadTaskTypes(), loadPersons()]);
  return { statuses, taskTypes, persons };
}

function columnsFor(section, production, entities, taskTypes) {
  const used = new Set(entities.flatMap((entity) => (entity.tasks ?? []).map((task) => task.task_type_id)));
  const inProduction = new Set(production.task_types ?? []);
  return [...taskTypes.values()]
    .filter(
      (tt) => tt.for_entity === FOR_ENTITY[section] && !tt.archived && (inProduction.has(tt.id) || used.has(tt.id)),
    )
    .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0) || a.name.localeCompare(b.name));
}

async function entityListPage(route) {
  const { production_id: productionId, episode_id: episodeId, section } = route.params;
  const [production, reference, entities] = await Promise.all([
    loadProduction(productionId),
    referenceData(),
    loadEntitiesWithTasks(section, productionId, episodeId),
  ]);
  const taskTypeColumns = columnsFor(section, production, entities, reference.taskTypes);
  const side = sideColumn();
  const context = { ...reference, sideColumn: side };
  const sorted = [...entities].sort(
    (a, b) => groupLabel(section, a).localeCompare(groupLabel(section, b)) || a.name.localeCompare(b.name),
  );
  const singular = SINGULAR[section];
  const tbody = h('tbody.datatable-body');
  const footer = h(`p.nb-${section}`);

  const fillBody = () => {
    const term = searchTerm();
    const shown = sorted.filter(
      (entity) => !term || `${groupLabel(section, entity)} ${entity.name}`.toLowerCase().includes(term),
    );
    const rows = [];
    let currentGroup = null;
    shown.forEach((entity, index) => {
      const group = groupLabel(section, entity);
      if (group && group !== currentGroup) {
        currentGroup = group;
        rows.push(h('tr.datatable-type-header', {}, h('th', { colspan: taskTypeColumns.length + 2 }, group)));
      }
      const href = entityPath(productionId, section === 'episodes' ? null : episodeId, section, entity.id);
      const nameLink =
        section === 'assets'
          ? h('a.asset-link.asset-name', { href, title: entity.name }, entity.name)
          : h('a', { href, title: entity.name }, entity.name);
      const tasksByType = new Map((entity.tasks ?? []).map((task) => [task.task_type_id, task]));
      const fullName = group ? `${group} / ${entity.name}` : entity.name;
      rows.push(
        h(
          `tr.datatable-row.stripe-${index % 2 ? 'odd' : 'even'}${entity.canceled ? '.canceled' : ''}`,
          {},
          h(`th.datatable-row-header.${singular}-name.name`, {}, nameLink),
          h('td.description', {}, entity.description ?? ''),
          taskTypeColumns.map((tt) => {
            const task = tasksByType.get(tt.id);
            return validationCell(task, context, {
              entityName: fullName,
              entityHref: href,
              taskHref: task && taskPath(productionId, episodeId, section, task.id),
            });
          }),
        ),
      );
    });
    tbody.replaceChildren(...rows);
    footer.textContent = `${shown.length} ${shown.length === 1 ? singular : section}`;
  };
  fillBody();

  const head = h(
    'thead.datatable-head',
    { id: `datatable-${singular}` },
    h(
      'tr',
      {},
      h(`th.datatable-row-header.name`, {}, 'Name'),
      h('th.description', {}, 'Description'),
      taskTypeColumns.map((tt) =>
        h(
          'th.validation-cell.validation-header',
          { style: { borderTopColor: tt.color } },
          h('a', { href: taskTypePath(productionId, episodeId, section, tt.id), title: tt.name }, tt.name),
        ),
      ),
    ),
  );
  return page(
    section,
    h(
      'div.columns.fixed-page',
      {},
      h(
        'div.column.main-column',
        {},
        h('div.page-header.list-header', {}, searchBox(fillBody)),
        h('div.data-list', {}, h('div.datatable-wrapper', {}, h('table.datatable.multi-section', {}, head, tbody))),
        footer,
      ),
      side,
    ),
  );
}

async function entityPage(route) {
  const {
    production_id: productionId,
    episode_id: episodeId,
    section = 'episodes',
    entity_id: entityId,
  } = route.params;
  const [entity, tasks, reference] = await Promise.all([
    api(`/data/entities/${entityId}`),
    api(`/data/tasks?entity_id=${encodeURIComponent(entityId)}`),
    referenceData(),
  ]);
  const rows = tasks
    .map((task) => ({ task, taskType: reference.taskTypes.get(task.task_type_id) }))
    .sort((a, b) => (a.taskType?.priority ?? 0) - (b.taskType?.priority ?? 0))
    .map(({ task, taskType }, index) =>
      h(
        `tr.datatable-row.stripe-${index % 2 ? 'odd' : 'even'}`,
        {},
        h(
          'td.type',
          {},
          h('a', { href: taskTypePath(productionId, episodeId, section, task.task_type_id) }, taskType?.name ?? ''),
        ),
        h('td.validation.status', {}, statusTag(reference.statuses.get(task.task_status_id))),
        h('td.assignees', {}, assigneeAvatars(task.assignees, reference.persons)),
        h('td.due-date', {}, formatDate(task.due_date)),
        h('td.task-link', {}, h('a', { href: taskPath(productionId, episodeId, section, task.id) }, 'Open task')),
      ),
    );
  return page(
    `entity-page.${SINGULAR[section]}`,
    h(
      'div.page-header',
      {},
      h(
        'a.back-link',
        {
          href:
            section === 'episodes'
              ? `/productions/${productionId}/episodes`
              : productionPath(productionId, episodeId, section),
        },
        '← Back to the list',
      ),
      h('h1.title', {}, h('span.entity-name', {}, entity.name)),
    ),
    h('p.entity-description.description', {}, entity.description ?? ''),
    h(
      'div.data-list',
      {},
      h(
        'div.datatable-wrapper',
        {},
        h(
          'table.datatable.entity-tasks',
          {},
          h(
            'thead.datatable-head',
            {},
            h(
              'tr',
              {},
              ['Task type', 'Status', 'Assignees', 'Due date', ''].map((label) => h('th', {}, label)),
            ),
          ),
          h('tbody.datatable-body', {}, rows),
        ),
      ),
    ),
  );
}

async function taskTypePage(route) {
  const { production_id: productionId, episode_id: episodeId, type, task_type_id: taskTypeId, tab } = route.params;
  const [reference, entities] = await Promise.all([
    referenceData(),
    loadEntitiesWithTasks(type, productionId, episodeId),
  ]);
  const taskType = reference.taskTypes.get(taskTypeId);
  const side = sideColumn();
  const context = { ...reference, sideColumn: side };
  const lines = entities
    .flatMap((entity) =>
      (entity.tasks ?? []).filter((task) => task.task_type_id === taskTypeId).map((task) => ({ entity, task })),
    )
    .sort(
      (a, b) =>
        groupLabel(type, a.entity).localeCompare(groupLabel(type, b.entity)) ||
        a.entity.name.localeCompare(b.entity.name),
    );
  const basePath = taskTypePath(productionId, episodeId, type, taskTypeId);
  const tabs = h(
    'div.tabs.task-type-tabs',
    {},
    h(
      'ul',
      {},
      [
        ['', 'Tasks'],
        ['schedule', 'Schedule'],
        ['estimation', 'Estimation'],
      ].map(([name, label]) =>
        h(
          `li${(tab ?? '') === name ? '.is-active' : ''}`,
          {},
          h('a', { href: name ? `${basePath}/${name}` : basePath }, label),
        ),
      ),
    ),
  );
  const groupClass = type === 'assets' ? 'asset-type' : 'sequence';
  const columns = {
    '': [
      ['Name', 'name'],
      ['Status', 'status'],
      ['Assignees', 'assignees'],
      ['Difficulty', 'difficulty'],
      ['Estimation', 'estimation'],
      ['Duration', 'duration'],
      ['Retakes', 'retake-count'],
      ['Start date', 'start-date'],
      ['Due date', 'due-date'],
      ['Real start', 'real-start-date'],
      ['Done date', 'done-date'],
      ['Last comment', 'last-comment-date'],
    ],
    schedule: [
      ['Name', 'name'],
      ['Status', 'status'],
      ['Assignees', 'assignees'],
      ['Start date', 'start-date'],
      ['Due date', 'due-date'],
      ['Real start', 'real-start-date'],
      ['End date', 'end-date'],
    ],
    estimation: [
      ['Name', 'name'],
      ['Status', 'status'],
      ['Assignees', 'assignees'],
      ['Frames', 'frames'],
      ['Estimation', 'estimation'],
      ['Duration', 'duration'],
    ],
  }[tab ?? ''];
  const cellValue = {
    name: ({ entity }) => entity.name,
    difficulty: ({ task }) => task.difficulty ?? '',
    estimation: ({ task }) => formatDays(task.estimation),
    duration: ({ task }) => formatDays(task.duration),
    'retake-count': ({ task }) => task.retake_count ?? 0,
    'start-date': ({ task }) => formatDate(task.start_date),
    'due-date': ({ task }) => formatDate(task.due_date),
    'real-start-date': ({ task }) => formatDate(task.real_start_date),
    'end-date': ({ task }) => formatDate(task.end_date),
    'done-date': ({ task }) => formatDate(task.done_date),
    'last-comment-date': ({ task }) => formatDate(task.last_comment_date),
    frames: ({ entity }) => entity.nb_frames ?? '',
  };
  const tbody = h('tbody.datatable-body');
  const footer = h('p.footer-info');
  const fillBody = () => {
    const term = searchTerm();
    const shown = lines.filter(
      ({ entity }) => !term || `${groupLabel(type, entity)} ${entity.name}`.toLowerCase().includes(term),
    );
    tbody.replaceChildren(
      ...shown.map((line, index) => {
        const section = type;
        const entityHref = entityPath(productionId, episodeId, section, line.entity.id);
        const fullName = [groupLabel(type, line.entity), line.entity.name].filter(Boolean).join(' / ');
        return h(
          `tr.task-line.datatable-row.stripe-${index % 2 ? 'odd' : 'even'}`,
          {},
          h(`td.${groupClass}`, {}, groupLabel(type, line.entity)),
          columns.map(([, key]) => {
            if (key === 'status')
              return validationCell(
                line.task,
                context,
                {
                  entityName: fullName,
                  entityHref,
                  taskHref: taskPath(productionId, episodeId, section, line.task.id),
                },
                '.status',
              );
            if (key === 'assignees')
              return h('td.assignees', {}, assigneeAvatars(line.task.assignees, reference.persons));
            return h(`td.${key}`, {}, cellValue[key](line));
          }),
        );
      }),
    );
    footer.textContent = `${shown.length} ${shown.length === 1 ? 'task' : 'tasks'}`;
  };
  fillBody();
  const table = h(
    'table.datatable',
    {},
    h(
      'thead.datatable-head',
      {},
      h(
        'tr',
        {},
        h(`th.${groupClass}`, {}, type === 'assets' ? 'Type' : 'Sequence'),
        columns.map(([label, key]) => h(`th.${key}`, {}, label)),
      ),
    ),
    tbody,
  );
  return page(
    `task-type${tab ? `.task-type-${tab}` : ''}`,
    h(
      'div.page-header.task-type-header',
      {},
      h(
        'h1.title',
        {},
        h('span.task-type-name', { style: { borderColor: taskType?.color } }, taskType?.name ?? 'Unknown task type'),
      ),
      tabs,
      searchBox(fillBody),
    ),
    h(
      'div.columns.fixed-page',
      {},
      h('div.column.main-column', {}, h('div.data-list.task-list', {}, h('div.datatable-wrapper', {}, table)), footer),
      side,
    ),
  );
}

async function taskPage(route) {
  const { production_id: productionId, episode_id: episodeId, type, task_id: taskId } = route.params;
  const [task, reference] = await Promise.all([api(`/data/tasks/${taskId}/full`), referenceData()]);
  const entityName = [task.episode?.name, task.sequence?.name, task.entity?.name].filter(Boolean).join(' / ');
  const infoRows = [
    ['Estimation (days)', formatDays(task.estimation)],
    ['Duration (days)', formatDays(task.duration)],
    ['Retakes', task.retake_count ?? 0],
    ['Start date', formatDate(task.start_date)],
    ['Due date', formatDate(task.due_date)],
    ['Real start date', formatDate(task.real_start_date)],
    ['End date', formatDate(task.end_date)],
    ['Done date', formatDate(task.done_date)],
  ];
  const comments = await commentsBlock(taskId, reference.statuses);
  return page(
    'task-page',
    h(
      'div.page-header',
      {},
      h(
        'div.header-title',
        {},
        h('a.entity-name', { href: entityPath(productionId, episodeId, type, task.entity_id) }, entityName),
        h('span.task-type-name', { style: { borderColor: task.task_type?.color } }, task.task_type?.name ?? ''),
        statusTag(task.task_status ?? reference.statuses.get(task.task_status_id)),
        h('span.assignees', {}, assigneeAvatars(task.persons ?? task.assignees, reference.persons)),
      ),
    ),
    h(
      'div.task-columns',
      {},
      h(
        'div.task-column.preview-column',
        {},
        h('div.no-preview', {}, 'No preview yet.'),
        h(
          'table.task-info-table',
          {},
          h(
            'tbody',
            {},
            infoRows.map(([label, value]) => h('tr', {}, h('th', {}, label), h('td', {}, value))),
          ),
        ),
      ),
      h('div.task-column.comments-column', {}, comments),
    ),
  );
}

/** Task rows for My Tasks, My Checks and a person's page (items from Zou's person task lists). */
async function personTasksPage(name, title, tasks, { withAssignees = false, tabs = null } = {}) {
  const reference = await referenceData();
  const side = sideColumn();
  const context = { ...reference, sideColumn: side };
  const tbody = h('tbody.datatable-body');
  const footer = h('p.footer-info');
  const fillBody = () => {
    const term = searchTerm();
    const shown = tasks.filter(
      (t) =>
        !term ||
        `${t.project_name} ${t.task_type_name} ${t.sequence_name ?? ''} ${t.entity_name}`.toLowerCase().includes(term),
    );
    tbody.replaceChildren(
      ...shown.map((t, index) => {
        const section = SECTION_OF_ENTITY[t.task_type_for_entity] ?? 'shots';
        const episodeId = t.episode_id && section !== 'episodes' && section !== 'assets' ? t.episode_id : null;
        const entityHref = entityPath(t.project_id, episodeId, section, t.entity_id);
        const entityName = [t.sequence_name, t.entity_name].filter(Boolean).join(' / ');
        return h(
          `tr.datatable-row.datatable-row--selectable.stripe-${index % 2 ? 'odd' : 'even'}`,
          {},
          h('td.production', { title: t.project_name }, t.project_name),
          h('td.type', {}, h('span.task-type-name', { style: { borderColor: t.task_type_color } }, t.task_type_name)),
          h('td.name', {}, h('a.entity-name', { href: entityHref }, entityName)),
          h('td.episode', {}, t.episode_name ?? ''),
          h('td.description', {}, t.entity_description ?? ''),
          withAssignees ? h('td.assignees', {}, assigneeAvatars(t.assignees, reference.persons)) : null,
          h('td.estimation', {}, formatDays(t.task_estimation ?? t.estimation)),
          h('td.duration', {}, formatDays(t.task_duration ?? t.duration)),
          h('td.start-date', {}, formatDate(t.task_start_date ?? t.start_date)),
          h('td.due-date', {}, formatDate(t.task_due_date ?? t.due_date)),
          validationCell(
            t,
            context,
            { entityName, entityHref, taskHref: taskPath(t.project_id, episodeId, section, t.id) },
            '.status',
          ),
          h('td.last-comment', {}, t.last_comment?.text ?? ''),
        );
      }),
    );
    footer.textContent = `${shown.length} ${shown.length === 1 ? 'task' : 'tasks'}`;
  };
  fillBody();
  const headers = [
    'Production',
    'Task type',
    'Name',
    'Episode',
    'Description',
    ...(withAssignees ? ['Assignees'] : []),
    'Estimation',
    'Duration',
    'Start date',
    'Due date',
    'Status',
    'Last comment',
  ];
  return page(
    name,
    h('div.page-header', {}, h('h1.title', {}, title), tabs, searchBox(fillBody)),
    h(
      'div.columns.fixed-page',
      {},
      h(
        'div.column.main-column',
        {},
        h(
          'div.data-list.task-list',
          {},
          h(
            'div.datatable-wrapper',
            {},
            h(
              'table.datatable',
              {},
              h(
                'thead.datatable-head',
                {},
                h(
                  'tr',
                  {},
                  headers.map((label) => h('th', {}, label)),
                ),
              ),
              tbody,
            ),
          ),
        ),
        footer,
      ),
      side,
    ),
  );
}

async function todosPage() {
  const section = new URLSearchParams(location.search).get('section') ?? 'todos';
  const tabs = h(
    'div.tabs.task-tabs',
    {},
    h(
      'ul',
      {},
      [
        ['todos', 'To do'],
        ['done', 'Done'],
        ['timesheets', 'Timesheets'],
      ].map(([name, label]) =>
        h(`li${section === name ? '.is-active' : ''}`, {}, h('a', { href: `/my-tasks?section=${name}` }, label)),
      ),
    ),
  );
  if (section === 'timesheets') {
    return page(
      'todos',
      h('div.page-header', {}, h('h1.title', {}, 'My Tasks'), tabs),
      h('div.timesheets', {}, h('p.empty', {}, 'Timesheets are not part of this test double.')),
    );
  }
  const tasks = await api(section === 'done' ? '/data/user/done-tasks' : '/data/user/tasks');
  return personTasksPage('todos', 'My Tasks', tasks, { tabs });
}

async function checksPage() {
  return personTasksPage('my-checks', 'My Checks', await api('/data/user/tasks-to-check'), { withAssignees: true });
}

async function peoplePage() {
  const persons = [...(await loadPersons()).values()].sort((a, b) =>
    (a.full_name ?? '').localeCompare(b.full_name ?? ''),
  );
  return page(
    'people',
    h('h1.title', {}, 'People'),
    h(
      'div.data-list',
      {},
      h(
        'div.datatable-wrapper',
        {},
        h(
          'table.datatable',
          {},
          h(
            'thead.datatable-head',
            {},
            h(
              'tr',
              {},
              ['Name', 'Email', 'Role'].map((label) => h('th', {}, label)),
            ),
          ),
          h(
            'tbody.datatable-body',
            {},
            persons.map((person, index) =>
              h(
                `tr.datatable-row.stripe-${index % 2 ? 'odd' : 'even'}`,
                {},
                h('td.name', {}, avatar(person), h('a', { href: `/people/${person.id}` }, person.full_name ?? '')),
                h('td.email', {}, person.email ?? ''),
                h('td.role', {}, person.role ?? ''),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

async function personPage(route) {
  const personId = route.params.person_id;
  const [person, tasks] = await Promise.all([api(`/data/persons/${personId}`), api(`/data/persons/${personId}/tasks`)]);
  return personTasksPage('person', person.full_name ?? 'Person', tasks, {
    tabs: h('div.person-header', {}, avatar(person), h('span.role', {}, person.role ?? '')),
  });
}

function notFoundPage() {
  return page('not-found', h('h1.title', {}, 'Page not found'), h('p', {}, h('a', { href: '/' }, 'Back to home')));
}

// ---------------------------------------------------------------- render loop

const PAGE_TITLES = {
  'open-productions': () => 'My Productions',
  todos: () => 'My Tasks',
  checks: () => 'My Checks',
  people: () => 'People',
  person: () => 'Person',
};

async function pageFor(route, session) {
  switch (route.name) {
    case 'home': {
      const isArtist = session.user.role === 'user';
      navigate(isArtist ? '/my-tasks' : '/open-productions', { replace: true });
      return null;
    }
    case 'open-productions':
      return openProductionsPage();
    case 'todos':
      return todosPage();
    case 'checks':
      return checksPage();
    case 'people':
      return peoplePage();
    case 'person':
      return personPage(route);
    case 'list':
    case 'episode-list':
      return entityListPage(route);
    case 'entity':
    case 'episode-entity':
      return entityPage(route);
    case 'episode':
      if (!new RegExp(`^${UUID}$`).test(route.params.entity_id)) {
        navigate(productionPath(route.params.production_id, route.params.entity_id, 'shots'), { replace: true });
        return null;
      }
      return entityPage(route);
    case 'task-type':
    case 'episode-task-type':
    case 'episodes-task-type':
      return taskTypePage(route);
    case 'task':
    case 'episode-task':
    case 'episode-episode-task':
      return taskPage(route);
    default:
      return notFoundPage();
  }
}

async function render() {
  const renderId = ++renderCount;
  const isCurrent = () => renderId === renderCount;
  const app = document.getElementById('app');
  delete app.dataset.frontDoorRoute; // set again once the page is filled (handy for tests)
  const route = matchRoute(location.pathname);
  if (route.name === 'login') {
    ensureShell(false);
    setPage(loginPage());
    app.dataset.frontDoorRoute = 'login';
    return;
  }
  try {
    const session = await loadSession();
    if (!isCurrent()) return;
    ensureShell(true);
    const title =
      PAGE_TITLES[route.name]?.() ??
      (route.params.section ?? route.params.type ?? '').replace(/^./, (c) => c.toUpperCase());
    setPage(page('loading', h('p.loading', {}, 'Loading...')));
    const [content] = await Promise.all([pageFor(route, session), updateTopbar(route, session, title)]);
    if (!isCurrent() || !content) return;
    setPage(content);
    app.dataset.frontDoorRoute = route.name;
  } catch (error) {
    if (!isCurrent()) return;
    if (error instanceof UnauthenticatedError) {
      goToLogin();
      return;
    }
    ensureShell(Boolean(shell.topbar));
    setPage(page('error-page', h('p.error', {}, error.message)));
    app.dataset.frontDoorRoute = 'error';
  }
}

render();
