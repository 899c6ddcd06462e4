import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export { spaNavigate } from './kitsu-page.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const CHROME_BUILD = path.resolve(ROOT, process.env.SIDEKICK_OUT_DIR || '.output', 'chrome-mv3');
export const ARTIFACTS = path.join(ROOT, 'test/e2e/artifacts');

/**
 * Debian's Chromium, headed on the Xvfb display the npm script provides: the browser's own
 * permission dialog only exists with a window, and the tests answer it with the keyboard
 * like a person would.
 */
export async function launchChromiumWithExtension({ language } = {}) {
  if (!process.env.DISPLAY) throw new Error('No DISPLAY: run the e2e tests through `npm run test:e2e` (xvfb-run).');
  if (!fs.existsSync(path.join(CHROME_BUILD, 'manifest.json')))
    throw new Error(`No build at ${CHROME_BUILD}: run npm run build`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    viewport: { width: 1280, height: 800 },
    // Chromium on Linux takes its interface language from LANGUAGE; --lang where it reads the flag.
    ...(language ? { locale: language, env: { ...process.env, LANGUAGE: language } } : {}),
    args: [
      ...(language ? [`--lang=${language}`] : []),
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, worker, extensionId, close };
}

/**
 * Presses keys as the X server's keyboard: they reach whatever has the focus, the browser's own
 * dialogs and shortcuts included, which page-level automation cannot do.
 */
export function pressKeys(keys) {
  execFileSync('xdotool', ['key', keys]);
}

/**
 * Adds a Kitsu connection the way a person does: fill the options page, click "Save and allow",
 * then accept Chromium's permission dialog (Tab moves the focus from "Deny" to "Allow").
 */
export async function addConnection(
  { context, extensionId },
  { origin, token, label = 'Test Kitsu' },
  { attempts = 3 } = {},
) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByTestId('connection-list-empty').or(page.getByTestId('connection-list')).waitFor();
  const message = page.getByTestId('connection-message');
  await page.getByTestId('connection-label').fill(label);
  await page.getByTestId('connection-address').fill(origin);
  await page.getByTestId('connection-token').fill(token);
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await page.getByTestId('connection-save').click();
    await page.waitForTimeout(800);
    pressKeys('Tab');
    await page.waitForTimeout(300);
    pressKeys('Return');
    // In English or French: "Saved." / "Enregistré.", or the permission's refusal.
    await message.filter({ hasText: /^(Saved|Permission|Enregistré|L’autorisation)/ }).waitFor({ timeout: 5_000 });
    if (/^(Saved|Enregistré)\./.test((await message.textContent()) ?? '')) return page;
  }
  throw new Error(`Could not add a connection for ${origin}: ${await message.textContent()}`);
}

/** Opens `next` on a front door, signed in: its dev-login logs in as the stack's admin, then redirects there. */
export async function openSignedIn(context, origin, next) {
  const page = await context.newPage();
  await page.goto(`${origin}/__front-door/dev-login?next=${next}`);
  return page;
}

/** The window (a page of its own) the browser opens after `action`: the confirm and publish windows. */
export async function windowOpenedBy(context, action, { timeout = 30_000 } = {}) {
  const opened = context.waitForEvent('page', { timeout });
  // An action that fails reports its own error, not the window that then never opened.
  opened.catch(() => {});
  await action();
  return opened;
}

/**
 * Chromium's DevTools ServiceWorker domain, opened on an extension page: it reports the running status of
 * the extension's service worker and stops it the way chrome://serviceworker-internals' "Stop" does.
 */
export async function watchExtensionWorker(context, extensionPage, extensionId) {
  const cdp = await context.newCDPSession(extensionPage);
  const history = [];
  const waiters = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) continue;
      if (history.at(-1) !== version.runningStatus) history.push(version.runningStatus);
      for (const waiter of waiters.filter((item) => item.status === version.runningStatus)) waiter.resolve();
    }
  });
  await cdp.send('ServiceWorker.enable');
  return {
    history,
    stop: () => cdp.send('ServiceWorker.stopAllWorkers'),
    /** Resolves at the next time the worker reaches this status. */
    next: (status) => new Promise((resolve) => waiters.push({ status, resolve })),
  };
}
