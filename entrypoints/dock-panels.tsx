import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { lazyPanels } from '../components/features/lazy-panels';
import type { FeatureProps } from '../lib/dock/feature';
import { installedLazyPanels, installLazyPanels } from '../lib/dock/lazy-panels';

// Injected by the background into a Kitsu page's isolated world when the dock first shows a lazy panel.
export default defineUnlistedScript(() => {
  // Two panels asking at once may inject it twice: the first copy keeps serving.
  if (installedLazyPanels()) return;
  installLazyPanels({
    mount(featureId, element, props) {
      const Panel = lazyPanels[featureId];
      if (!Panel) throw new Error(`Sidekick has no panel "${featureId}".`);
      const show = (next: FeatureProps) => render(<Panel {...next} />, element);
      show(props);
      return { update: show, unmount: () => render(null, element) };
    },
  });
});
