import type { PageContext } from '../../lib/kitsu-routes';
import { defineLazyFeature } from './lazy';
import { suggestions } from './suggestions';
import { thisPage } from './this-page';
import type { DockFeature } from './types';

const onShotOrAssetList = (context: PageContext) =>
  (context.kind === 'entity-list' || context.kind === 'task-type') &&
  (context.entityType === 'shot' || context.entityType === 'asset');

/**
 * Every dock section, in display order. Adding a feature = adding its file and one line here (and, for
 * a lazy one, its panel in ./lazy-panels.ts).
 */
export const features: readonly DockFeature[] = [
  thisPage,
  suggestions,
  defineLazyFeature({ id: 'bulk-comment-status', title: 'Comment and set status', include: onShotOrAssetList }),
];

export function featuresFor(context: PageContext, all: readonly DockFeature[] = features): DockFeature[] {
  return all.filter((feature) => feature.include(context));
}
