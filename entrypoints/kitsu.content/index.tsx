import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { SidekickPanel } from '../../components/SidekickPanel';
import { ask } from '../../lib/messaging/client';
import dockCss from './style.css?inline';

export const DOCK_ELEMENT_NAME = 'kitsu-sidekick';

export default defineContentScript({
  // Registered at runtime by the background, only for the Kitsu hosts a person granted.
  registration: 'runtime',
  matches: [],
  // The dock's CSS travels inside the script, so no extension file has to be web-accessible.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: DOCK_ELEMENT_NAME,
      position: 'inline',
      anchor: 'body',
      css: dockCss,
      onMount(container) {
        render(<SidekickPanel askStatus={(askedTimes) => ask({ type: 'status', askedTimes })} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});
