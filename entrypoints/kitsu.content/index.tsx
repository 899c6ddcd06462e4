import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import tokensCss from '../../components/tokens.css?inline';
import uiCss from '../../components/ui/ui.css?inline';
import { type DockFrame, openDockFrame } from '../../lib/dock/dock-frame';
import { createDockHost } from '../../lib/dock/dock-host';
import { type DockMover, placeDockHost } from '../../lib/dock/dock-placement';
import { guardHost, type HostGuard } from '../../lib/dock/host-guard';
import { onPausedChange, readPaused } from '../../lib/dock/paused';
import { acceptOnlyPersonInput } from '../../lib/dock/person-input';
import { DEFAULT_PLACE, DockPlaceSchema } from '../../lib/dock/placement';
import { everyAfterRendering, type IntervalTimers, renderedBoxes } from '../../lib/dom/after-rendering';
import { interfaceLanguage, t } from '../../lib/i18n/page';
import { pageNoticeSchema } from '../../lib/messaging/protocol';
import { DockApp, type DockShell } from './DockApp';
import hostCss from './host.css?inline';
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
    let mover: DockMover | null = null;
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
      moveByKey: (key) => mover?.moveByKey(key) ?? false,
      drag: (phase, screen) => mover?.drag(phase, screen),
    };

    // The root is closed: page scripts get no reference to it. Every build checks that it ships closed
    // (scripts/check-shipped-build.mjs); tests reach the dock's frame through the browser's driver.
    const { host, root } = createDockHost(DOCK_ELEMENT_NAME, hostCss);
    let frame: DockFrame | null = null;
    const mount = () => {
      document.documentElement.append(host);
      frame = openDockFrame(root, {
        css: `${tokensCss}\n${uiCss}\n${dockCss}`,
        title: t('extensionName'),
        lang: interfaceLanguage,
        onDocument: acceptOnlyPersonInput,
      });
      void frame.ready.then((body) => render(<DockApp shell={shell} />, body));
    };
    const unmount = () => {
      const mounted = frame;
      frame = null;
      if (mounted) {
        void mounted.ready.then((body) => render(null, body));
        mounted.dispose();
      }
      host.remove();
    };

    let guard: HostGuard | null = null;
    const show = () => {
      if (guard) return;
      mount();
      mover = placeHostRemembered(ctx, host, root);
      guard = guardHost(host, {
        remount: () => {
          unmount();
          mount();
        },
        intact: () => frame?.intact() ?? true,
        every: (check, intervalMs) => everyAfterRendering(contentTimers(ctx), check, intervalMs),
      });
    };
    const hide = () => {
      if (!guard) return;
      guard.stop();
      guard = null;
      mover?.stop();
      mover = null;
      unmount();
    };
    // Paused from the popup: the dock leaves every page at once, and comes back the same way.
    const showOrHide = (paused: boolean) => (paused ? hide() : show());
    ctx.onInvalidated(hide);
    showOrHide(await readPaused());
    ctx.onInvalidated(onPausedChange(showOrHide));
  },
});

/** The dock's place on this host, stored per host and parsed when read (it may predate this version). */
function placeHostRemembered(ctx: ContentScriptContext, host: HTMLElement, root: ShadowRoot): DockMover {
  const placeKey = `dock-place:${location.origin}`;
  return placeDockHost(host, root, {
    async load() {
      const stored = DockPlaceSchema.safeParse((await browser.storage.local.get(placeKey))[placeKey]);
      return stored.success ? stored.data : DEFAULT_PLACE;
    },
    save: (place) => browser.storage.local.set({ [placeKey]: place }),
    every: (check, intervalMs) => everyAfterRendering(contentTimers(ctx), check, intervalMs),
    rendered: renderedBoxes,
  });
}

/** The content script's interval timers: they stop when the extension reloads (the context is invalidated). */
const contentTimers = (ctx: ContentScriptContext): IntervalTimers => ({
  setInterval: (run, intervalMs) => ctx.setInterval(run, intervalMs),
  clearInterval: (timer) => clearInterval(timer),
});
