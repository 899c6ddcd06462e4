import { z } from 'zod/mini';
import {
  DAY_MAX,
  DAY_MIN,
  MONTH_MAX,
  MONTH_MIN,
  PLUGIN_ID,
  STUDIO_SECTIONS,
  WEEK_MAX,
  WEEK_MIN,
  YEAR_MAX,
  YEAR_MIN,
} from './segments';

// zod/mini, not classic zod: the content script bundles these schemas and has a size budget (mini is
// tree-shakable). `/* @__PURE__ */` marks schemas built with a method call (`.check`, `.brand`) as free of
// side effects, so a bundle that does not use them can drop them. parseKitsuUrl itself validates with the
// plain functions of segments.ts, so the content script needs these schemas only for their types.

// Zou creates ids with uuid4, but studios that imported data from other trackers may hold ids that
// are well-formed UUIDs without the RFC version/variant bits, so only the 8-4-4-4-12 shape is checked.
export const UuidSchema = /* @__PURE__ */ z.guid().brand<'KitsuUuid'>();
export type Uuid = z.infer<typeof UuidSchema>;

// On TV shows the episode selector also offers every episode ('all') and the main pack ('main').
export const EpisodeScopeSchema = z.union([UuidSchema, z.enum(['all', 'main'])]);
export type EpisodeScope = z.infer<typeof EpisodeScopeSchema>;

// Concepts are Zou entities of type Concept; Kitsu only routes their tasks (`/concept/tasks/:id`).
export const EntityTypeSchema = z.enum(['asset', 'shot', 'sequence', 'edit', 'episode', 'concept']);
export type EntityType = z.infer<typeof EntityTypeSchema>;

export const TaskTypeViewSchema = z.enum(['list', 'schedule', 'estimation']);
export type TaskTypeView = z.infer<typeof TaskTypeViewSchema>;

// Production sections are named after their URL segment, so a section maps back to a URL unchanged.
export const ProductionSectionSchema = z.enum([
  'asset-types',
  'sequence-stats',
  'episode-stats',
  'breakdown',
  'concepts',
  'news-feed',
  'schedule',
  'quota',
  'team',
  'budget',
  'brief',
  'production-settings',
  'plugins',
]);
export type ProductionSection = z.infer<typeof ProductionSectionSchema>;

// Studio-level pages outside any production that have no dedicated kind (listed in segments.ts, where
// the parser needs them at run time).
export const StudioSectionSchema = z.enum(STUDIO_SECTIONS);
export type StudioSection = z.infer<typeof StudioSectionSchema>;

export const PeriodSchema = z.enum(['year', 'month', 'week', 'day']);
export type Period = z.infer<typeof PeriodSchema>;

// Studio plugins are addressed by the plugin_id of their manifest (a name), not by a UUID.
export const PluginIdSchema = /* @__PURE__ */ z.string().check(z.regex(PLUGIN_ID));

// Sub-page parameters of sections that have child routes (breakdown, quota, timesheets, plugins...).
export const PageParamsSchema = z.strictObject({
  // The breakdown uses 'all' when no single sequence is picked.
  sequenceId: z.optional(z.union([UuidSchema, z.literal('all')])),
  assetTypeId: z.optional(UuidSchema),
  pluginId: z.optional(PluginIdSchema),
  templateId: z.optional(UuidSchema),
  period: z.optional(PeriodSchema),
  year: z.optional(/* @__PURE__ */ z.int().check(z.gte(YEAR_MIN), z.lte(YEAR_MAX))),
  month: z.optional(/* @__PURE__ */ z.int().check(z.gte(MONTH_MIN), z.lte(MONTH_MAX))),
  week: z.optional(/* @__PURE__ */ z.int().check(z.gte(WEEK_MIN), z.lte(WEEK_MAX))),
  day: z.optional(/* @__PURE__ */ z.int().check(z.gte(DAY_MIN), z.lte(DAY_MAX))),
  personId: z.optional(UuidSchema),
});
export type PageParams = z.infer<typeof PageParamsSchema>;

const NonEmptyTextSchema = /* @__PURE__ */ z.string().check(z.minLength(1));

// Empty values are dropped: Kitsu leaves `?search=` behind when a filter is cleared.
export const QuerySchema = z.strictObject({
  search: z.optional(NonEmptyTextSchema),
  section: z.optional(NonEmptyTextSchema),
  extra: z.record(z.string(), NonEmptyTextSchema),
});
export type Query = z.infer<typeof QuerySchema>;

// Every production context has these two fields, written out in each schema rather than spread from a
// shared object: bundlers keep an object spread as a possible side effect, and with it these schemas.
const OptionalEpisodeScopeSchema = z.optional(EpisodeScopeSchema);

/** The context of a page that holds nothing but its kind and query. */
function queryOnlyContext<const Kind extends string>(kind: Kind) {
  return z.strictObject({ kind: z.literal(kind), query: QuerySchema });
}

export const EntityListContextSchema = z.strictObject({
  kind: z.literal('entity-list'),
  productionId: UuidSchema,
  episodeId: OptionalEpisodeScopeSchema,
  entityType: EntityTypeSchema,
  query: QuerySchema,
});

export const EntityContextSchema = z.strictObject({
  kind: z.literal('entity'),
  productionId: UuidSchema,
  episodeId: OptionalEpisodeScopeSchema,
  entityType: EntityTypeSchema,
  entityId: UuidSchema,
  query: QuerySchema,
});

export const TaskTypeContextSchema = z.strictObject({
  kind: z.literal('task-type'),
  productionId: UuidSchema,
  episodeId: OptionalEpisodeScopeSchema,
  entityType: EntityTypeSchema,
  taskTypeId: UuidSchema,
  view: TaskTypeViewSchema,
  query: QuerySchema,
});

export const TaskContextSchema = z.strictObject({
  kind: z.literal('task'),
  productionId: UuidSchema,
  episodeId: OptionalEpisodeScopeSchema,
  entityType: EntityTypeSchema,
  taskId: UuidSchema,
  previewId: z.optional(UuidSchema),
  query: QuerySchema,
});

export const PlaylistsContextSchema = z.strictObject({
  kind: z.literal('playlists'),
  productionId: UuidSchema,
  episodeId: OptionalEpisodeScopeSchema,
  playlistId: z.optional(UuidSchema),
  query: QuerySchema,
});

export const ProductionPageContextSchema = z.strictObject({
  kind: z.literal('production-page'),
  productionId: UuidSchema,
  episodeId: OptionalEpisodeScopeSchema,
  section: ProductionSectionSchema,
  params: PageParamsSchema,
  query: QuerySchema,
});

export const MyTasksContextSchema = z.strictObject({
  kind: z.literal('my-tasks'),
  // The open tab (todos, done, timesheets...), copied from ?section= for convenience.
  section: z.optional(NonEmptyTextSchema),
  query: QuerySchema,
});

export const MyChecksContextSchema = /* @__PURE__ */ queryOnlyContext('my-checks');

export const AllTasksContextSchema = /* @__PURE__ */ queryOnlyContext('all-tasks');

export const TeamScheduleContextSchema = /* @__PURE__ */ queryOnlyContext('team-schedule');

export const PersonContextSchema = z.strictObject({
  kind: z.literal('person'),
  personId: UuidSchema,
  query: QuerySchema,
});

export const OpenProductionsContextSchema = /* @__PURE__ */ queryOnlyContext('open-productions');

export const StudioPageContextSchema = z.strictObject({
  kind: z.literal('studio-page'),
  section: StudioSectionSchema,
  params: PageParamsSchema,
  query: QuerySchema,
});

export const OtherContextSchema = z.strictObject({
  kind: z.literal('other'),
  // The input as given, to help debugging pages that were not recognised.
  url: z.string(),
  query: QuerySchema,
});

export const PageContextSchema = z.discriminatedUnion('kind', [
  EntityListContextSchema,
  EntityContextSchema,
  TaskTypeContextSchema,
  TaskContextSchema,
  PlaylistsContextSchema,
  ProductionPageContextSchema,
  MyTasksContextSchema,
  MyChecksContextSchema,
  AllTasksContextSchema,
  TeamScheduleContextSchema,
  PersonContextSchema,
  OpenProductionsContextSchema,
  StudioPageContextSchema,
  OtherContextSchema,
]);
export type PageContext = z.infer<typeof PageContextSchema>;
export type PageKind = PageContext['kind'];
export type PageContextOf<K extends PageKind> = Extract<PageContext, { kind: K }>;
