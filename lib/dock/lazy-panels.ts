import type { FeatureProps } from './feature';

/**
 * Dock panels that are not needed on every Kitsu page live in a second script, which the background
 * injects into the page's isolated world on first use (`dock/load-panels`). The two scripts meet on a
 * global of that world: the content script's, which Kitsu's own scripts cannot see.
 */
export const LAZY_PANELS_SCRIPT = '/dock-panels.js';
const LAZY_PANELS_KEY = Symbol.for('kitsu-sidekick.lazy-panels');

export type MountedPanel = { update: (props: FeatureProps) => void; unmount: () => void };
export type LazyPanelHost = {
  /** Renders the panel of `featureId` into `element`; throws for an unknown id. */
  mount: (featureId: string, element: HTMLElement, props: FeatureProps) => MountedPanel;
};

type WithLazyPanels = { [LAZY_PANELS_KEY]?: LazyPanelHost };

export function installLazyPanels(host: LazyPanelHost, world: object = globalThis): void {
  (world as WithLazyPanels)[LAZY_PANELS_KEY] = host;
}

export function installedLazyPanels(world: object = globalThis): LazyPanelHost | undefined {
  return (world as WithLazyPanels)[LAZY_PANELS_KEY];
}
