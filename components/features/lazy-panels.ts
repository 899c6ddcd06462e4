import type { ComponentType } from 'preact';
import type { FeatureProps } from '../../lib/dock/feature';
import { AiThreadSummary } from './ai-summary';
import { BulkHelpers } from './bulk-helpers';
import { PublishPreviews } from './publish';
import { Suggestions } from './suggestions';

/**
 * Panels of the lazy script (entrypoints/dock-panels.tsx), by feature id. Each is also listed in
 * ./index.ts with `defineLazyFeature`, which says where it applies without bundling it.
 */
export const lazyPanels: Readonly<Record<string, ComponentType<FeatureProps>>> = {
  'bulk-helpers': BulkHelpers,
  suggestions: Suggestions,
  'ai-summary': AiThreadSummary,
  publish: PublishPreviews,
};
