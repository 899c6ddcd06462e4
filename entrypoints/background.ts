import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { visibleSuggestions } from '../lib/agent/engine';
import { runAgent } from '../lib/agent/service';
import {
  agentPageOf,
  dismissalsKey,
  readDismissals,
  suggestionsView,
  taskLinker,
  withDismissal,
} from '../lib/agent/view';
import { commentDraftInput, endpointOriginOf, settingsFromForm } from '../lib/ai/draft';
import { AiError } from '../lib/ai/errors';
import { serveAiPort } from '../lib/ai/port';
import { buildPrompt } from '../lib/ai/prompts';
import { createAiService } from '../lib/ai/service';
import { aiSettingsView, assertAiAllowed } from '../lib/ai/settings';
import { createAiStore } from '../lib/ai/store';
import { threadSummaryInput } from '../lib/ai/summary';
import { bulkChoices, bulkPlan, bulkScopeOf, bulkSelection } from '../lib/bulk/service';
import { isHostGranted, syncContentScriptRegistration } from '../lib/connections/content-script-registration';
import { matchPatternFor } from '../lib/connections/origins';
import { probeIdentity } from '../lib/connections/probe';
import { createConnectionService } from '../lib/connections/service';
import { createSessions } from '../lib/connections/sessions';
import { createVault } from '../lib/connections/vault';
import { LAZY_PANELS_SCRIPT } from '../lib/dock/lazy-panels';
import { connectionLine, pageNames, popupConnection } from '../lib/dock/overview';
import { PAUSED_KEY, readPaused } from '../lib/dock/paused';
import { createLivePages } from '../lib/events/live-pages';
import { createKitsuClient, describeKitsuError, isKitsuApiError } from '../lib/kitsu';
import { describeContext, parseKitsuUrl } from '../lib/kitsu-routes';
import { AI_PORT_NAME, PAGE_PORT_NAME, type PageNotice, pagePortMessageSchema } from '../lib/messaging/protocol';
import { createRouter, type HandlerContext, RefusedError } from '../lib/messaging/router';
import { classifySender, originOf, type SenderFacts } from '../lib/messaging/sender';
import { type AuditRecord, createAuditLog, createJournal } from '../lib/plans';
import { createPlanFlow, PlanRefusal } from '../lib/plans/flow';
import { readOperatorSettings, saveOperatorSettings } from '../lib/plans/operator-settings';
import { createPublishFiles } from '../lib/publish/files';
import { PublishPlanError } from '../lib/publish/plan';
import { publishCatalog, publishPageOf, publishPlan } from '../lib/publish/service';

export default defineBackground(() => {
  const ownOrigin = originOf(browser.runtime.getURL('/')) ?? '';
  const vault = createVault();
  const sessions = createSessions(vault);
  const audit = createAuditLog();
  const livePages = createLivePages({
    sessionFor: (origin) => sessions.for(origin),
    // Firefox suspends an idle event page even with the event stream open; Chrome 116+ keeps the
    // service worker alive on WebSocket traffic alone.
    keepAlive: import.meta.env.FIREFOX ? () => browser.runtime.getPlatformInfo() : undefined,
  });

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

  const publishFiles = createPublishFiles();
  // Files of publishes never confirmed are not kept beyond a day.
  void publishFiles.prune().catch(() => {});
  const planFlow = createPlanFlow({
    sessionFor: (origin) => sessions.for(origin),
    publishFiles,
    journal: createJournal(),
    audit,
    operator: readOperatorSettings,
    openConfirm: async (planId) => {
      await browser.windows.create({
        url: browser.runtime.getURL(`/confirm.html#${encodeURIComponent(planId)}`),
        type: 'popup',
        width: 760,
        height: 820,
      });
    },
  });
  void planFlow.resumeInterrupted();

  const aiStore = createAiStore();
  const ai = createAiService({
    store: aiStore,
    extensionOrigin: ownOrigin,
    hasHostPermission: (origin) => browser.permissions.contains({ origins: [matchPatternFor(origin)] }),
  });
  /** AI refusals are written for people: they cross the message boundary as such. */
  const aiRefusing = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await refusing(work);
    } catch (error) {
      if (error instanceof AiError) throw new RefusedError(error.message);
      throw error;
    }
  };

  /** Refusals written for people cross the message boundary as such; other failures stay generic. */
  const refusing = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof PlanRefusal) throw new RefusedError(error.message);
      throw error;
    }
  };

  async function pageSession(url: string, sender: HandlerContext['sender']) {
    if (sender.kind !== 'content-script') throw new RefusedError('Only a Kitsu page can ask this.');
    if (originOf(url) !== sender.origin) throw new RefusedError('That page is not on this tab’s Kitsu.');
    const session = await sessions.for(sender.origin);
    if (!session) throw new RefusedError('This Kitsu has no connection any more.');
    return session;
  }

  /** The publish page names the Kitsu page it was opened from: it must be a configured connection's. */
  async function publishSession(url: string) {
    const origin = originOf(url);
    const session = origin && (await isConfiguredOrigin(origin)) ? await sessions.for(origin) : null;
    if (!session) throw new RefusedError('This Kitsu has no connection any more.');
    const page = publishPageOf(parseKitsuUrl(url));
    if (!page) throw new RefusedError('Batch publish works on production, entity, task-type and task pages.');
    return { session, page };
  }

  function bulkScopeFor(url: string) {
    const scope = bulkScopeOf(parseKitsuUrl(url));
    if (!scope) throw new RefusedError('Bulk helpers work on shot and asset lists and task-type pages.');
    return scope;
  }

  /** A production page the agent looks at, on the sender's own Kitsu. */
  async function agentPage(url: string, sender: HandlerContext['sender']) {
    const session = await pageSession(url, sender);
    const context = agentPageOf(parseKitsuUrl(url));
    if (!context)
      throw new RefusedError('Suggestions are made on production pages: lists, task types, entities, tasks.');
    return { session, context };
  }
  async function storedDismissals(origin: string) {
    const key = dismissalsKey(origin);
    return readDismissals((await browser.storage.local.get(key))[key]);
  }
  // Dismissals are read, changed and written back: one change at a time, so quick clicks all count.
  let dismissing: Promise<unknown> = Promise.resolve();

  const route = createRouter(
    {
      'ai/settings/get': async () => aiSettingsView(await aiStore.read()),
      async 'ai/settings/save'({ type: _type, ...form }) {
        return aiRefusing(async () => {
          const current = await aiStore.read();
          const next = settingsFromForm(current, form);
          const origin = endpointOriginOf(next);
          if (origin && !(await browser.permissions.contains({ origins: [matchPatternFor(origin)] }))) {
            throw new AiError('permission', `Allow Sidekick to reach ${origin} first: the browser asks when you save.`);
          }
          const saved = await aiStore.write(next);
          // Lowest privilege: the host of an endpoint no longer used is given back, unless a Kitsu uses it.
          const previous = endpointOriginOf(current);
          const pattern = previous ? matchPatternFor(previous) : null;
          const stillNeeded = [origin, ...(await configuredOrigins())].some(
            (other) => other && matchPatternFor(other) === pattern,
          );
          if (pattern && !stillNeeded) await browser.permissions.remove({ origins: [pattern] });
          return aiSettingsView(saved);
        });
      },
      async 'ai/test'() {
        try {
          return { ok: true as const, ...(await ai.test(AbortSignal.timeout(120_000))) };
        } catch (error) {
          const failure = error instanceof AiError ? error : new AiError('server', 'The test failed.');
          return { ok: false as const, problem: failure.problem, message: failure.message };
        }
      },
      'ai/prepare-draft': (request) =>
        aiRefusing(async () => {
          const { plan, preview } = await planFlow.confirmable(request.planId);
          const settings = await aiStore.read();
          assertAiAllowed(settings, plan.host);
          const session = await sessions.for(plan.host);
          if (!session) throw new PlanRefusal(`${plan.host} has no connection any more.`);
          const [project, persons] = await Promise.all([
            session.reads.project('swr', plan.projectId),
            session.reads.persons('swr'),
          ]);
          const input = commentDraftInput(plan, preview, {
            kind: request.kind,
            instructions: request.instructions,
            production: project.name,
          });
          const prompt = buildPrompt(
            { purpose: 'comment-draft', input },
            { exclude: request.exclude, knownNames: persons.map((person) => person.full_name) },
          );
          return {
            host: plan.host,
            kind: request.kind,
            provider: settings.provider,
            destination: endpointOriginOf(settings),
            messages: prompt.messages,
            characters: prompt.characters,
            excluded: prompt.excluded,
            leftOut: prompt.leftOut,
            restorations: prompt.restorations,
            currentText: input.currentText,
          };
        }),
      async 'ai/summarise-thread'(request, { sender }) {
        const session = await pageSession(request.url, sender);
        const context = parseKitsuUrl(request.url);
        if (context.kind !== 'task') throw new RefusedError('Threads are summarised on a task page.');
        const origin = session.connection.origin;
        await aiRefusing(async () => assertAiAllowed(await aiStore.read(), origin));
        const where = `summary/${encodeURIComponent(origin)}/${encodeURIComponent(context.taskId)}`;
        await browser.windows.create({
          url: browser.runtime.getURL(`/confirm.html#${where}`),
          type: 'popup',
          width: 760,
          height: 820,
        });
        return { opened: true };
      },
      'ai/prepare-summary': (request) =>
        aiRefusing(async () => {
          const settings = await aiStore.read();
          assertAiAllowed(settings, request.host);
          const session = await sessions.for(request.host);
          if (!session) throw new PlanRefusal(`${request.host} has no connection any more.`);
          const [task, comments, persons, statuses] = await Promise.all([
            session.reads.fullTask('swr', request.taskId),
            session.reads.taskComments('swr', request.taskId),
            session.reads.persons('swr'),
            session.reads.taskStatuses('swr'),
          ]);
          const input = threadSummaryInput(task, comments, { persons, statuses });
          const prompt = buildPrompt(
            { purpose: 'thread-summary', input },
            { exclude: request.exclude, knownNames: persons.map((person) => person.full_name) },
          );
          return {
            host: request.host,
            provider: settings.provider,
            destination: endpointOriginOf(settings),
            taskLabel: input.taskLabel,
            commentCount: comments.length,
            messages: prompt.messages,
            characters: prompt.characters,
            excluded: prompt.excluded,
            leftOut: prompt.leftOut,
            restorations: prompt.restorations,
          };
        }),
      'plans/replace-comment': (request) => refusing(() => planFlow.replaceCommentText(request.planId, request.text)),
      async 'agent/suggestions'(request, { sender }) {
        const { session, context } = await agentPage(request.url, sender);
        const now = new Date();
        const [result, dismissals] = await Promise.all([
          runAgent(session, context, { mode: 'swr', now }),
          storedDismissals(session.connection.origin),
        ]);
        for (const diagnostic of result.diagnostics) {
          console.warn('[sidekick] agent:', diagnostic.ruleId, diagnostic.message);
        }
        const visible = visibleSuggestions(result.suggestions, dismissals, now);
        return suggestionsView(result.suggestions, visible, {
          problems: result.diagnostics.length,
          link: taskLinker(result.index, session.connection.origin, context),
        });
      },
      async 'agent/dismiss'(request, { sender }) {
        const session = await pageSession(request.url, sender);
        const origin = session.connection.origin;
        const change = dismissing.then(async () => {
          const dismissals = withDismissal(
            await storedDismissals(origin),
            request.suggestionId,
            request.days,
            new Date(),
          );
          await browser.storage.local.set({ [dismissalsKey(origin)]: dismissals });
        });
        dismissing = change.catch(() => {});
        await change;
        return { hidden: true };
      },
      async 'agent/review-plan'(request, { sender }) {
        const { session, context } = await agentPage(request.url, sender);
        return refusing(async () => {
          const result = await runAgent(session, context, { mode: 'fresh', now: new Date() });
          const suggestion = result.suggestions.find((candidate) => candidate.id === request.suggestionId);
          if (!suggestion)
            throw new PlanRefusal('This suggestion no longer applies: Kitsu changed since it was shown.');
          if (!suggestion.plan) throw new PlanRefusal('This suggestion is information only: it has no plan.');
          if (!suggestion.actionable) {
            throw new PlanRefusal(`Sidekick’s Kitsu role cannot run this plan (it needs ${suggestion.planRole}).`);
          }
          return planFlow.propose(suggestion.plan);
        });
      },
      async 'bulk/choices'(request, { sender }) {
        const session = await pageSession(request.url, sender);
        return bulkChoices(session, bulkScopeFor(request.url));
      },
      async 'bulk/select'(request, { sender }) {
        const session = await pageSession(request.url, sender);
        return bulkSelection(session, bulkScopeFor(request.url), request.filter);
      },
      async 'bulk/propose'(request, { sender }) {
        const session = await pageSession(request.url, sender);
        return refusing(async () => {
          const plan = await bulkPlan(session, bulkScopeFor(request.url), request, {
            planId: crypto.randomUUID(),
            now: new Date(),
          });
          return planFlow.propose(plan);
        });
      },
      'plans/preview': (request) => refusing(() => planFlow.preview(request.planId)),
      async 'plans/execute'(request) {
        await refusing(() => planFlow.execute(request.planId));
        return { started: true };
      },
      'plans/status': (request) => refusing(() => planFlow.status(request.planId)),
      'plans/cancel': async (request) => ({ cancelled: await planFlow.cancel(request.planId) }),
      'plans/undo': (request) => refusing(() => planFlow.undo(request.planId)),
      'plans/resume': (request) => refusing(async () => ({ resumed: await planFlow.resume(request.planId) })),
      'plans/retry-failed': (request) => refusing(() => planFlow.retryFailed(request.planId)),
      'plans/escape-hashtags': (request) => refusing(() => planFlow.escapeHashtags(request.planId)),
      async 'publish/open'(request, { sender }) {
        await pageSession(request.url, sender);
        if (!publishPageOf(parseKitsuUrl(request.url))) {
          throw new RefusedError('Batch publish works on production, entity, task-type and task pages.');
        }
        // An extension page: the files chosen there never pass through the Kitsu page.
        await browser.windows.create({
          url: browser.runtime.getURL(`/publish.html#${encodeURIComponent(request.url)}`),
          type: 'popup',
          width: 1000,
          height: 860,
        });
        return { opened: true as const };
      },
      async 'publish/catalog'(request) {
        const { session, page } = await publishSession(request.url);
        return { ...(await publishCatalog(session, page)), scope: page.scope };
      },
      async 'publish/propose'(request) {
        const { session, page } = await publishSession(request.url);
        return refusing(async () => {
          try {
            const plan = await publishPlan(session, page, request, { planId: crypto.randomUUID(), now: new Date() });
            return await planFlow.propose(plan);
          } catch (error) {
            if (error instanceof PublishPlanError) throw new PlanRefusal(error.message);
            throw error;
          }
        });
      },
      'settings/get': () => readOperatorSettings(),
      async 'settings/save'(request) {
        try {
          return await saveOperatorSettings(request);
        } catch (error) {
          throw new RefusedError(error instanceof Error ? error.message : String(error));
        }
      },
      async 'audit/list'(request) {
        const records = await audit.list({ planId: request.planId, taskId: request.taskId, since: request.since });
        return { records: records.map(auditView) };
      },
      async 'audit/export'(request) {
        const stamp = new Date().toISOString().slice(0, 10);
        return request.format === 'csv'
          ? { content: await audit.toCSV(), fileName: `sidekick-audit-${stamp}.csv` }
          : { content: await audit.toJSON(), fileName: `sidekick-audit-${stamp}.json` };
      },
      async 'dock/load-panels'(_request, { sender }) {
        if (sender.kind !== 'content-script') throw new RefusedError('Only a Kitsu page can ask this.');
        // Into the asking tab's top frame (content scripts run there only), in the isolated world by default.
        await browser.scripting.executeScript({
          target: { tabId: sender.tabId, frameIds: [0] },
          files: [LAZY_PANELS_SCRIPT],
        });
        return { loaded: true as const };
      },
      async 'page/overview'(request, { sender }) {
        const session = await pageSession(request.url, sender);
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
      // Kitsu's failures (unreachable, 5xx, a revoked token) reach the panels as what to do, not as "could not answer".
      describeFailure: (error) => (isKitsuApiError(error) ? describeKitsuError(error) : undefined),
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
    const facts: SenderFacts = {
      id: port.sender?.id,
      url: port.sender?.url,
      tabId: port.sender?.tab?.id,
      frameId: port.sender?.frameId,
    };
    const sender = classifySender(facts, browser.runtime.id, ownOrigin);
    if (port.name === AI_PORT_NAME) {
      // Model calls are for Sidekick's own pages only: a Kitsu page never sends data to a model.
      if (sender.kind !== 'extension-page' && sender.kind !== 'confirm-page') return port.disconnect();
      return serveAiPort(port, ai);
    }
    if (port.name !== PAGE_PORT_NAME) return port.disconnect();
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

/** An audit record as the options page lists it: values shown as JSON text. */
function auditView(record: AuditRecord) {
  return {
    at: record.at,
    operator: record.operator,
    planId: record.planId,
    jobId: record.jobId,
    taskId: record.taskId,
    kind: record.kind,
    result: record.reason ? `${record.result}: ${record.reason}` : record.result,
    before: JSON.stringify(record.before ?? null),
    after: JSON.stringify(record.after ?? null),
  };
}
