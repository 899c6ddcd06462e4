import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageContextKey, parseKitsuUrl } from '../../lib/kitsu-routes';
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
      // View state (`?task_id=` on every grid click, `?search=` on every keystroke) is not a new page.
      const samePage = pageKeyOf(url) === pageKeyOf(currentUrl);
      currentUrl = url;
      if (!samePage) post({ type: 'page/visit', url });
    },
    onNotice(listener: (notice: PageNotice) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function pageKeyOf(url: string): string {
  return pageContextKey(parseKitsuUrl(url));
}
