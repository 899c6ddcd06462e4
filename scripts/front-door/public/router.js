// History-mode navigation, as vue-router's createWebHistory does it (cgwire/kitsu `src/router/index.js`):
// pushState/replaceState, no hash. A path change renders a new page; a change of the query alone stays
// on the page and tells it (Kitsu keeps the component and watches `$route`).
import { appPathname, BASE, withBase } from './base.js';

let renderPage = () => {};
let renderedPath = null;
const queryListeners = new Set();

/** app.js registers the page renderer; the router calls it for every new path. */
export function setPageRenderer(render) {
  renderPage = render;
}

export function markRendered(pathname) {
  renderedPath = pathname;
}

/** `owner` (an element of a page) listens to query changes while it is in the document. */
export function onQueryChange(owner, listener) {
  queryListeners.add({ owner, listener });
}

/** Forgets the listeners of elements outside `page` (the page that replaces the previous one). */
export function keepQueryListenersOf(page) {
  for (const entry of queryListeners) if (!page.contains(entry.owner)) queryListeners.delete(entry);
}

function dispatch() {
  if (appPathname() !== renderedPath) {
    renderPage();
    return;
  }
  const query = new URLSearchParams(location.search);
  for (const { owner, listener } of [...queryListeners]) if (owner.isConnected) listener(query);
}

/** Goes to an app path ('/productions/x/shots?search=a'). */
export function navigate(appPath, { replace = false } = {}) {
  const target = withBase(appPath);
  if (target === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  dispatch();
}

/** router.push({ query: { ...route.query, ...changes } }): undefined removes a key, '' keeps it empty. */
export function pushQuery(changes) {
  const query = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === null) query.delete(key);
    else query.set(key, value);
  }
  const search = query.toString();
  navigate(`${appPathname()}${search ? `?${search}` : ''}`);
}

export function queryParam(name) {
  return new URLSearchParams(location.search).get(name);
}

// router-link: same-origin links inside the app navigate without a reload.
document.addEventListener('click', (event) => {
  const anchor = event.target.closest?.('a[href]');
  if (!anchor || event.defaultPrevented || event.button !== 0) return;
  if (
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey ||
    anchor.target ||
    anchor.hasAttribute('download')
  )
    return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin) return;
  if (BASE && url.pathname !== BASE && !url.pathname.startsWith(`${BASE}/`)) return;
  const appPath = BASE ? url.pathname.slice(BASE.length) || '/' : url.pathname;
  if (appPath.startsWith('/api/') || appPath.startsWith('/__front-door/')) return;
  event.preventDefault();
  navigate(appPath + url.search + url.hash);
});
window.addEventListener('popstate', dispatch);
