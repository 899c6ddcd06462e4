import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PAGE_PORT_NAME, type PageNotice, type PagePortMessage, pageNoticeSchema } from '../../lib/messaging/protocol';

const RECONNECT_DELAY_MS = 1_000;

/**
 * The page's line to the background: where the page is, and notices back. When the service worker
 * stops, the port closes; the line opens again and says where the page is, so live updates resume.
 */
export function openPageLink(ctx: ContentScriptContext, initialUrl: string) {
  const listeners = new Set<(notice: PageNotice) => void>();
  let currentUrl = initialUrl;
  let port: ReturnType<typeof browser.runtime.connect> | null = null;

  const post = (message: PagePortMessage) => port?.postMessage(message);

  function connect() {
    if (ctx.isInvalid) return;
    port = browser.runtime.connect({ name: PAGE_PORT_NAME });
    port.onMessage.addListener((raw: unknown) => {
      const notice = pageNoticeSchema.safeParse(raw);
      if (notice.success) for (const listener of listeners) listener(notice.data);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      ctx.setTimeout(connect, RECONNECT_DELAY_MS);
    });
    post({ type: 'page/visit', url: currentUrl });
  }
  connect();
  ctx.onInvalidated(() => port?.disconnect());

  return {
    visit(url: string) {
      currentUrl = url;
      post({ type: 'page/visit', url });
    },
    onNotice(listener: (notice: PageNotice) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
