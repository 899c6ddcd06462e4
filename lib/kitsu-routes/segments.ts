import type { EntityType, EpisodeScope, PageParams, Uuid } from './schema';

// Plain validators of URL path segments. parseKitsuUrl runs in the content script, which has a size
// budget: validating with the zod schemas there would bundle zod's pipes, transforms, unions and string
// formats. These functions give exactly what the schemas of schema.ts accept (test/unit/kitsu-routes-segments
// checks that they agree), while the schemas stay the source of the types. Each returns undefined when
// the segment is invalid; no valid value is undefined.

// Same pattern as zod's z.guid(): the 8-4-4-4-12 shape, any version and variant bits.
const GUID = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

// Zou always emits lowercase ids; lowering here lets contexts be compared with API data directly.
export function lowerUuid(segment: string): Uuid | undefined {
  const lowered = segment.toLowerCase();
  return GUID.test(lowered) ? (lowered as Uuid) : undefined;
}

// Studio plugins are addressed by the plugin_id of their manifest (a name), not by a UUID.
export const PLUGIN_ID = /^[\w.-]+$/;

// Bounds of the numeric page params, shared with PageParamsSchema. Plain numbers, not pairs: a schema that
// reads an array element as an argument would be kept by the bundler even when unused.
export const YEAR_MIN = 1970;
export const YEAR_MAX = 9999;
export const MONTH_MIN = 1;
export const MONTH_MAX = 12;
export const WEEK_MIN = 1;
export const WEEK_MAX = 53;
export const DAY_MIN = 1;
export const DAY_MAX = 31;

const boundedInt =
  (digits: RegExp, min: number, max: number) =>
  (segment: string): number | undefined => {
    if (!digits.test(segment)) return undefined;
    const value = Number(segment);
    return value >= min && value <= max ? value : undefined;
  };

export const PLURAL_TO_ENTITY_TYPE = {
  assets: 'asset',
  shots: 'shot',
  sequences: 'sequence',
  edits: 'edit',
  episodes: 'episode',
} as const satisfies Record<string, EntityType>;

// Studio-level pages outside any production that have no dedicated kind (see StudioSectionSchema).
export const STUDIO_SECTIONS = [
  'productions',
  'new-production',
  'notifications',
  'entity-search',
  'entity-chats',
  'news-feed',
  'asset-library',
  'people',
  'bots',
  'departments',
  'studios',
  'asset-types',
  'task-types',
  'task-status',
  'backgrounds',
  'custom-actions',
  'status-automations',
  'software-licenses',
  'hardware-items',
  'salary-scale',
  'settings',
  'logs',
  'project-templates',
  'main-schedule',
  'timesheets',
  'profile',
  'plugins',
] as const;

// How each `:name` segment of a route pattern is validated and converted. A segment that fails makes
// the route not match, so a malformed id falls through to `other`.
export const SEGMENT_PARSERS = {
  productionId: lowerUuid,
  // On TV shows the episode selector also offers every episode ('all') and the main pack ('main').
  episodeId: (segment: string): EpisodeScope | undefined =>
    segment === 'all' || segment === 'main' ? segment : lowerUuid(segment),
  // The episode *entity* of a page: pseudo-episodes have no page or tasks of their own.
  episodeEntityId: lowerUuid,
  entityId: lowerUuid,
  // Task-type and task pages name the entity type in plural (Kitsu's `:type`).
  entityTypes: (segment: string): EntityType | undefined =>
    Object.hasOwn(PLURAL_TO_ENTITY_TYPE, segment)
      ? PLURAL_TO_ENTITY_TYPE[segment as keyof typeof PLURAL_TO_ENTITY_TYPE]
      : undefined,
  taskTypeId: lowerUuid,
  taskId: lowerUuid,
  previewId: lowerUuid,
  personId: lowerUuid,
  playlistId: lowerUuid,
  templateId: lowerUuid,
  assetTypeId: lowerUuid,
  // The breakdown uses 'all' when no single sequence is picked.
  sequenceId: (segment: string): PageParams['sequenceId'] => (segment === 'all' ? segment : lowerUuid(segment)),
  pluginId: (segment: string): PageParams['pluginId'] => (PLUGIN_ID.test(segment) ? segment : undefined),
  year: boundedInt(/^\d{4}$/, YEAR_MIN, YEAR_MAX),
  month: boundedInt(/^\d{1,2}$/, MONTH_MIN, MONTH_MAX),
  week: boundedInt(/^\d{1,2}$/, WEEK_MIN, WEEK_MAX),
  day: boundedInt(/^\d{1,2}$/, DAY_MIN, DAY_MAX),
} satisfies Record<string, (segment: string) => unknown>;
