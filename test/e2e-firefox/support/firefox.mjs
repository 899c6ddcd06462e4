import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

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

/** Opens an extension page (options, popup) in a new tab and waits for `ready` to hold there. */
export async function openExtensionPage(browser, name, ready) {
  const page = await browser.newPage();
  navigate(page, `${EXTENSION_ORIGIN}/${name}.html`);
  await waitFor(page, ready, { timeout: 15_000, what: `${name}.html` });
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
    () => !!document.querySelector('[data-testid="connection-list-empty"], [data-testid="connection-list"]'),
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

/** The dock lives in the open shadow root of <kitsu-sidekick>: these read it from the page. */
export function dockState(page) {
  return page.evaluate(() => {
    const host = document.querySelector('kitsu-sidekick');
    const root = host?.shadowRoot;
    const text = (id) => root?.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
    const thisPage = root?.querySelectorAll('[data-testid="this-page"]') ?? [];
    return {
      hosts: document.querySelectorAll('kitsu-sidekick').length,
      dock: !!root?.querySelector('[data-testid="sidekick-dock"]'),
      theme: root?.querySelector('[data-testid="sidekick-dock"]')?.getAttribute('data-theme') ?? null,
      where: text('this-page-where'),
      names: text('this-page-names'),
      connection: text('connection-state'),
      kind: thisPage[0]?.getAttribute('data-page-kind') ?? null,
      thisPageCount: thisPage.length,
      body: !!root?.querySelector('[data-testid="dock-body"]'),
      expanded: root?.querySelector('[data-testid="dock-toggle"]')?.getAttribute('aria-expanded') ?? null,
      navigations: performance.getEntriesByType('navigation').length,
      url: location.href,
    };
  });
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

/** Kitsu is a single-page app: it changes the URL with pushState and the dock follows. */
export function spaNavigate(page, url) {
  return page.evaluate((target) => {
    history.pushState({}, '', target);
    dispatchEvent(new PopStateEvent('popstate'));
  }, url);
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
