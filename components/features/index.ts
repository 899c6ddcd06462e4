import type { PageContext } from '../../lib/kitsu-routes';
import { defineLazyFeature } from './lazy';
import { thisPage } from './this-page';
import type { DockFeature } from './types';

const onShotOrAssetList = (context: PageContext) =>
  (context.kind === 'entity-list' || context.kind === 'task-type') &&
  (context.entityType === 'shot' || context.entityType === 'asset');
// The production pages the agent looks at (lib/agent/view agentPageOf, not imported: it would grow this bundle).
const onAgentPage = (context: PageContext) =>
  context.kind === 'entity-list' ||
  context.kind === 'task-type' ||
  context.kind === 'entity' ||
  context.kind === 'task';

// lib/publish/service publishPageOf's pages, not imported for the same reason.
const onPublishPage = (context: PageContext) => context.kind === 'production-page' || onAgentPage(context);

/**
 * Every dock section, in display order. Adding a feature = adding its file and one line here (and, for
 * a lazy one, its panel in ./lazy-panels.ts).
 */
export const features: readonly DockFeature[] = [
  thisPage,
  defineLazyFeature({ id: 'suggestions', title: 'Suggestions', include: onAgentPage }),
  defineLazyFeature({ id: 'bulk-helpers', title: 'Bulk helpers', include: onShotOrAssetList }),
  defineLazyFeature({ id: 'ai-summary', title: 'AI summary', include: (context) => context.kind === 'task' }),
  defineLazyFeature({ id: 'publish', title: 'Batch publish', include: onPublishPage }),
];

export function featuresFor(context: PageContext, all: readonly DockFeature[] = features): DockFeature[] {
  return all.filter((feature) => feature.include(context));
}
