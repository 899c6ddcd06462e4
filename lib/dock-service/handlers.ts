import type { ContentScriptSender, SessionGuards } from '../connections/guards';
import type { Session } from '../connections/session';
import type { EventStreamStatus } from '../events';
import { describeContext, parseKitsuUrl } from '../kitsu-routes';
import { type DomainHandlers, refusingWith } from '../messaging/router';
import { PanelsRefusal } from './inject-panels';
import { connectionLine, pageNames, popupConnection } from './overview';

export type DockHandlerPorts = {
  guards: Pick<SessionGuards, 'pageSession' | 'contentScript'>;
  sessionFor: (origin: string) => Promise<Session | null>;
  liveStatus: (origin: string) => EventStreamStatus | null;
  paused: { read: () => Promise<boolean>; write: (paused: boolean) => Promise<void> };
  injectPanels: (sender: ContentScriptSender) => Promise<void>;
  extensionVersion: () => string;
};

/** page/overview, popup/state, settings/set-paused, dock/load-panels: the dock's and the popup's questions. */
export function createDockHandlers(ports: DockHandlerPorts): DomainHandlers<'dock'> {
  const { guards, paused } = ports;
  return refusingWith((error) => error instanceof PanelsRefusal, {
    'page/overview': async (request, { sender }) => {
      const session = await guards.pageSession(request.url, sender);
      const context = parseKitsuUrl(request.url);
      const [connection, names] = await Promise.all([
        connectionLine(session.connection.label, session.reads),
        pageNames(context, session.reads),
      ]);
      return { where: describeContext(context), connection, names };
    },
    'popup/state': async (request) => {
      const [isPaused, session] = await Promise.all([
        paused.read(),
        request.origin ? ports.sessionFor(request.origin) : Promise.resolve(null),
      ]);
      return {
        extensionVersion: ports.extensionVersion(),
        paused: isPaused,
        connection: session ? await popupConnection(session, ports.liveStatus(session.connection.origin)) : null,
      };
    },
    'settings/set-paused': async (request) => {
      await paused.write(request.paused);
      return { paused: request.paused };
    },
    'dock/load-panels': async (_request, { sender }) => {
      await ports.injectPanels(guards.contentScript(sender));
      return { loaded: true as const };
    },
  });
}
