import type { DockFeature } from '../../lib/dock/feature';
import { t } from '../../lib/i18n/page';
import {
  isProductionSectionPage,
  isShotOrAssetList,
  isTaskPage,
  isTaskScopePage,
  type PageContext,
} from '../../lib/kitsu-routes';
import { defineLazyFeature } from './lazy';
import { thisPage } from './this-page';

// The same predicates decide, in the background, where each feature answers (lib/agent/view agentPageOf,
// lib/bulk/service bulkScopeOf, lib/publish/service publishPageOf).
const onPublishPage = (context: PageContext) => isProductionSectionPage(context) || isTaskScopePage(context);

/**
 * Every dock section, in display order. Adding a feature = adding its file and one line here (and, for
 * a lazy one, its panel in ./lazy-panels.ts).
 */
export const features: readonly DockFeature[] = [
  thisPage,
  defineLazyFeature({ id: 'suggestions', title: t('featureSuggestions'), include: isTaskScopePage }),
  defineLazyFeature({ id: 'bulk-helpers', title: t('featureBulkHelpers'), include: isShotOrAssetList }),
  defineLazyFeature({ id: 'ai-summary', title: t('featureAiSummary'), include: isTaskPage }),
  defineLazyFeature({ id: 'publish', title: t('featurePublish'), include: onPublishPage }),
];

export function featuresFor(context: PageContext, all: readonly DockFeature[] = features): DockFeature[] {
  return all.filter((feature) => feature.include(context));
}
