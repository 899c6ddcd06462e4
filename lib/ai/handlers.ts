import type { SessionGuards } from '../connections/guards';
import type { ExtensionWindows } from '../extension/windows';
import { t } from '../i18n/pure';
import { isTaskPage, parseKitsuUrl } from '../kitsu-routes';
import { type DomainHandlers, RefusedError, refusingWith } from '../messaging/router';
import type { PlanFlow } from '../plans/flow';
import { PlanRefusal } from '../plans/pending';
import { AiError } from './errors';
import { prepareDraft, prepareSummary } from './prepare';
import { type SaveAiSettingsPorts, saveAiSettings } from './save-settings';
import type { AiService } from './service';
import { aiSettingsView, assertAiAllowed } from './settings';

export type AiHandlerPorts = SaveAiSettingsPorts & {
  ai: Pick<AiService, 'test'>;
  flow: Pick<PlanFlow, 'confirmable'>;
  guards: Pick<SessionGuards, 'pageSession' | 'hostSession'>;
  windows: Pick<ExtensionWindows, 'confirm'>;
};

const TEST_TIMEOUT_MS = 120_000;

/** AI refusals, and the plans' (a draft is for a pending plan), are written for people. */
const isRefusal = (error: unknown): error is Error => error instanceof AiError || error instanceof PlanRefusal;

/** ai/*: settings, the connection test, and the prompts shown before anything is sent to a model. */
export function createAiHandlers(ports: AiHandlerPorts): DomainHandlers<'ai'> {
  const { store, ai, flow, guards, windows } = ports;
  return refusingWith(isRefusal, {
    'ai/settings/get': async () => aiSettingsView(await store.read()),
    'ai/settings/save': async ({ type: _type, ...form }) => aiSettingsView(await saveAiSettings(form, ports)),
    'ai/test': async () => {
      try {
        return { ok: true as const, ...(await ai.test(AbortSignal.timeout(TEST_TIMEOUT_MS))) };
      } catch (error) {
        const failure = error instanceof AiError ? error : new AiError('server', t('errorAiTestFailed'));
        return { ok: false as const, problem: failure.problem, message: failure.message };
      }
    },
    'ai/prepare-draft': async (request) => {
      const pending = await flow.confirmable(request.planId);
      const settings = await store.read();
      assertAiAllowed(settings, pending.plan.host);
      const session = await guards.hostSession(pending.plan.host);
      return prepareDraft(pending, settings, session.reads, request);
    },
    'ai/summarise-thread': async (request, { sender }) => {
      const session = await guards.pageSession(request.url, sender);
      const context = parseKitsuUrl(request.url);
      if (!isTaskPage(context)) throw new RefusedError(t('refusalThreadsOnTaskPage'));
      const origin = session.connection.origin;
      assertAiAllowed(await store.read(), origin);
      await windows.confirm(`summary/${encodeURIComponent(origin)}/${encodeURIComponent(context.taskId)}`);
      return { opened: true };
    },
    'ai/prepare-summary': async (request) => {
      const settings = await store.read();
      assertAiAllowed(settings, request.host);
      const session = await guards.hostSession(request.host);
      return prepareSummary(request.host, request.taskId, settings, session.reads, request.exclude);
    },
  });
}
