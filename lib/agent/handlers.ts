import type { SessionGuards } from '../connections/guards';
import type { Session } from '../connections/session';
import { t } from '../i18n/pure';
import { parseKitsuUrl } from '../kitsu-routes';
import { type DomainHandlers, type HandlerContext, RefusedError, refusingWith } from '../messaging/router';
import type { PlanFlow } from '../plans/flow';
import { PlanRefusal } from '../plans/pending';
import type { DismissalStore } from './dismissals';
import { type RunResult, visibleSuggestions } from './engine';
import type { DecisionFeedState } from './human-changes';
import { type AgentPageContext, agentPageOf, suggestionsView, taskLinker } from './view';

export type AgentHandlerPorts = {
  guards: Pick<SessionGuards, 'pageSession'>;
  runAgent: (
    session: Session,
    context: AgentPageContext,
    options: { mode: 'swr' | 'fresh'; now: Date },
  ) => Promise<RunResult & { decisionFeed?: DecisionFeedState }>;
  dismissals: DismissalStore;
  flow: Pick<PlanFlow, 'propose'>;
  now: () => Date;
  /** Rules that could not run (bad settings, unexpected data): said in the background's console. */
  warn: (ruleId: string, message: string) => void;
};

/** agent/*: the suggestions panel on production pages. */
export function createAgentHandlers(ports: AgentHandlerPorts): DomainHandlers<'agent'> {
  const { guards, dismissals, flow } = ports;

  /** A production page the agent looks at, on the sender's own Kitsu. */
  async function agentPage(url: string, sender: HandlerContext['sender']) {
    const session = await guards.pageSession(url, sender);
    const context = agentPageOf(parseKitsuUrl(url));
    if (!context) {
      throw new RefusedError(t('reasonRefusedNotProductionPage'));
    }
    return { session, context };
  }

  return refusingWith((error) => error instanceof PlanRefusal, {
    'agent/suggestions': async (request, { sender }) => {
      const { session, context } = await agentPage(request.url, sender);
      const now = ports.now();
      const [result, dismissed] = await Promise.all([
        ports.runAgent(session, context, { mode: 'swr', now }),
        dismissals.read(session.connection.origin),
      ]);
      for (const diagnostic of result.diagnostics) ports.warn(diagnostic.ruleId, diagnostic.message);
      const visible = visibleSuggestions(result.suggestions, dismissed, now);
      return suggestionsView(result.suggestions, visible, {
        problems: result.diagnostics.length,
        link: taskLinker(result.index, session.connection.origin, context),
        humanDecisionsUnchecked: result.decisionFeed?.available === false ? result.decisionFeed.reason : null,
      });
    },
    'agent/dismiss': async (request, { sender }) => {
      const session = await guards.pageSession(request.url, sender);
      await dismissals.add(session.connection.origin, request.suggestionId, request.days, ports.now());
      return { hidden: true };
    },
    'agent/review-plan': async (request, { sender }) => {
      const { session, context } = await agentPage(request.url, sender);
      const result = await ports.runAgent(session, context, { mode: 'fresh', now: ports.now() });
      const suggestion = result.suggestions.find((candidate) => candidate.id === request.suggestionId);
      if (!suggestion) throw new PlanRefusal(t('reasonRefusedGone'));
      if (!suggestion.plan) throw new PlanRefusal(t('reasonRefusedNoPlan'));
      if (!suggestion.actionable) throw new PlanRefusal(t('reasonRefusedRole', { role: String(suggestion.planRole) }));
      return flow.propose(suggestion.plan);
    },
  });
}
