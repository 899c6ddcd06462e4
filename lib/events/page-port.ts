// The port each Kitsu page keeps open to the background (PAGE_PORT_NAME): it says where the page is
// after each navigation and receives "changed" notices; its closing tells the background the page is gone.
import { type PageNotice, pagePortMessageSchema } from '../messaging/protocol';
import { originOf } from '../messaging/sender';
import type { LivePages } from './live-pages';

export type PagePort = {
  postMessage(message: PageNotice): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
};

/** Serves a content script's page port, once its origin is known to be a configured Kitsu. */
export function servePagePort(
  port: PagePort,
  origin: string,
  { livePages, isConfiguredOrigin }: { livePages: LivePages; isConfiguredOrigin: (origin: string) => Promise<boolean> },
): void {
  // Messages may arrive before the origin check below settles: keep them in order.
  const ready = isConfiguredOrigin(origin).then((configured) => {
    if (!configured) {
      port.disconnect();
      return false;
    }
    livePages.open(port, { origin, post: (notice) => port.postMessage({ type: 'changed', ...notice }) });
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
}
