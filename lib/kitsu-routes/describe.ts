import { clip } from '../shared/text';
import type { EntityType, EpisodeScope, PageContext, ProductionSection } from './schema';

const ENTITY_LABELS: Record<EntityType, { one: string; many: string }> = {
  asset: { one: 'Asset', many: 'Assets' },
  shot: { one: 'Shot', many: 'Shots' },
  sequence: { one: 'Sequence', many: 'Sequences' },
  edit: { one: 'Edit', many: 'Edits' },
  episode: { one: 'Episode', many: 'Episodes' },
  concept: { one: 'Concept', many: 'Concepts' },
};

// The production page named after the asset-types segment shows statistics, unlike the studio one.
const PRODUCTION_SECTION_LABELS: Partial<Record<ProductionSection, string>> = { 'asset-types': 'Asset type stats' };

const MAX_SEARCH_LENGTH = 24;

// Labels carry no names (only the store knows them), so ids are shortened like git hashes;
// the pseudo-episodes 'all' and 'main' are short enough to stay whole.
const shortId = (id: string): string => id.slice(0, 8);

const humanize = (segment: string): string => {
  const words = segment.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const episodePart = (episodeId: EpisodeScope | undefined): string[] =>
  episodeId === undefined ? [] : [`episode ${shortId(episodeId)}`];

function mainParts(ctx: PageContext): string[] {
  switch (ctx.kind) {
    case 'entity-list':
      return [ENTITY_LABELS[ctx.entityType].many, ...episodePart(ctx.episodeId)];
    case 'entity':
      // An episode's own page is scoped to itself: saying so again would be noise.
      return [
        `${ENTITY_LABELS[ctx.entityType].one} ${shortId(ctx.entityId)}`,
        ...(ctx.entityType === 'episode' ? [] : episodePart(ctx.episodeId)),
      ];
    case 'task-type':
      return [
        `Task type ${shortId(ctx.taskTypeId)} (${ENTITY_LABELS[ctx.entityType].many.toLowerCase()})`,
        ...(ctx.view === 'list' ? [] : [ctx.view]),
        ...episodePart(ctx.episodeId),
      ];
    case 'task':
      return [
        `Task ${shortId(ctx.taskId)} (${ENTITY_LABELS[ctx.entityType].one.toLowerCase()})`,
        ...(ctx.previewId === undefined ? [] : [`preview ${shortId(ctx.previewId)}`]),
        ...(ctx.entityType === 'episode' ? [] : episodePart(ctx.episodeId)),
      ];
    case 'playlists':
      return [
        ctx.playlistId === undefined ? 'Playlists' : `Playlist ${shortId(ctx.playlistId)}`,
        ...episodePart(ctx.episodeId),
      ];
    case 'production-page':
      return [
        ctx.params.pluginId === undefined
          ? (PRODUCTION_SECTION_LABELS[ctx.section] ?? humanize(ctx.section))
          : `Plugin ${ctx.params.pluginId}`,
        ...episodePart(ctx.episodeId),
      ];
    case 'my-tasks':
      return ['My tasks', ...(ctx.section === undefined ? [] : [ctx.section])];
    case 'my-checks':
      return ['My checks'];
    case 'all-tasks':
      return ['All tasks'];
    case 'team-schedule':
      return ['Team schedule'];
    case 'person':
      return [`Person ${shortId(ctx.personId)}`];
    case 'open-productions':
      return ['Open productions'];
    case 'studio-page':
      return [ctx.params.pluginId === undefined ? humanize(ctx.section) : `Plugin ${ctx.params.pluginId}`];
    case 'other':
      return ['Unknown page'];
  }
}

function searchPart(search: string | undefined): string[] {
  if (search === undefined) return [];
  return [`search "${clip(search, MAX_SEARCH_LENGTH)}"`];
}

/** Short human label of a page, e.g. "Shots · episode all · search "sq010"". */
export function describeContext(ctx: PageContext): string {
  return [...mainParts(ctx), ...searchPart(ctx.query.search)].join(' · ');
}
