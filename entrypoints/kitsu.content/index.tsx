import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { onPausedChange, readPaused } from '../../lib/dock/paused';
import { acceptOnlyPersonInput } from '../../lib/dock/person-input';
import { pageNoticeSchema } from '../../lib/messaging/protocol';
import { DockApp, type DockShell } from './DockApp';
import { openPageLink } from './page-link';
import dockCss from './style.css?inline';

export const DOCK_ELEMENT_NAME = 'kitsu-sidekick';

export default defineContentScript({
  // Registered at runtime by the background, only for the Kitsu hosts a person configured.
  registration: 'runtime',
  matches: [],
  // The dock's CSS travels inside the script, so no extension file has to be web-accessible.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const collapsedKey = `dock-collapsed:${location.origin}`;
    const link = openPageLink(ctx, location.href);
    const shell: DockShell = {
      url: location.href,
      onLocationChange(listener) {
        // WXT dispatches its own event (Navigation API, or polling where there is none) carrying the new URL.
        let listening = true;
        ctx.addEventListener(window, 'wxt:locationchange', (event) => {
          link.visit(event.newUrl.href);
          if (listening) listener(event.newUrl.href);
        });
        return () => {
          listening = false;
        };
      },
      onToggleCommand(listener) {
        const onMessage = (message: unknown, sender: { id?: string }) => {
          if (sender.id !== browser.runtime.id) return;
          const notice = pageNoticeSchema.safeParse(message);
          if (notice.success && notice.data.type === 'dock/toggle') listener();
        };
        browser.runtime.onMessage.addListener(onMessage);
        return () => browser.runtime.onMessage.removeListener(onMessage);
      },
      onKitsuChange(listener) {
        return link.onNotice((notice) => {
          if (notice.type === 'changed') listener();
        });
      },
      async loadCollapsed() {
        const stored = await browser.storage.local.get(collapsedKey);
        return stored[collapsedKey] === true;
      },
      async saveCollapsed(collapsed) {
        await browser.storage.local.set({ [collapsedKey]: collapsed });
      },
    };

    const ui = await createShadowRootUi(ctx, {
      name: DOCK_ELEMENT_NAME,
      position: 'inline',
      anchor: 'body',
      css: dockCss,
      onMount(container) {
        render(<DockApp shell={shell} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    acceptOnlyPersonInput(ui.shadow);
    // Paused from the popup: the dock leaves every page at once, and comes back the same way.
    const showOrHide = (paused: boolean) => (paused ? ui.remove() : ui.mount());
    showOrHide(await readPaused());
    ctx.onInvalidated(onPausedChange(showOrHide));
  },
});
