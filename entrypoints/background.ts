import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isHostGranted, syncContentScriptRegistration } from '../lib/connections/content-script-registration';
import { matchPatternFor } from '../lib/connections/origins';
import { probeIdentity } from '../lib/connections/probe';
import { createConnectionService } from '../lib/connections/service';
import { createSessions } from '../lib/connections/sessions';
import { createVault } from '../lib/connections/vault';
import { connectionLine, pageNames, popupConnection } from '../lib/dock/overview';
import { PAUSED_KEY, readPaused } from '../lib/dock/paused';
import { createKitsuClient, describeKitsuError } from '../lib/kitsu';
import { parseKitsuUrl } from '../lib/kitsu-routes';
import type { TabNotice } from '../lib/messaging/protocol';
import { createRouter, RefusedError } from '../lib/messaging/router';
import { originOf } from '../lib/messaging/sender';

export default defineBackground(() => {
  const ownOrigin = originOf(browser.runtime.getURL('/')) ?? '';
  const vault = createVault();
  const sessions = createSessions(vault);

  async function configuredOrigins(): Promise<string[]> {
    return (await vault.all()).map((connection) => connection.origin);
  }
  const syncContentScripts = async () => {
    await syncContentScriptRegistration(await configuredOrigins());
  };

  const connections = createConnectionService({
    vault,
    probeIdentity: (origin, token) => probeIdentity(createKitsuClient({ origin, token })),
    describeError: describeKitsuError,
    isHostGranted,
    revokeHost: async (origin) => {
      await browser.permissions.remove({ origins: [matchPatternFor(origin)] });
    },
    onConnectionsChanged: syncContentScripts,
    forgetHostData: (origin) => sessions.forget(origin),
    enabledNeeds: () => ['read', 'write'],
    newId: () => crypto.randomUUID(),
    now: () => new Date(),
  });

  const route = createRouter(
    {
      async 'page/overview'(request, { sender }) {
        if (sender.kind !== 'content-script') throw new RefusedError('Only a Kitsu page has an overview.');
        if (originOf(request.url) !== sender.origin) throw new RefusedError('That page is not on this tab’s Kitsu.');
        const session = await sessions.for(sender.origin);
        if (!session) throw new RefusedError('This Kitsu has no connection any more.');
        const context = parseKitsuUrl(request.url);
        const [connection, names] = await Promise.all([
          connectionLine(session.connection.label, session.reads),
          pageNames(context, session.reads),
        ]);
        return { connection, names };
      },
      async 'popup/state'(request) {
        const [paused, session] = await Promise.all([
          readPaused(),
          request.origin ? sessions.for(request.origin) : Promise.resolve(null),
        ]);
        return {
          extensionVersion: browser.runtime.getManifest().version,
          paused,
          connection: session ? await popupConnection(session) : null,
        };
      },
      async 'settings/set-paused'(request) {
        await browser.storage.local.set({ [PAUSED_KEY]: request.paused });
        return { paused: request.paused };
      },
      'connections/list': async () => ({ connections: await connections.list() }),
      'connections/test': (request) => connections.test(request.origin, request.token),
      'connections/save': (request) => connections.save(request),
      'connections/remove': async (request) => ({ removed: await connections.remove(request.id) }),
    },
    {
      ownId: browser.runtime.id,
      ownOrigin,
      isConfiguredOrigin: async (origin) =>
        (await configuredOrigins()).includes(origin) && (await isHostGranted(origin)),
      onRefused: (reason) => console.warn('[sidekick] refused a message:', reason),
      onError: (error) => console.error('[sidekick] handler failed:', error instanceof Error ? error.name : 'error'),
    },
  );

  // Listeners are registered synchronously so a woken service worker sees the event that woke it.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    route(message, { id: sender.id, url: sender.url, tabId: sender.tab?.id, frameId: sender.frameId }).then(
      sendResponse,
    );
    return true;
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-dock' || tab?.id === undefined) return;
    const notice: TabNotice = { type: 'dock/toggle' };
    // A tab without Sidekick's content script has nobody listening; that is not an error.
    browser.tabs.sendMessage(tab.id, notice).catch(() => {});
  });
  browser.permissions.onAdded.addListener(() => void syncContentScripts());
  browser.permissions.onRemoved.addListener(() => void syncContentScripts());
  browser.runtime.onInstalled.addListener(() => void syncContentScripts());
  browser.runtime.onStartup.addListener(() => void syncContentScripts());
});
