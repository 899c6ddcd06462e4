// The front door's SPA in headless Chromium, served by a front door of the test's own (port 0) in front
// of the REAL Zou of `npm run kitsu:up` (the stack file says where; KITSU_STACK_DIR picks another stack).
import { chromium } from 'playwright-core';
import { normaliseBasePath, startFrontDoor } from '../../../scripts/front-door/server.mjs';
import { readStack, STACK_FILE } from '../../e2e/support/stack.mjs';

export async function startSpa({ basePath = '' } = {}) {
  const stack = readStack();
  const frontDoor = await startFrontDoor({
    port: 0,
    apiUrl: stack.api,
    eventsUrl: stack.events,
    stackFile: STACK_FILE,
    basePath,
  });
  const origin = `http://127.0.0.1:${frontDoor.port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const close = async () => {
    await browser.close();
    await frontDoor.close();
  };
  /** Closes the tabs a test opened, so none keeps running beside the next test's. */
  const closePages = () => Promise.all(context.pages().map((page) => page.close()));
  return { stack, origin, appOrigin: origin + normaliseBasePath(basePath), context, close, closePages };
}

/**
 * Waits until the SPA has filled the page of this route name (app.js sets data-front-door-route last);
 * fails at once with the page's message when the SPA shows its error page instead.
 */
export async function waitForRoute(page, name, timeout = 20_000) {
  const handle = await page.waitForFunction(
    (expected) => {
      const route = document.getElementById('app')?.dataset.frontDoorRoute;
      if (route === 'error') return { error: document.querySelector('.page.error-page')?.textContent ?? '' };
      return (expected === undefined ? Boolean(route) : route === expected) && { route };
    },
    name,
    { timeout },
  );
  const { error } = await handle.jsonValue();
  if (error !== undefined) throw new Error(`the SPA showed an error instead of ${name ?? 'a page'}: ${error}`);
}

/** A new tab signed in as the stack's admin (dev-login), on `appPath`, once its page is filled. */
export async function openApp(spa, appPath, routeName) {
  const page = await spa.context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.pageErrors = errors;
  await page.goto(`${spa.appOrigin}/__front-door/dev-login?next=${encodeURIComponent(appPath)}`);
  await waitForRoute(page, routeName);
  return page;
}

/** The current path and query of the page, base path included. */
export function currentUrl(page) {
  return page.evaluate(() => location.pathname + location.search);
}

/** Every URL the page shows, in order, from now on (history entries and replacements). */
export async function recordUrls(page) {
  await page.evaluate(() => {
    window.__urls = [];
    for (const method of ['pushState', 'replaceState']) {
      const original = history[method].bind(history);
      history[method] = (state, title, url) => {
        original(state, title, url);
        window.__urls.push({ method, url: location.pathname + location.search });
      };
    }
  });
  return () => page.evaluate(() => window.__urls);
}
