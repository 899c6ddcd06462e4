// The background's listeners for messages, ports and the keyboard command. Registered synchronously at
// start-up, so a woken service worker sees the event that woke it.
import { type Browser, browser } from 'wxt/browser';
import type { LivePages } from '../events/live-pages';
import { servePagePort } from '../events/page-port';
import { AI_PORT_NAME, PAGE_PORT_NAME, type PageNotice } from '../messaging/protocol';
import type { createRouter } from '../messaging/router';
import { classifySender } from '../messaging/sender';

type Listening = {
  route: ReturnType<typeof createRouter>;
  ownOrigin: string;
  serveAi: (port: Browser.runtime.Port) => void;
  livePages: LivePages;
  isConfiguredOrigin: (origin: string) => Promise<boolean>;
};

/** Messages go to the router, ports to their servers, the dock's shortcut to the tab's content script. */
export function listen({ route, ownOrigin, serveAi, livePages, isConfiguredOrigin }: Listening) {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const { id, url, frameId, documentId } = sender;
    route(message, { id, url, tabId: sender.tab?.id, frameId, documentId }).then(sendResponse);
    return true;
  });
  browser.runtime.onConnect.addListener((port) => {
    const { id, url, tab, frameId, documentId } = port.sender ?? {};
    const sender = classifySender({ id, url, tabId: tab?.id, frameId, documentId }, browser.runtime.id, ownOrigin);
    // Model calls are for Sidekick's own pages only: a Kitsu page never sends data to a model.
    const ownPage = sender.kind === 'extension-page' || sender.kind === 'confirm-page';
    if (port.name === AI_PORT_NAME && ownPage) return serveAi(port);
    if (port.name === PAGE_PORT_NAME && sender.kind === 'content-script') {
      return servePagePort(port, sender.origin, { livePages, isConfiguredOrigin });
    }
    port.disconnect();
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-dock' || tab?.id === undefined) return;
    const notice: PageNotice = { type: 'dock/toggle' };
    // A tab without Sidekick's content script has nobody listening; that is not an error.
    browser.tabs.sendMessage(tab.id, notice).catch(() => {});
  });
}
