// Kitsu-shaped test double of the Kitsu web app, served by scripts/front-door/server.mjs: Kitsu's routes
// (history mode) and page kinds, the DOM anchors Kitsu Sidekick overlays, filled from the real Zou API,
// and the behaviours of the real app that change what an overlay sees (each module names the Kitsu
// source file it mirrors). This file is the render loop: route -> page kind -> page.
import { loadSession, UnauthenticatedError } from './api.js';
import { appPathname } from './base.js';
import { h, page } from './dom.js';
import { entityPage, taskPage } from './pages/entity.js';
import { entityListPage } from './pages/entity-lists.js';
import { loginPage, notFoundPage, outsidePage } from './pages/login.js';
import { checksPage, peoplePage, personPage, todosPage } from './pages/my-tasks.js';
import * as production from './pages/production.js';
import * as studio from './pages/studio.js';
import { taskTypePage } from './pages/task-type.js';
import { markRendered, navigate, setPageRenderer } from './router.js';
import { isUuid, matchRoute, productionPath } from './routes.js';
import { currentTopbar, ensureShell, setPage } from './shell.js';
import { buildTopbar, updateTopbar } from './topbar.js';

const RENDERERS = {
  'open-productions': studio.openProductionsPage,
  todos: todosPage,
  checks: checksPage,
  'all-tasks': studio.allTasksPage,
  person: personPage,
  'studio-schedule': studio.studioSchedulePage,
  timesheets: studio.timesheetsPage,
  studio: studio.studioPage,
  plugin: production.pluginPage,
  'entity-list': entityListPage,
  entity: entityPage,
  task: taskPage,
  'task-type': taskTypePage,
  stats: production.statsPage,
  breakdown: production.breakdownPage,
  playlists: production.playlistsPage,
  'production-schedule': production.productionSchedulePage,
  quota: production.quotaPage,
  concepts: production.conceptsPage,
  'news-feed': production.newsFeedPage,
  team: production.teamPage,
  budget: production.budgetPage,
  brief: production.briefPage,
  'production-settings': production.productionSettingsPage,
  'not-found': notFoundPage,
};
// Studio routes with a page of their own rather than an admin table.
const STUDIO_RENDERERS = {
  people: peoplePage,
  newsfeed: production.newsFeedPage,
  profile: studio.profilePage,
  'entity-search': studio.entitySearchPage,
};

const FIXED_TITLES = { 'open-productions': 'My Productions', todos: 'My Tasks', checks: 'My Checks', person: 'Person' };

function titleOf(route) {
  const words = route.params.section ?? route.params.type ?? route.name.replace(/^episodes?-/, '');
  return FIXED_TITLES[route.name] ?? words.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function rendererOf(route) {
  return (route.kind === 'studio' && STUDIO_RENDERERS[route.name]) || RENDERERS[route.kind];
}

let renderCount = 0;

function goToLogin() {
  const redirect = appPathname() + location.search;
  navigate(`/login${redirect && redirect !== '/' ? `?redirect=${encodeURIComponent(redirect)}` : ''}`, {
    replace: true,
  });
}

/** Redirects Kitsu does before showing a page; true when it navigated away. */
function redirected(route, session) {
  if (route.kind === 'home') {
    navigate(session.user.role === 'user' ? '/my-tasks' : '/open-productions', { replace: true });
    return true;
  }
  if (route.name === 'episode' && !isUuid(route.params.episode_id)) {
    navigate(productionPath(route.params.production_id, route.params.episode_id, 'shots'), { replace: true });
    return true;
  }
  return false;
}

async function renderInMain(route, isCurrent) {
  const session = await loadSession();
  if (!isCurrent() || redirected(route, session)) return false;
  ensureShell(buildTopbar);
  setPage(page('loading', h('p.loading', {}, 'Loading...')));
  const topbarDone = updateTopbar(currentTopbar(), route, session, titleOf(route), isCurrent);
  const content = await rendererOf(route)(route, session);
  if (!isCurrent()) return false;
  setPage(content.node);
  content.onShown();
  await Promise.all([content.loaded, topbarDone]);
  return isCurrent();
}

async function render() {
  const renderId = ++renderCount;
  const isCurrent = () => renderId === renderCount;
  const app = document.getElementById('app');
  delete app.dataset.frontDoorRoute; // set again once the page is filled (handy for tests)
  const pathname = appPathname();
  markRendered(pathname);
  const route = matchRoute(pathname);
  if (route.kind === 'login' || route.kind === 'outside') {
    ensureShell(null);
    setPage((route.kind === 'login' ? loginPage() : outsidePage(route)).node);
    app.dataset.frontDoorRoute = route.name;
    return;
  }
  try {
    if (await renderInMain(route, isCurrent)) app.dataset.frontDoorRoute = route.name;
  } catch (error) {
    if (!isCurrent()) return;
    if (error instanceof UnauthenticatedError) {
      goToLogin();
      return;
    }
    ensureShell(currentTopbar() ? buildTopbar : null);
    setPage(page('error-page', h('p.error', {}, error.message)));
    app.dataset.frontDoorRoute = 'error';
  }
}

setPageRenderer(render);
render();
