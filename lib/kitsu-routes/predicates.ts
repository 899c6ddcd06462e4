import type { EpisodeScope, PageContext, PageContextOf } from './schema';

/** A context that belongs to one production, whatever the page. */
export type ProductionContext = Extract<PageContext, { productionId: unknown }>;

/** Production grid of assets, shots, sequences, edits or episodes. */
export const isListPage = (ctx: PageContext): ctx is PageContextOf<'entity-list'> => ctx.kind === 'entity-list';

/** Page of one asset, shot, sequence, edit or episode. */
export const isEntityPage = (ctx: PageContext): ctx is PageContextOf<'entity'> => ctx.kind === 'entity';

/** Task-type page, in any of its views (list, schedule, estimation). */
export const isTaskTypePage = (ctx: PageContext): ctx is PageContextOf<'task-type'> => ctx.kind === 'task-type';

/** Full task page, with or without a preview open. */
export const isTaskPage = (ctx: PageContext): ctx is PageContextOf<'task'> => ctx.kind === 'task';

/** Review playlists, whether or not a playlist is open. */
export const isPlaylistPage = (ctx: PageContext): ctx is PageContextOf<'playlists'> => ctx.kind === 'playlists';

export const isMyTasksPage = (ctx: PageContext): ctx is PageContextOf<'my-tasks'> => ctx.kind === 'my-tasks';

/** Any page inside a production: lists, entities, tasks, task types, playlists and production pages. */
export const isProductionPage = (ctx: PageContext): ctx is ProductionContext => 'productionId' in ctx;

/** Production page shown inside an episode (TV shows), including the pseudo-episodes 'all' and 'main'. */
export const isEpisodeScoped = (ctx: PageContext): ctx is ProductionContext & { episodeId: EpisodeScope } =>
  'episodeId' in ctx && ctx.episodeId !== undefined;

export const isKnownPage = (ctx: PageContext): ctx is Exclude<PageContext, PageContextOf<'other'>> =>
  ctx.kind !== 'other';

/** A production page that shows some of its tasks: a list, a task type, an entity or a task. */
export const isTaskScopePage = (
  ctx: PageContext,
): ctx is PageContextOf<'entity-list' | 'task-type' | 'entity' | 'task'> =>
  ctx.kind === 'entity-list' || ctx.kind === 'task-type' || ctx.kind === 'entity' || ctx.kind === 'task';

/** A list or task-type page of shots or of assets: the pages whose tasks come from Kitsu's list views. */
export const isShotOrAssetList = (
  ctx: PageContext,
): ctx is PageContextOf<'entity-list' | 'task-type'> & { entityType: 'shot' | 'asset' } =>
  (ctx.kind === 'entity-list' || ctx.kind === 'task-type') && (ctx.entityType === 'shot' || ctx.entityType === 'asset');

/** One of a production's own pages: schedule, breakdown, statistics, settings... */
export const isProductionSectionPage = (ctx: PageContext): ctx is PageContextOf<'production-page'> =>
  ctx.kind === 'production-page';

/**
 * The one episode a page narrows to, or undefined when it shows the whole production: no episode, or
 * the pseudo-episodes 'all' (every episode) and 'main' (the main pack).
 */
export function realEpisodeOf(ctx: PageContext): string | undefined {
  const episode = 'episodeId' in ctx ? ctx.episodeId : undefined;
  return episode && episode !== 'all' && episode !== 'main' ? episode : undefined;
}
