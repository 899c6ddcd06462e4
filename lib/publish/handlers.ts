import type { SessionGuards } from '../connections/guards';
import type { ExtensionWindows } from '../extension/windows';
import { t } from '../i18n/pure';
import { parseKitsuUrl } from '../kitsu-routes';
import { type DomainHandlers, RefusedError, refusingWith } from '../messaging/router';
import type { PlanFlow } from '../plans/flow';
import { PlanRefusal } from '../plans/pending';
import type { StoredFileReader } from './checks';
import { PublishPlanError } from './plan';
import { publishCatalog, publishPageOf, publishPlan } from './service';
import type { PublishSettings } from './settings';

export type PublishHandlerPorts = {
  guards: Pick<SessionGuards, 'pageSession' | 'configuredSession'>;
  flow: Pick<PlanFlow, 'propose'>;
  windows: Pick<ExtensionWindows, 'publish'>;
  files: StoredFileReader;
  settings: () => Promise<PublishSettings>;
  newId: () => string;
  now: () => Date;
};

function publishPageFor(url: string) {
  const page = publishPageOf(parseKitsuUrl(url));
  if (!page) throw new RefusedError(t('refusalPublishPages'));
  return page;
}

const isRefusal = (error: unknown): error is Error => error instanceof PlanRefusal || error instanceof PublishPlanError;

/** publish/*: the dock opens the publish page; the publish page reads its catalog and proposes plans. */
export function createPublishHandlers(ports: PublishHandlerPorts): DomainHandlers<'publish'> {
  const { guards, flow } = ports;
  return refusingWith(isRefusal, {
    'publish/open': async (request, { sender }) => {
      await guards.pageSession(request.url, sender);
      publishPageFor(request.url);
      // An extension page: the files chosen there never pass through the Kitsu page.
      await ports.windows.publish(encodeURIComponent(request.url));
      return { opened: true as const };
    },
    'publish/catalog': async (request) => {
      const session = await guards.configuredSession(request.url);
      const page = publishPageFor(request.url);
      return { ...(await publishCatalog(session, page)), scope: page.scope };
    },
    'publish/propose': async (request) => {
      const session = await guards.configuredSession(request.url);
      const page = publishPageFor(request.url);
      const { maxPlanGigabytes } = await ports.settings();
      const options = { planId: ports.newId(), now: ports.now(), files: ports.files, maxPlanGigabytes };
      return flow.propose(await publishPlan(session, page, request, options));
    },
  });
}
