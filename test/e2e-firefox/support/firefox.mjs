import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

export { spaNavigate } from '../../e2e/support/kitsu-page.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const FIREFOX_BUILD = path.join(ROOT, process.env.SIDEKICK_OUT_DIR || '.output', 'firefox-mv3');
/** Screenshots go beside the Chrome ones, in the ignored test/e2e/artifacts/. */
export const ARTIFACTS = path.join(ROOT, 'test/e2e/artifacts/firefox');
const manifest = JSON.parse(fs.readFileSync(path.join(FIREFOX_BUILD, 'manifest.json'), 'utf8'));
export const GECKO_ID = manifest.browser_specific_settings.gecko.id;
/** Pinned with `extensions.webextensions.uuids`: the moz-extension:// origin is otherwise random per profile. */
export const EXTENSION_UUID = '5a1dec1c-0000-4000-8000-000000005ede';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `fn` in the page until it returns something truthy. `page.waitForFunction` can throw
 * mid-navigation under WebDriver BiDi (the document is swapped while it runs), so every attempt
 * runs in its own `evaluate` and a failed attempt is just retried.
 */
export async function waitFor(page, fn, { args = [], timeout = 10_000, interval = 50, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await page.evaluate(fn, ...args);
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(interval);
  }
  throw new Error(
    `Timed out after ${timeout} ms waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`,
  );
}

/**
 * Navigates without awaiting `goto`: with `--remote-allow-system-access`, Firefox does not report
 * some navigations (moz-extension:// pages, process switches) to puppeteer, so `goto` would hang.
 * Callers wait for the content they expect instead.
 */
export function navigate(page, url) {
  page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 }).catch(() => {});
}

/**
 * Reloads the page and waits for the new document to be complete. The reload is started from the page
 * (see `navigate`: puppeteer may never hear of it), and a mark on the old window tells the two documents apart.
 */
export async function reloadAndWait(page) {
  await page.evaluate(() => {
    window.sidekickTestOldDocument = true;
    setTimeout(() => location.reload());
  });
  await waitFor(page, () => document.readyState === 'complete' && !window.sidekickTestOldDocument, {
    timeout: 15_000,
    what: 'the reloaded page',
  });
}

/** Copies the build first: another build may replace `.output/firefox-mv3` while the tests run. */
function copyBuild(editManifest) {
  if (!fs.existsSync(path.join(FIREFOX_BUILD, 'manifest.json')))
    throw new Error(`No build at ${FIREFOX_BUILD}: run npx wxt build -b firefox --mv3`);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-ff-build-'));
  fs.cpSync(FIREFOX_BUILD, copy, { recursive: true });
  if (editManifest) {
    const file = path.join(copy, 'manifest.json');
    fs.writeFileSync(file, JSON.stringify(editManifest(JSON.parse(fs.readFileSync(file, 'utf8')))));
  }
  return copy;
}

/**
 * Headless Firefox ESR over WebDriver BiDi with the Firefox build as a temporary add-on.
 *
 * `extensions.webextOptionalPermissionPrompts: false` is Firefox's own switch for the
 * `permissions.request` doorhanger: the request still runs (user-gesture check, manifest check,
 * `permissions.onAdded`), and is granted instead of shown. Headless Firefox has no doorhanger to click.
 */
export async function launchFirefoxWithExtension({ prefs = {}, editManifest } = {}) {
  const extension = copyBuild(editManifest);
  const started = Date.now();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    args: ['--remote-allow-system-access', '--width=1280', '--height=800'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'extensions.webextOptionalPermissionPrompts': false,
      ...prefs,
    },
  });
  const launchedMs = Date.now() - started;
  await browser.installExtension(extension);
  const installedMs = Date.now() - started - launchedMs;
  const close = async () => {
    await browser.close().catch(() => {});
    fs.rmSync(extension, { recursive: true, force: true });
  };
  return { browser, extension, launchedMs, installedMs, close };
}

/** Opens an extension page (options, popup) in a new tab and waits for an element matching `readySelector` there. */
export async function openExtensionPage(browser, name, readySelector) {
  const page = await browser.newPage();
  navigate(page, `${EXTENSION_ORIGIN}/${name}.html`);
  await waitFor(page, (selector) => !!document.querySelector(selector), {
    args: [readySelector],
    timeout: 15_000,
    what: `${name}.html`,
  });
  return page;
}

const byTestId = (id) => `[data-testid="${id}"]`;

/**
 * Adds a Kitsu connection the way a person does: fill the options page and click
 * "Save and allow this host"; the click calls `permissions.request` for that host.
 */
export async function addConnection(browser, { origin, token, label = 'Test Kitsu' }) {
  const page = await openExtensionPage(
    browser,
    'options',
    '[data-testid="connection-list-empty"], [data-testid="connection-list"]',
  );
  await page.locator(byTestId('connection-label')).fill(label);
  await page.locator(byTestId('connection-address')).fill(origin);
  await page.locator(byTestId('connection-token')).fill(token);
  await page.locator(byTestId('connection-save')).click();
  const message = await waitFor(
    page,
    () => {
      const text = document.querySelector('[data-testid="connection-message"]')?.textContent ?? '';
      return /^(Saved|Permission)/.test(text) ? text : null;
    },
    { what: 'the save message' },
  );
  if (!message.startsWith('Saved.')) throw new Error(`Could not add a connection for ${origin}: ${message}`);
  return { page, message };
}

/** `addConnection` to `origin` with the token of the stack's writer bot, the account the suites connect Sidekick as. */
export function connectAsWriterBot(browser, stack, origin) {
  return addConnection(browser, { origin, token: stack.bots.writer.token });
}

/** Opens `next` on a front door, signed in: its dev-login logs in as the stack's admin, then redirects there. */
export async function openSignedIn(browser, origin, next) {
  const page = await browser.newPage();
  navigate(page, `${origin}/__front-door/dev-login?next=${next}`);
  return page;
}

/**
 * The dock renders in a frame inside the closed shadow root of <kitsu-sidekick>: page scripts reach
 * neither. WebDriver BiDi lists every frame of a tab, that one included, so the tests drive the shipped
 * build there: `dockFrame` finds it (anew each time: a reload or a remount brings a new frame) and runs
 * scripts in it. Puppeteer cannot place that frame on the page (it looks for the <iframe> in the page's
 * DOM), so `dockClick` computes the point itself and clicks with the page's mouse: the browser's own input.
 */
export async function dockFrame(page) {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const isDock = await frame
      .evaluate(() => document.querySelector('[data-testid="sidekick-dock"]') !== null)
      .catch(() => false);
    if (isDock) return frame;
  }
  return null;
}

/**
 * Clicks an element of the dock like a person: at its centre, once it stays put for two frames and the dock's
 * document and the page both put that point on it (nothing of the page over it), with the browser's own mouse.
 */
export async function dockClick(page, selector, { timeout = 10_000 } = {}) {
  const deadline = Date.now() + timeout;
  // The dock moves out of the way when Kitsu opens its side panel: until it has, the page is over the spot.
  for (;;) {
    const spot = await waitInDock(
      page,
      async (selector) => {
        const element = document.querySelector(selector);
        if (!element || element.disabled) return null;
        element.scrollIntoView({ block: 'center', inline: 'center' });
        // Stable first, as Playwright's click waits: an answer arriving now (a live count) moves what is below it.
        const before = element.getBoundingClientRect();
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const box = element.getBoundingClientRect();
        if (box.top !== before.top || box.left !== before.left) return null;
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        const hit = document.elementFromPoint(x, y);
        if (!box.width || !hit || !(hit === element || element.contains(hit))) return null;
        const frame = window.frameElement.getBoundingClientRect();
        return { x: frame.left + x, y: frame.top + y };
      },
      { args: [selector], timeout: Math.max(deadline - Date.now(), 100), what: `${selector} to be clickable` },
    );
    const onDock = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.localName.startsWith('kitsu-sidekick') ?? false,
      spot,
    );
    if (onDock) {
      await page.mouse.click(spot.x, spot.y);
      return;
    }
    if (Date.now() > deadline) throw new Error(`Something of the page is over ${selector} in the dock`);
    await sleep(100);
  }
}

/** Types into a dock field like a person: a click to focus it, select all, then the text as keys. */
export async function dockFill(page, selector, text) {
  await dockClick(page, selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** Picks an option of a dock <select> by value, once it has it (set, then input and change events). */
export async function dockSelect(page, selector, value) {
  await waitInDock(
    page,
    (selector, value) => {
      const select = document.querySelector(selector);
      if (![...(select?.options ?? [])].some((option) => option.value === value)) return false;
      select.value = value;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    },
    { args: [selector, value], what: `option ${value} of ${selector}` },
  );
}

/** Polls `fn` in the dock's frame (found anew each time) until it returns something truthy. */
export async function waitInDock(page, fn, { args = [], timeout = 10_000, what = 'the dock' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await (await dockFrame(page))?.evaluate(fn, ...args).catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** What the dock shows, read in its frame, and what the page itself sees of it (the host, nothing inside). */
export async function dockState(page) {
  const seenByPage = await page.evaluate(() => {
    const hosts = [...document.documentElement.children].filter((element) =>
      element.localName.startsWith('kitsu-sidekick'),
    );
    return {
      hosts: hosts.length,
      pageSeesRoot: hosts.some((host) => host.shadowRoot !== null),
      navigations: performance.getEntriesByType('navigation').length,
      url: location.href,
    };
  });
  const frame = await dockFrame(page);
  const shown = frame
    ? await frame.evaluate(() => {
        const text = (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
        const thisPage = document.querySelectorAll('[data-testid="this-page"]');
        return {
          dock: true,
          theme: document.querySelector('[data-testid="sidekick-dock"]')?.getAttribute('data-theme') ?? null,
          where: text('this-page-where'),
          names: text('this-page-names'),
          connection: text('connection-state'),
          kind: thisPage[0]?.getAttribute('data-page-kind') ?? null,
          thisPageCount: thisPage.length,
          body: !!document.querySelector('[data-testid="dock-body"]'),
          expanded: document.querySelector('[data-testid="dock-toggle"]')?.getAttribute('aria-expanded') ?? null,
        };
      })
    : {
        dock: false,
        theme: null,
        where: null,
        names: null,
        connection: null,
        kind: null,
        thisPageCount: 0,
        body: false,
        expanded: null,
      };
  return { ...seenByPage, ...shown };
}

/** Polls the dock until `check(state)` holds; returns that state. */
export async function waitForDock(page, check, { timeout = 10_000, what = 'the dock' } = {}) {
  const deadline = Date.now() + timeout;
  let state = null;
  let lastError = null;
  while (Date.now() < deadline) {
    try {
      state = await dockState(page);
      if (check(state)) return state;
    } catch (error) {
      lastError = error;
    }
    await sleep(25);
  }
  throw new Error(
    `Timed out after ${timeout} ms waiting for ${what}; last state ${JSON.stringify(state)}${lastError ? `, last error ${lastError.message}` : ''}`,
  );
}

/**
 * Identifies the running event page from an extension page: `extension.getBackgroundPage()`
 * gives its window only while it runs (null once Firefox suspended it), and its time origin
 * changes each time it starts again.
 */
export function eventPageStartedAt(extensionPage) {
  return extensionPage.evaluate(() => {
    const background = browser.extension.getBackgroundPage();
    return background ? background.performance.timeOrigin : null;
  });
}
