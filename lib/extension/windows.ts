// Sidekick's own pages open in windows of their own: Kitsu's page scripts can neither reach nor frame them.
import { browser } from 'wxt/browser';

export type ExtensionWindows = {
  /** The confirm window, on a plan (`#<planId>`) or on a thread summary (`#summary/<host>/<taskId>`). */
  confirm: (fragment: string) => Promise<void>;
  /** The batch publish page, for the Kitsu page it was opened from. */
  publish: (fragment: string) => Promise<void>;
};

type WindowPage = '/confirm.html' | '/publish.html';

async function openExtensionWindow(page: WindowPage, fragment: string, size: { width: number; height: number }) {
  await browser.windows.create({ url: browser.runtime.getURL(`${page}#${fragment}`), type: 'popup', ...size });
}

export const extensionWindows: ExtensionWindows = {
  confirm: (fragment) => openExtensionWindow('/confirm.html', fragment, { width: 760, height: 820 }),
  publish: (fragment) => openExtensionWindow('/publish.html', fragment, { width: 1000, height: 860 }),
};
