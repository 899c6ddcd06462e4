import type { ComponentType } from 'preact';
import { BulkCommentStatus } from './bulk-comment-status';
import type { FeatureProps } from './types';

/**
 * Panels of the lazy script (entrypoints/dock-panels.tsx), by feature id. Each is also listed in
 * ./index.ts with `defineLazyFeature`, which says where it applies without bundling it.
 */
export const lazyPanels: Readonly<Record<string, ComponentType<FeatureProps>>> = {
  'bulk-comment-status': BulkCommentStatus,
};
