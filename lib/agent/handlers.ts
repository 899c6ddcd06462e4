import type { SessionGuards } from '../connections/guards';
import type { Session } from '../connections/session';
import { t } from '../i18n/pure';
import { pageContextKey, parseKitsuUrl } from '../kitsu-routes';
import { type DomainHandlers, type HandlerContext, RefusedError, refusingWith } from '../messaging/router';
import type { PlanFlow } from '../plans/flow';
import { PlanRefusal } from '../plans/pending';
import type { DismissalStore } from './dismissals';
import { type RunResult, visibleSuggestions } from './engine';
import type { DecisionFeedState } from './human-changes';
import type { AgentSources } from './service';
import {
  type AgentPageContext,
  agentPageOf,
  type SuggestionsView,
  suggestionsView,
  taskLinker,
  viewChars,
} from './view';
import { createViewMemo } from './view-memo';

/** A view is made again after a minute at most: the rules count days late and recent decisions from now. */
const VIEW_MAX_AGE_MS = 60_000;
/** Pages whose last view is kept: a person's round of a production's lists and task types. */
const VIEW_PAGES = 8;
/**
 * Text of the views kept, in all: about 2 MB of the worker's heap. A view sends at most 20 suggestions per
 * rule, each with 8 reasons of 320 characters and 30 links: about 0.25 million characters at 5,000 as at
 * 75,000 tasks (view.ts), so the 8 pages fit.
 */
const VIEW_MAX_CHARS = 2_000_000;

export type AgentHandlerPorts = {
  guards: Pick<SessionGuards, 'pageSession'>;
  /** What the rules of a page are run on, read through the session's cache. */
  readAgentSources: (
    session: Session,
    context: AgentPageContext,
    options: { mode: 'swr' | 'fresh'; now: Date },
  ) => Promise<AgentSources>;
  runAgentOn: (
    context: AgentPageContext,
    sources: AgentSources,
    now: Date,
  ) => RunResult & { decisionFeed?: DecisionFeedState };
  dismissals: DismissalStore;
  flow: Pick<PlanFlow, 'propose'>;
  now: () => Date;
  /** Rules that could not run (bad settings, unexpected data): said in the background's console. */
  warn: (ruleId: string, message: string) => void;
};

/** agent/*: the suggestions panel on production pages. */
export function createAgentHandlers(ports: AgentHandlerPorts): DomainHandlers<'agent'> {
  const { guards, dismissals, flow } = ports;
  const views = createViewMemo<SuggestionsView>({
    maxAgeMs: VIEW_MAX_AGE_MS,
    pages: VIEW_PAGES,
    maxChars: VIEW_MAX_CHARS,
    sizeOf: viewChars,
  });

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
      const { origin } = session.connection;
      const [sources, dismissed] = await Promise.all([
        ports.readAgentSources(session, context, { mode: 'swr', now }),
        dismissals.read(origin),
      ]);
      const page = `${origin} ${pageContextKey(context)}`;
      const inputs = { identity: sources.identity, dismissals: JSON.stringify(dismissed) };
      const shown = views.reuse(page, inputs, now);
      if (shown) return shown;
      const result = ports.runAgentOn(context, sources, now);
      for (const diagnostic of result.diagnostics) ports.warn(diagnostic.ruleId, diagnostic.message);
      const visible = visibleSuggestions(result.suggestions, dismissed, now);
      const view = suggestionsView(result.suggestions, visible, {
        problems: result.diagnostics.length,
        link: taskLinker(result.index, origin, context),
        humanDecisionsUnchecked: result.decisionFeed?.available === false ? result.decisionFeed.reason : null,
      });
      return views.keep(page, inputs, now, view);
    },
    'agent/dismiss': async (request, { sender }) => {
      const session = await guards.pageSession(request.url, sender);
      await dismissals.add(session.connection.origin, request.suggestionId, request.days, ports.now());
      return { hidden: true };
    },
    'agent/review-plan': async (request, { sender }) => {
      const { session, context } = await agentPage(request.url, sender);
      const now = ports.now();
      const sources = await ports.readAgentSources(session, context, { mode: 'fresh', now });
      const result = ports.runAgentOn(context, sources, now);
      const suggestion = result.suggestions.find((candidate) => candidate.id === request.suggestionId);
      if (!suggestion) throw new PlanRefusal(t('reasonRefusedGone'));
      if (!suggestion.plan) throw new PlanRefusal(t('reasonRefusedNoPlan'));
      if (!suggestion.actionable) throw new PlanRefusal(t('reasonRefusedRole', { role: String(suggestion.planRole) }));
      return flow.propose(suggestion.plan);
    },
  });
}
