// The background composes: it builds the stores and services, gives each domain's handlers their ports
// (lib/<domain>/handlers.ts), and registers the browser's listeners. The domains' logic lives in lib/.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createDismissalStore } from '../lib/agent/dismissals';
import { createAgentHandlers } from '../lib/agent/handlers';
import { readAgentSources, runAgentOn } from '../lib/agent/service';
import { createAiHandlers } from '../lib/ai/handlers';
import { browserPermissions, THIS_BROWSER } from '../lib/ai/permissions';
import { serveAiPort } from '../lib/ai/port';
import { createAiService } from '../lib/ai/service';
import { createAiStore } from '../lib/ai/store';
import { createBulkHandlers } from '../lib/bulk/handlers';
import { isHostGranted, keepContentScriptRegistered } from '../lib/connections/content-script-registration';
import { createSessionGuards } from '../lib/connections/guards';
import { createConnectionHandlers } from '../lib/connections/handlers';
import { matchPatternFor } from '../lib/connections/origins';
import { probeIdentity } from '../lib/connections/probe';
import { createConnectionService } from '../lib/connections/service';
import { createSessions } from '../lib/connections/sessions';
import { createVault } from '../lib/connections/vault';
import { createWorkflowService } from '../lib/connections/workflow-service';
import { readPaused, writePaused } from '../lib/dock/paused';
import { createDockHandlers } from '../lib/dock-service/handlers';
import { injectLazyPanels } from '../lib/dock-service/inject-panels';
import { createLivePages } from '../lib/events/live-pages';
import { listen } from '../lib/extension/listeners';
import { extensionWindows } from '../lib/extension/windows';
import { createKitsuClient, describeKitsuError, isKitsuApiError } from '../lib/kitsu';
import { createRouter } from '../lib/messaging/router';
import { originOf } from '../lib/messaging/sender';
import { createAuditLog, createJournal } from '../lib/plans';
import { createPlanFlow } from '../lib/plans/flow';
import { createPlanHandlers } from '../lib/plans/handlers';
import { createOperatorSettings } from '../lib/plans/operator-settings';
import { createPublishFiles } from '../lib/publish/files';
import { createPublishHandlers } from '../lib/publish/handlers';
import { readPublishSettings } from '../lib/publish/settings';
import { publishStep } from '../lib/publish/step';

export default defineBackground(() => {
  const ownOrigin = originOf(browser.runtime.getURL('/')) ?? '';
  const vault = createVault();
  const sessions = createSessions(vault, (origin) => livePages.cacheHooks(origin));
  const sessionFor = (origin: string) => sessions.for(origin);
  const audit = createAuditLog();
  const livePages = createLivePages({
    sessionFor,
    // Firefox suspends an idle event page even with the event stream open; Chrome 116+ keeps the
    // service worker alive on WebSocket traffic alone.
    keepAlive: import.meta.env.FIREFOX ? () => browser.runtime.getPlatformInfo() : undefined,
  });
  const configuredOrigins = async () => (await vault.all()).map((connection) => connection.origin);
  const isConfiguredOrigin = async (origin: string) =>
    (await configuredOrigins()).includes(origin) && (await isHostGranted(origin));
  const guards = createSessionGuards({ sessionFor, isConfiguredOrigin });
  const newId = () => crypto.randomUUID();
  const now = () => new Date();
  // Every listener is registered synchronously, so a woken service worker sees the event that woke it.
  const syncContentScripts = keepContentScriptRegistered(configuredOrigins);

  const connections = createConnectionService({
    vault,
    probeIdentity: (origin, token) => probeIdentity(createKitsuClient({ origin, token })),
    describeError: describeKitsuError,
    isHostGranted,
    revokeHost: async (origin) => void (await browser.permissions.remove({ origins: [matchPatternFor(origin)] })),
    onConnectionsChanged: syncContentScripts,
    forgetHostData: async (origin) => {
      await sessions.forget(origin);
      livePages.restart(origin);
    },
    enabledNeeds: () => ['read', 'write'],
    newId,
    now,
  });
  const operatorSettings = createOperatorSettings();
  const publishFiles = createPublishFiles();
  // Files of publishes never confirmed are not kept beyond a day.
  void publishFiles.prune().catch(() => {});
  const flow = createPlanFlow({
    sessionFor,
    publish: { step: publishStep, files: publishFiles },
    journal: createJournal(),
    audit,
    operator: () => operatorSettings.read(),
    openConfirm: (planId) => extensionWindows.confirm(encodeURIComponent(planId)),
    jobWrites: { started: livePages.jobStarted, ended: (jobId) => void livePages.jobEnded(jobId) },
  });
  void flow.resumeInterrupted();
  const aiStore = createAiStore();
  const permissions = { permissions: browserPermissions, facts: THIS_BROWSER };
  const ai = createAiService({ store: aiStore, extensionOrigin: ownOrigin, ...permissions });
  // What several domains' handlers are given.
  const common = { guards, flow, newId, now, windows: extensionWindows };

  const route = createRouter(
    {
      ...createAiHandlers({ ...common, ...permissions, store: aiStore, kitsuOrigins: configuredOrigins, ai }),
      ...createPlanHandlers({ flow, operatorSettings, audit, now }),
      ...createAgentHandlers({
        ...common,
        readAgentSources,
        runAgentOn,
        dismissals: createDismissalStore(browser.storage.local),
        warn: (ruleId, message) => console.warn('[sidekick] agent:', ruleId, message),
      }),
      ...createBulkHandlers(common),
      ...createPublishHandlers({ ...common, files: publishFiles, settings: readPublishSettings }),
      ...createDockHandlers({
        guards,
        sessionFor,
        liveStatus: (origin) => livePages.status(origin),
        paused: { read: readPaused, write: writePaused },
        injectPanels: injectLazyPanels,
        extensionVersion: () => browser.runtime.getManifest().version,
      }),
      ...createConnectionHandlers(connections, createWorkflowService({ hostSession: guards.hostSession })),
    },
    {
      ownId: browser.runtime.id,
      ownOrigin,
      isConfiguredOrigin,
      onRefused: (reason) => console.warn('[sidekick] refused a message:', reason),
      onError: (error) => console.error('[sidekick] handler failed:', error instanceof Error ? error.name : 'error'),
      // Kitsu's failures (unreachable, 5xx, a revoked token) reach the panels as what to do, not as "could not answer".
      describeFailure: (error) => (isKitsuApiError(error) ? describeKitsuError(error) : undefined),
    },
  );

  listen({ route, ownOrigin, serveAi: (port) => serveAiPort(port, ai), livePages, isConfiguredOrigin });
});
