import type { SessionGuards } from '../connections/guards';
import { t } from '../i18n/pure';
import { parseKitsuUrl } from '../kitsu-routes';
import { type DomainHandlers, RefusedError, refusingWith } from '../messaging/router';
import type { PlanFlow } from '../plans/flow';
import { PlanRefusal } from '../plans/pending';
import { bulkChoices, bulkPlan, bulkScopeOf, bulkSelection } from './service';

export type BulkHandlerPorts = {
  guards: Pick<SessionGuards, 'pageSession'>;
  flow: Pick<PlanFlow, 'propose'>;
  newId: () => string;
  now: () => Date;
};

function bulkScopeFor(url: string) {
  const scope = bulkScopeOf(parseKitsuUrl(url));
  if (!scope) throw new RefusedError(t('refusalBulkPages'));
  return scope;
}

/** bulk/*: the bulk helpers panel on shot and asset lists and task-type pages. */
export function createBulkHandlers({ guards, flow, newId, now }: BulkHandlerPorts): DomainHandlers<'bulk'> {
  return refusingWith((error) => error instanceof PlanRefusal, {
    'bulk/choices': async (request, { sender }) => {
      const session = await guards.pageSession(request.url, sender);
      return bulkChoices(session, bulkScopeFor(request.url));
    },
    'bulk/select': async (request, { sender }) => {
      const session = await guards.pageSession(request.url, sender);
      return bulkSelection(session, bulkScopeFor(request.url), request.filter, now());
    },
    'bulk/propose': async (request, { sender }) => {
      const session = await guards.pageSession(request.url, sender);
      const plan = await bulkPlan(session, bulkScopeFor(request.url), request, { planId: newId(), now: now() });
      return flow.propose(plan);
    },
  });
}
