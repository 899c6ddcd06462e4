import type {
  EpisodeScope,
  PageContext,
  PageParams,
  Period,
  ProductionSection,
  Query,
  StudioSection,
  TaskTypeView,
  Uuid,
} from './schema';
import { PLURAL_TO_ENTITY_TYPE, SEGMENT_PARSERS, STUDIO_SECTIONS } from './segments';

// Only types come from schema.ts: segments are validated by the plain functions of segments.ts, so the
// content script, which parses URLs, does not bundle the schemas (nor the zod features they use).

export interface ParseOptions {
  /**
   * Path Kitsu is served under, e.g. '/kitsu' when the app lives at https://host/kitsu/. Without it,
   * a path that is no Kitsu route at the root is tried under a base path of up to three leading
   * segments (see findRoute): Sidekick learns where Kitsu lives from the URL itself.
   */
  basePath?: string;
}

type ParamName = keyof typeof SEGMENT_PARSERS;
type MatchedParams = { [K in ParamName]?: NonNullable<ReturnType<(typeof SEGMENT_PARSERS)[K]>> };

// Typed view of the params a pattern captures, so a builder can only read what its pattern has.
// Distributive over unions of patterns, so a builder shared by several patterns sees each shape.
type SegmentParam<S extends string> = S extends `:${infer Name}` ? Name : never;
type PatternParams<P extends string> = P extends `${infer Head}/${infer Tail}`
  ? SegmentParam<Head> | PatternParams<Tail>
  : SegmentParam<P>;
type ParamsOf<P extends string> = P extends string
  ? { [K in PatternParams<P> & ParamName]-?: NonNullable<MatchedParams[K]> }
  : never;
type ValidPattern<P extends string> = [PatternParams<P>] extends [ParamName] ? P : never;

// Production pages may sit inside an episode; builders pass episodeId on and it is dropped if absent.
interface Scope {
  productionId: Uuid;
  episodeId?: EpisodeScope;
}

type Builder = (params: MatchedParams & Scope, query: Query) => PageContext;

interface Route {
  segments: readonly string[];
  build: Builder;
}

function route<P extends string>(
  pattern: ValidPattern<P>,
  build: (params: ParamsOf<P>, query: Query) => PageContext,
): Route {
  // Sound because matchSegments only succeeds once every param of the pattern has been captured.
  return { segments: pattern.split('/'), build: build as unknown as Builder };
}

function inProduction<S extends string>(
  suffix: ValidPattern<S>,
  build: (params: ParamsOf<S> & Scope, query: Query) => PageContext,
): Route {
  return { segments: `productions/:productionId/${suffix}`.split('/'), build: build as unknown as Builder };
}

// Most production pages exist twice on TV shows: for the whole production and inside an episode.
function inProductionAndEpisode<S extends string>(
  suffix: ValidPattern<S>,
  build: (params: ParamsOf<S> & Scope, query: Query) => PageContext,
): Route[] {
  return [
    inProduction(suffix, build),
    {
      segments: `productions/:productionId/episodes/:episodeId/${suffix}`.split('/'),
      build: build as unknown as Builder,
    },
  ];
}

// Drops keys whose value is undefined, so contexts hold only what the URL says (and compare strictly).
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

function pageParams(params: MatchedParams, period?: Period): PageParams {
  const { sequenceId, assetTypeId, pluginId, templateId, year, month, week, day, personId } = params;
  return definedOnly({ period, sequenceId, assetTypeId, pluginId, templateId, year, month, week, day, personId });
}

const productionPage =
  (section: ProductionSection, period?: Period) =>
  (params: MatchedParams & Scope, query: Query): PageContext => ({
    kind: 'production-page',
    productionId: params.productionId,
    episodeId: params.episodeId,
    section,
    params: pageParams(params, period),
    query,
  });

const studioPage =
  (section: StudioSection, period?: Period) =>
  (params: MatchedParams, query: Query): PageContext => ({
    kind: 'studio-page',
    section,
    params: pageParams(params, period),
    query,
  });

// Episodes are routed apart: they have no episode-scoped list, and an episode's page is its own scope.
const ENTITY_PLURALS = ['assets', 'shots', 'sequences', 'edits'] as const;

const PERIOD_ROUTES = [
  ['month', 'month/:year'],
  ['month', 'month/:year/:month/persons/:personId'],
  ['week', 'week/:year'],
  ['week', 'week/:year/:week/persons/:personId'],
  ['day', 'day/:year/:month'],
  ['day', 'day/:year/:month/:day/persons/:personId'],
] as const satisfies readonly (readonly [Period, string])[];

// Timesheets also have yearly views; production quotas do not.
const TIMESHEET_PERIOD_ROUTES = [
  ['year', 'year/:year'],
  ['year', 'year/:year/persons/:personId'],
  ...PERIOD_ROUTES,
] as const satisfies readonly (readonly [Period, string])[];

const TASK_TYPE_VIEWS = [
  ['list', ''],
  ['schedule', '/schedule'],
  ['estimation', '/estimation'],
] as const satisfies readonly (readonly [TaskTypeView, string])[];

const ROUTES: readonly Route[] = [
  route('open-productions', (_, query) => ({ kind: 'open-productions', query })),
  route('my-tasks', (_, query) => ({ kind: 'my-tasks', section: query.section, query })),
  route('my-checks', (_, query) => ({ kind: 'my-checks', query })),
  route('all-tasks', (_, query) => ({ kind: 'all-tasks', query })),
  route('team-schedule', (_, query) => ({ kind: 'team-schedule', query })),
  route('people/:personId', (params, query) => ({ kind: 'person', personId: params.personId, query })),

  // Kitsu has `/plugins/:plugin_id` but no plugin list page.
  ...STUDIO_SECTIONS.filter((section) => section !== 'plugins').map(
    (section): Route => ({ segments: [section], build: studioPage(section) }),
  ),
  route('project-templates/:templateId', studioPage('project-templates')),
  route('plugins/:pluginId', studioPage('plugins')),
  ...TIMESHEET_PERIOD_ROUTES.map(([period, suffix]) => route(`timesheets/${suffix}`, studioPage('timesheets', period))),

  ...ENTITY_PLURALS.flatMap((plural) => [
    ...inProductionAndEpisode(plural, (params, query) => ({
      kind: 'entity-list',
      productionId: params.productionId,
      episodeId: params.episodeId,
      entityType: PLURAL_TO_ENTITY_TYPE[plural],
      query,
    })),
    ...inProductionAndEpisode(`${plural}/:entityId`, (params, query) => ({
      kind: 'entity',
      productionId: params.productionId,
      episodeId: params.episodeId,
      entityType: PLURAL_TO_ENTITY_TYPE[plural],
      entityId: params.entityId,
      query,
    })),
  ]),
  inProduction('episodes', (params, query) => ({
    kind: 'entity-list',
    productionId: params.productionId,
    entityType: 'episode',
    query,
  })),
  // Kitsu names this param episode_id, so the episode is both the entity and the episode scope.
  inProduction('episodes/:episodeEntityId', (params, query) => ({
    kind: 'entity',
    productionId: params.productionId,
    episodeId: params.episodeEntityId,
    entityType: 'episode',
    entityId: params.episodeEntityId,
    query,
  })),

  // `episodes/task-types/:id` (task types of Episode entities) is the `:entityTypes` = episodes case.
  ...TASK_TYPE_VIEWS.flatMap(([view, suffix]) =>
    inProductionAndEpisode(`:entityTypes/task-types/:taskTypeId${suffix}`, (params, query) => ({
      kind: 'task-type',
      productionId: params.productionId,
      episodeId: params.episodeId,
      entityType: params.entityTypes,
      taskTypeId: params.taskTypeId,
      view,
      query,
    })),
  ),

  ...inProductionAndEpisode(':entityTypes/tasks/:taskId', (params, query) => ({
    kind: 'task',
    productionId: params.productionId,
    episodeId: params.episodeId,
    entityType: params.entityTypes,
    taskId: params.taskId,
    query,
  })),
  // Kitsu's getTaskPath (src/lib/path.js) keeps Concept singular: `/concept/tasks/:id`, not `concepts`.
  ...['', '/previews/:previewId'].flatMap((previews) =>
    inProductionAndEpisode(`concept/tasks/:taskId${previews as '' | '/previews/:previewId'}`, (params, query) => ({
      kind: 'task',
      productionId: params.productionId,
      episodeId: params.episodeId,
      entityType: 'concept',
      taskId: params.taskId,
      previewId: 'previewId' in params ? params.previewId : undefined,
      query,
    })),
  ),
  ...inProductionAndEpisode(':entityTypes/tasks/:taskId/previews/:previewId', (params, query) => ({
    kind: 'task',
    productionId: params.productionId,
    episodeId: params.episodeId,
    entityType: params.entityTypes,
    taskId: params.taskId,
    previewId: params.previewId,
    query,
  })),
  // Tasks of an Episode entity have no `:type` segment; the episode is both scope and entity.
  inProduction('episodes/:episodeEntityId/tasks/:taskId', (params, query) => ({
    kind: 'task',
    productionId: params.productionId,
    episodeId: params.episodeEntityId,
    entityType: 'episode',
    taskId: params.taskId,
    query,
  })),
  inProduction('episodes/:episodeEntityId/tasks/:taskId/previews/:previewId', (params, query) => ({
    kind: 'task',
    productionId: params.productionId,
    episodeId: params.episodeEntityId,
    entityType: 'episode',
    taskId: params.taskId,
    previewId: params.previewId,
    query,
  })),

  ...inProductionAndEpisode('playlists', (params, query) => ({
    kind: 'playlists',
    productionId: params.productionId,
    episodeId: params.episodeId,
    query,
  })),
  ...inProductionAndEpisode('playlists/:playlistId', (params, query) => ({
    kind: 'playlists',
    productionId: params.productionId,
    episodeId: params.episodeId,
    playlistId: params.playlistId,
    query,
  })),

  ...(['asset-types', 'sequence-stats', 'breakdown', 'schedule', 'quota'] as const).flatMap((section) =>
    inProductionAndEpisode(section, productionPage(section)),
  ),
  ...(['episode-stats', 'concepts', 'news-feed', 'team', 'budget', 'brief', 'production-settings'] as const).map(
    (section) => inProduction(section, productionPage(section)),
  ),
  ...inProductionAndEpisode('breakdown/sequences/:sequenceId', productionPage('breakdown')),
  ...inProductionAndEpisode('breakdown/asset-types/:assetTypeId', productionPage('breakdown')),
  ...inProductionAndEpisode('plugins/:pluginId', productionPage('plugins')),
  ...PERIOD_ROUTES.flatMap(([period, suffix]) =>
    inProductionAndEpisode(`quota/${suffix}`, productionPage('quota', period)),
  ),
];

function matchSegments(patternSegments: readonly string[], segments: readonly string[]): MatchedParams | undefined {
  if (patternSegments.length !== segments.length) return undefined;
  const params: Record<string, unknown> = {};
  for (const [index, patternSegment] of patternSegments.entries()) {
    const segment = segments[index] ?? '';
    if (patternSegment.startsWith(':')) {
      const name = patternSegment.slice(1) as ParamName;
      const value = SEGMENT_PARSERS[name](segment);
      if (value === undefined) return undefined;
      params[name] = value;
    } else if (patternSegment !== segment.toLowerCase()) {
      // Vue Router matches static segments case-insensitively by default, so Kitsu does too.
      return undefined;
    }
  }
  return params as MatchedParams;
}

function parseQuery(searchParams: URLSearchParams): Query {
  const firstValues = new Map<string, string>();
  for (const [key, value] of searchParams) {
    // Empty values are cleared filters. The first occurrence wins, like URLSearchParams.get.
    if (value !== '' && !firstValues.has(key)) firstValues.set(key, value);
  }
  const { search, section, ...extra } = Object.fromEntries(firstValues);
  return definedOnly({ search, section, extra });
}

function toUrl(input: unknown): URL | undefined {
  if (input instanceof URL) return new URL(input.href);
  if (typeof input !== 'string') return undefined;
  try {
    return new URL(input);
  } catch {
    // Root-relative paths are accepted so that link hrefs read from Kitsu's DOM can be parsed as they are.
    return input.startsWith('/') ? new URL(input, 'http://relative.invalid') : undefined;
  }
}

function splitPath(pathname: string): string[] | undefined {
  const segments = pathname.split('/').slice(1);
  // Vue Router ignores one trailing slash.
  if (segments.length > 0 && segments.at(-1) === '') segments.pop();
  try {
    return segments.map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

function stripBasePath(segments: readonly string[], basePath: string): string[] | undefined {
  const baseSegments = basePath.split('/').filter((segment) => segment !== '');
  const isUnderBase = baseSegments.every((baseSegment, index) => segments[index] === baseSegment);
  return isUnderBase ? segments.slice(baseSegments.length) : undefined;
}

/**
 * Reads which Kitsu page a URL shows. Never throws: anything not recognised, including malformed
 * ids and non-http URLs, gives `{ kind: 'other' }`.
 */
export function parseKitsuUrl(url: string | URL, options: ParseOptions = {}): PageContext {
  const rawUrl = typeof url === 'string' ? url : url instanceof URL ? url.href : '';
  const parsedUrl = toUrl(url);
  if (parsedUrl === undefined || (parsedUrl.protocol !== 'http:' && parsedUrl.protocol !== 'https:')) {
    return { kind: 'other', url: rawUrl, query: { extra: {} } };
  }
  const query = parseQuery(parsedUrl.searchParams);
  const decoded = splitPath(parsedUrl.pathname);
  const context =
    decoded === undefined
      ? undefined
      : options?.basePath === undefined
        ? findRoute(decoded, query)
        : matchRoute(stripBasePath(decoded, options.basePath), query);
  return context ?? { kind: 'other', url: rawUrl, query };
}

function matchRoute(segments: readonly string[] | undefined, query: Query): PageContext | undefined {
  if (segments === undefined) return undefined;
  for (const candidate of ROUTES) {
    const params = matchSegments(candidate.segments, segments);
    if (params !== undefined) return definedOnly(candidate.build(params as MatchedParams & Scope, query));
  }
  return undefined;
}

/** Base paths longer than this are not guessed (`/tools/kitsu` is two). */
const MAX_GUESSED_BASE_SEGMENTS = 3;
// A base path never starts with a segment Kitsu's own routes start with: `/productions/new` is not
// the route `new` under `/productions`.
const ROUTE_HEADS = new Set(ROUTES.map((candidate) => candidate.segments[0]));

/** The route at the root, else under the shortest base path of non-empty segments that gives one. */
function findRoute(segments: readonly string[], query: Query): PageContext | undefined {
  const atRoot = matchRoute(segments, query);
  if (atRoot !== undefined || ROUTE_HEADS.has(segments[0]?.toLowerCase())) return atRoot;
  for (let length = 1; length <= MAX_GUESSED_BASE_SEGMENTS && length < segments.length; length++) {
    if (segments[length - 1] === '') return undefined;
    const underBase = matchRoute(segments.slice(length), query);
    if (underBase !== undefined) return underBase;
  }
  return undefined;
}
