import type { PageContext } from '../../lib/kitsu-routes';
import { bulkCommentStatus } from './bulk-comment-status';
import { suggestions } from './suggestions';
import { thisPage } from './this-page';
import type { DockFeature } from './types';

/** Every dock section, in display order. Adding a feature = adding its file and one line here. */
export const features: readonly DockFeature[] = [thisPage, suggestions, bulkCommentStatus];

export function featuresFor(context: PageContext, all: readonly DockFeature[] = features): DockFeature[] {
  return all.filter((feature) => feature.include(context));
}
