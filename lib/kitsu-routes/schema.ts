import { z } from 'zod/mini';

// zod/mini, not classic zod: the content script bundles these schemas and has a size budget (mini is
// tree-shakable). `/* @__PURE__ */` marks schemas built with a method call (`.check`, `.brand`) as free of
// side effects, so a bundle that does not use them can drop them.

// Zou creates ids with uuid4, but studios that imported data from other trackers may hold ids that
// are well-formed UUIDs without the RFC version/variant bits, so only the 8-4-4-4-12 shape is checked.
export const UuidSchema = /* @__PURE__ */ z.guid().brand<'KitsuUuid'>();
export type Uuid = z.infer<typeof UuidSchema>;

// On TV shows the episode selector also offers every episode ('all') and the main pack ('main').
export const EpisodeScopeSchema = z.union([UuidSchema, z.enum(['all', 'main'])]);
export type EpisodeScope = z.infer<typeof EpisodeScopeSchema>;

export const EntityTypeSchema = z.enum(['asset', 'shot', 'sequence', 'edit', 'episode']);
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

// Studio-level pages outside any production that have no dedicated kind.
export const StudioSectionSchema = z.enum([
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
]);
export type StudioSection = z.infer<typeof StudioSectionSchema>;

export const PeriodSchema = z.enum(['year', 'month', 'week', 'day']);
export type Period = z.infer<typeof PeriodSchema>;

// Studio plugins are addressed by the plugin_id of their manifest (a name), not by a UUID.
export const PluginIdSchema = /* @__PURE__ */ z.string().check(z.regex(/^[\w.-]+$/));

// Sub-page parameters of sections that have child routes (breakdown, quota, timesheets, plugins...).
export const PageParamsSchema = z.strictObject({
  // The breakdown uses 'all' when no single sequence is picked.
  sequenceId: z.optional(z.union([UuidSchema, z.literal('all')])),
  assetTypeId: z.optional(UuidSchema),
  pluginId: z.optional(PluginIdSchema),
  templateId: z.optional(UuidSchema),
  period: z.optional(PeriodSchema),
  year: z.optional(/* @__PURE__ */ z.int().check(z.gte(1970), z.lte(9999))),
  month: z.optional(/* @__PURE__ */ z.int().check(z.gte(1), z.lte(12))),
  week: z.optional(/* @__PURE__ */ z.int().check(z.gte(1), z.lte(53))),
  day: z.optional(/* @__PURE__ */ z.int().check(z.gte(1), z.lte(31))),
  personId: z.optional(UuidSchema),
});
export type PageParams = z.infer<typeof PageParamsSchema>;

// Empty values are dropped: Kitsu leaves `?search=` behind when a filter is cleared.
export const QuerySchema = z.strictObject({
  search: z.optional(/* @__PURE__ */ z.string().check(z.minLength(1))),
  section: z.optional(/* @__PURE__ */ z.string().check(z.minLength(1))),
  extra: z.record(z.string(), /* @__PURE__ */ z.string().check(z.minLength(1))),
});
export type Query = z.infer<typeof QuerySchema>;

const productionScope = {
  productionId: UuidSchema,
  episodeId: z.optional(EpisodeScopeSchema),
};

export const EntityListContextSchema = z.strictObject({
  kind: z.literal('entity-list'),
  ...productionScope,
  entityType: EntityTypeSchema,
  query: QuerySchema,
});

export const EntityContextSchema = z.strictObject({
  kind: z.literal('entity'),
  ...productionScope,
  entityType: EntityTypeSchema,
  entityId: UuidSchema,
  query: QuerySchema,
});

export const TaskTypeContextSchema = z.strictObject({
  kind: z.literal('task-type'),
  ...productionScope,
  entityType: EntityTypeSchema,
  taskTypeId: UuidSchema,
  view: TaskTypeViewSchema,
  query: QuerySchema,
});

export const TaskContextSchema = z.strictObject({
  kind: z.literal('task'),
  ...productionScope,
  entityType: EntityTypeSchema,
  taskId: UuidSchema,
  previewId: z.optional(UuidSchema),
  query: QuerySchema,
});

export const PlaylistsContextSchema = z.strictObject({
  kind: z.literal('playlists'),
  ...productionScope,
  playlistId: z.optional(UuidSchema),
  query: QuerySchema,
});

export const ProductionPageContextSchema = z.strictObject({
  kind: z.literal('production-page'),
  ...productionScope,
  section: ProductionSectionSchema,
  params: PageParamsSchema,
  query: QuerySchema,
});

export const MyTasksContextSchema = z.strictObject({
  kind: z.literal('my-tasks'),
  // The open tab (todos, done, timesheets...), copied from ?section= for convenience.
  section: z.optional(/* @__PURE__ */ z.string().check(z.minLength(1))),
  query: QuerySchema,
});

export const MyChecksContextSchema = z.strictObject({
  kind: z.literal('my-checks'),
  query: QuerySchema,
});

export const AllTasksContextSchema = z.strictObject({
  kind: z.literal('all-tasks'),
  query: QuerySchema,
});

export const TeamScheduleContextSchema = z.strictObject({
  kind: z.literal('team-schedule'),
  query: QuerySchema,
});

export const PersonContextSchema = z.strictObject({
  kind: z.literal('person'),
  personId: UuidSchema,
  query: QuerySchema,
});

export const OpenProductionsContextSchema = z.strictObject({
  kind: z.literal('open-productions'),
  query: QuerySchema,
});

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
