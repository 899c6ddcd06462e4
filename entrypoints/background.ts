import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { currentHostPatterns, syncContentScriptRegistration } from '../lib/connections/content-script-registration';
import { originMatchesPattern } from '../lib/connections/origins';
import { createRouter } from '../lib/messaging/router';
import { originOf } from '../lib/messaging/sender';

export default defineBackground(() => {
  const ownOrigin = originOf(browser.runtime.getURL('/')) ?? '';

  async function isGrantedOrigin(origin: string): Promise<boolean> {
    const patterns = await currentHostPatterns();
    return patterns.some((pattern) => originMatchesPattern(origin, pattern));
  }

  const route = createRouter(
    {
      async status(request, { sender }) {
        const origin = sender.kind === 'content-script' ? sender.origin : null;
        return {
          extensionVersion: browser.runtime.getManifest().version,
          origin,
          hostGranted: origin !== null && (await isGrantedOrigin(origin)),
          askedTimes: request.askedTimes,
        };
      },
    },
    {
      ownId: browser.runtime.id,
      ownOrigin,
      isGrantedOrigin,
      onError: (error) => console.error('[sidekick] handler failed', error),
    },
  );

  // Listeners are registered synchronously so a woken service worker sees the event that woke it.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    route(message, { id: sender.id, url: sender.url, tabId: sender.tab?.id }).then(sendResponse);
    return true;
  });
  browser.permissions.onAdded.addListener(() => void syncContentScriptRegistration());
  browser.permissions.onRemoved.addListener(() => void syncContentScriptRegistration());
  browser.runtime.onInstalled.addListener(() => void syncContentScriptRegistration());
  browser.runtime.onStartup.addListener(() => void syncContentScriptRegistration());
});
