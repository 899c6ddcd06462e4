import type { ComponentType } from 'preact';
import type { PageContext } from '../kitsu-routes';

export type FeatureProps = {
  context: PageContext;
  /** Aborted when the person leaves the page: every request and listener of the panel stops. */
  signal: AbortSignal;
  /** Grows when live events say the page's data changed: panels read again (the cache was invalidated). */
  dataVersion: number;
  /** Tells the dock how many things the panel lists (suggestions): shown on its title and toggle button. */
  onCount?: (count: number) => void;
  /** A read of Kitsu failed: the dock has the panels read again later, by itself. */
  onReadFailed?: () => void;
};

/** One dock section: one file under components/features/, listed in the registry (components/features/index.ts). */
export type DockFeature = {
  id: string;
  title: string;
  /** Declarative condition on the page context: the section only exists where it returns true. */
  include: (context: PageContext) => boolean;
  Panel: ComponentType<FeatureProps>;
};

export function defineFeature(feature: DockFeature): DockFeature {
  return feature;
}
