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
