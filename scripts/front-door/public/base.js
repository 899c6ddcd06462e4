// The path Kitsu is served under ('' at the root, '/kitsu' under https://host/kitsu/). The server writes
// it into index.html; every link, history entry and API call of the app goes through these helpers, as a
// Vite build with `base` set would.

const meta = document.querySelector('meta[name="front-door-base"]');
export const BASE = (meta?.getAttribute('content') ?? '/').replace(/\/+$/, '');

/** App path ('/productions/x/shots?search=a') -> the URL path the browser shows. */
export function withBase(appPath) {
  return `${BASE}${appPath}`;
}

/** The current path inside the app (base path removed). */
export function appPathname() {
  const { pathname } = location;
  if (!BASE) return pathname;
  if (pathname === BASE) return '/';
  return pathname.startsWith(`${BASE}/`) ? pathname.slice(BASE.length) : pathname;
}
