import type { Session, SessionReads } from '../connections/session';
import type { EventStreamStatus } from '../events';
import { t } from '../i18n/pure';
import { describeKitsuError, isKitsuApiError, type KitsuApiError } from '../kitsu';
import type { EntityType, PageContext } from '../kitsu-routes';
import type { AnswerOf } from '../messaging/protocol';
import { knownRole } from '../shared/roles';

type Overview = AnswerOf<'page/overview'>;
type Names = Overview['names'];
type ConnectionState = Overview['connection']['state'];
type PopupConnection = NonNullable<AnswerOf<'popup/state'>['connection']>;

const ENTITY_LABEL: Record<EntityType, string> = {
  asset: 'Asset',
  shot: 'Shot',
  sequence: 'Sequence',
  edit: 'Edit',
  episode: 'Episode',
  concept: 'Concept',
};

/** Names of what the page shows, from cached reads; each name is optional so one failure hides one line. */
export async function pageNames(context: PageContext, reads: SessionReads): Promise<Names> {
  const names: Names = {};
  if (!('productionId' in context)) return names;
  const { productionId } = context;
  const tasks: Promise<void>[] = [
    reads.project('swr', productionId).then((project) => {
      names.production = project.name;
    }),
  ];
  const episodeId = 'episodeId' in context ? context.episodeId : undefined;
  if (episodeId === 'all') names.episode = 'All episodes';
  else if (episodeId === 'main') names.episode = 'Main pack';
  else if (episodeId) {
    tasks.push(
      reads.episodes('swr', productionId).then((episodes) => {
        names.episode = episodes.find((episode) => episode.id === episodeId)?.name;
      }),
    );
  }
  if (context.kind === 'entity' && context.entityType !== 'episode') {
    const list = entityList(context.entityType, reads);
    if (list) {
      tasks.push(
        list('swr', productionId).then((entities) => {
          names.entityType = ENTITY_LABEL[context.entityType];
          names.entity = entities.find((entity) => entity.id === context.entityId)?.name;
        }),
      );
    }
  }
  if (context.kind === 'task') {
    tasks.push(
      reads.fullTask('swr', context.taskId).then((task) => {
        names.entityType = ENTITY_LABEL[context.entityType];
        names.entity = task.entity.name;
        names.taskType = task.task_type.name;
        names.taskStatus = task.task_status.name;
      }),
    );
  }
  if (context.kind === 'task-type') {
    tasks.push(
      reads.taskTypes('swr').then((taskTypes) => {
        names.taskType = taskTypes.find((taskType) => taskType.id === context.taskTypeId)?.name;
      }),
    );
  }
  await Promise.allSettled(tasks);
  return names;
}

function entityList(entityType: EntityType, reads: SessionReads) {
  switch (entityType) {
    case 'shot':
      return reads.shots;
    case 'asset':
      return reads.assets;
    case 'sequence':
      return reads.sequences;
    default:
      return null;
  }
}

const STATE_OF_ERROR: Partial<Record<KitsuApiError['kind'], ConnectionState>> = {
  'auth-expired': 'expired',
  'auth-revoked': 'revoked',
  auth: 'revoked',
  permission: 'refused',
  network: 'unreachable',
  timeout: 'unreachable',
};

/** The dock's connection line: who Sidekick is on this Kitsu, or what the person should do. */
export async function connectionLine(label: string, reads: SessionReads): Promise<Overview['connection']> {
  try {
    const { user } = await reads.authenticated('swr');
    return { label, state: 'connected', message: t('dockConnectedAs', { label, name: user.full_name }) };
  } catch (error) {
    const state = isKitsuApiError(error) ? (STATE_OF_ERROR[error.kind] ?? 'error') : 'error';
    return { label, state, message: describeKitsuError(error) };
  }
}

/** The popup's line for the current tab: the dock's connection line plus role, version and cache figures. */
export async function popupConnection(session: Session, live: EventStreamStatus | null): Promise<PopupConnection> {
  const [line, authenticated, version, stats] = await Promise.all([
    connectionLine(session.connection.label, session.reads),
    session.reads.authenticated('swr').catch(() => null),
    session.reads.version('swr').catch(() => null),
    session.cache.stats(),
  ]);
  return {
    label: line.label,
    origin: session.connection.origin,
    state: line.state,
    message: line.message,
    role: knownRole(authenticated?.user.role) ?? null,
    kitsuVersion: version?.version ?? null,
    cache: {
      hits: stats.hits,
      staleServed: stats.staleServed,
      misses: stats.misses,
      requests: stats.requests,
      entries: stats.entries,
      storedBytes: stats.approxBytes,
    },
    live: live ? { state: live.state, lastEventAt: live.lastEventAt } : null,
  };
}
