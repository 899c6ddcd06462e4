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
import { createLivePages } from '../lib/events/live-pages';
import { createKitsuClient, describeKitsuError } from '../lib/kitsu';
import { describeContext, parseKitsuUrl } from '../lib/kitsu-routes';
import { PAGE_PORT_NAME, type PageNotice, pagePortMessageSchema } from '../lib/messaging/protocol';
import { createRouter, RefusedError } from '../lib/messaging/router';
import { classifySender, originOf, type SenderFacts } from '../lib/messaging/sender';

export default defineBackground(() => {
  const ownOrigin = originOf(browser.runtime.getURL('/')) ?? '';
  const vault = createVault();
  const sessions = createSessions(vault);
  const livePages = createLivePages({ sessionFor: (origin) => sessions.for(origin) });

  async function configuredOrigins(): Promise<string[]> {
    return (await vault.all()).map((connection) => connection.origin);
  }
  async function isConfiguredOrigin(origin: string): Promise<boolean> {
    return (await configuredOrigins()).includes(origin) && (await isHostGranted(origin));
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
    forgetHostData: async (origin) => {
      await sessions.forget(origin);
      livePages.restart(origin);
    },
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
        return { where: describeContext(context), connection, names };
      },
      async 'popup/state'(request) {
        const [paused, session] = await Promise.all([
          readPaused(),
          request.origin ? sessions.for(request.origin) : Promise.resolve(null),
        ]);
        return {
          extensionVersion: browser.runtime.getManifest().version,
          paused,
          connection: session ? await popupConnection(session, livePages.status(session.connection.origin)) : null,
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
      isConfiguredOrigin,
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
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PAGE_PORT_NAME) return port.disconnect();
    const facts: SenderFacts = {
      id: port.sender?.id,
      url: port.sender?.url,
      tabId: port.sender?.tab?.id,
      frameId: port.sender?.frameId,
    };
    const sender = classifySender(facts, browser.runtime.id, ownOrigin);
    if (sender.kind !== 'content-script') return port.disconnect();
    const { origin } = sender;
    // Messages may arrive before the origin check below settles: keep them in order.
    let ready = isConfiguredOrigin(origin);
    ready = ready.then((configured) => {
      if (!configured) {
        port.disconnect();
        return false;
      }
      livePages.open(port, {
        origin,
        post: (notice) => port.postMessage({ type: 'changed', ...notice } satisfies PageNotice),
      });
      return true;
    });
    port.onMessage.addListener((raw: unknown) => {
      const message = pagePortMessageSchema.safeParse(raw);
      if (!message.success || originOf(message.data.url) !== origin) return;
      void ready.then((open) => {
        if (open) return livePages.visit(port, message.data.url);
      });
    });
    port.onDisconnect.addListener(() => livePages.close(port));
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-dock' || tab?.id === undefined) return;
    const notice: PageNotice = { type: 'dock/toggle' };
    // A tab without Sidekick's content script has nobody listening; that is not an error.
    browser.tabs.sendMessage(tab.id, notice).catch(() => {});
  });
  browser.permissions.onAdded.addListener(() => void syncContentScripts());
  browser.permissions.onRemoved.addListener(() => void syncContentScripts());
  browser.runtime.onInstalled.addListener(() => void syncContentScripts());
  browser.runtime.onStartup.addListener(() => void syncContentScripts());
});
