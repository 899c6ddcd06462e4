import { type Cache, type CacheDescriptor, type CacheKind, createCache, type HeldItems, type ReadMode } from '../cache';
import {
  createKitsuClient,
  type EventLogRead,
  isKitsuApiError,
  type KitsuClient,
  type KitsuErrorKind,
  readEventLogUpdate,
} from '../kitsu';
import type { StoredConnection } from './model';

const AUTH_FAILURES: readonly KitsuErrorKind[] = ['auth', 'auth-expired', 'auth-revoked'];
const DAY_MS = 86_400_000;
/** Pages of zou's event log read for the human-decisions guard: 3,000 events of a busy production. */
const EVENT_LOG_PAGES = 3;

type EntitiesWithTasks = readonly { tasks: readonly { id: string }[] }[];

/** A task event carries only the task's id: it drops the with-tasks list holding that task, not the others. */
const TASKS_OF_ENTITIES: HeldItems<EntitiesWithTasks> = {
  prefixes: ['task'],
  *idsOf(entities) {
    for (const entity of entities) for (const task of entity.tasks) yield task.id;
  },
};

/**
 * One connection at work: its API client and its host's cache, and every read the panels use,
 * each going through the cache with the ids it depends on (so live events can invalidate it).
 */
export function createSession(
  connection: StoredConnection,
  {
    client = createKitsuClient({ origin: connection.origin, token: connection.token }),
    cache = createCache({ host: connection.origin }),
  }: { client?: KitsuClient; cache?: Cache } = {},
) {
  const through =
    <A extends unknown[], T>(
      describe: (...args: A) => CacheDescriptor<NoInfer<T>>,
      fetch: (...args: A) => Promise<T>,
    ) =>
    async (mode: ReadMode, ...args: A): Promise<T> => {
      try {
        return (await cache.read(describe(...args), () => fetch(...args), { mode })).value;
      } catch (error) {
        // The token stopped working: the connection line must not go on saying "Connected" from the cache.
        if (isKitsuApiError(error) && AUTH_FAILURES.includes(error.kind)) await cache.invalidateKind('authenticated');
        throw error;
      }
    };
  const one = (kind: CacheKind) => (): CacheDescriptor => ({ kind, key: kind, tags: [kind] });
  const inProject =
    (kind: CacheKind) =>
    (projectId: string): CacheDescriptor => ({
      kind,
      key: `${kind}:${projectId}`,
      tags: [`project:${projectId}`, kind],
    });
  const ofTask =
    (kind: CacheKind) =>
    (taskId: string): CacheDescriptor => ({ kind, key: `${kind}:${taskId}`, tags: [`task:${taskId}`] });

  // The event logs this worker read, by production and window: a task event drops the cached read, and
  // the next one asks zou only for what came since (a burst of someone's changes costs one short page).
  const eventLogsRead = new Map<string, EventLogRead>();

  const withTasks =
    (list: 'shots' | 'assets') =>
    (projectId: string, episodeId?: string): CacheDescriptor<EntitiesWithTasks> => ({
      kind: 'entities-with-tasks',
      key: `${list}-with-tasks:${projectId}:${episodeId ?? 'all'}`,
      tags: [`project:${projectId}`],
      holds: TASKS_OF_ENTITIES,
    });

  const reads = {
    authenticated: through(one('authenticated'), () => client.authenticated()),
    version: through(one('version'), () => client.version()),
    project: through(inProject('project'), (projectId: string) => client.project(projectId)),
    episodes: through(inProject('episodes'), (projectId: string) => client.episodes(projectId)),
    sequences: through(inProject('sequences'), (projectId: string) => client.sequences(projectId)),
    shots: through(inProject('shots'), (projectId: string) => client.shots(projectId)),
    assets: through(inProject('assets'), (projectId: string) => client.assets(projectId)),
    shotsWithTasks: through(withTasks('shots'), (projectId: string, episodeId?: string) =>
      client.shotsWithTasks(projectId, { episodeId }),
    ),
    assetsWithTasks: through(withTasks('assets'), (projectId: string, episodeId?: string) =>
      client.assetsWithTasks(projectId, { episodeId }),
    ),
    taskTypes: through(one('task-types'), () => client.taskTypes()),
    taskStatuses: through(one('task-statuses'), () => client.taskStatuses()),
    persons: through(one('persons'), () => client.persons()),
    departments: through(one('departments'), () => client.departments()),
    /** The production team's days off that overlap [startDate, endDate] (both days), per person id. */
    dayOffs: through(
      (projectId: string, startDate: string, endDate: string): CacheDescriptor => ({
        kind: 'day-offs',
        key: `day-offs:${projectId}:${startDate}:${endDate}`,
        tags: [`project:${projectId}`, 'day-offs'],
      }),
      (projectId: string, startDate: string, endDate: string) =>
        client.projectDayOffs(projectId, { startDate, endDate }),
    ),
    /**
     * The production's events of the `windowDays` before `now` (the human-decisions guard). Kept while
     * the live stream is: an event of a task or a comment, the only ones the guard reads, drops it.
     */
    eventLog: through(
      (projectId: string, windowDays: number, _now: Date): CacheDescriptor => ({
        kind: 'event-log',
        key: `event-log:${projectId}:${windowDays}`,
        tags: [`project:${projectId}`, 'event-log'],
      }),
      async (projectId: string, windowDays: number, now: Date) => {
        const key = `${projectId}:${windowDays}`;
        const after = new Date(now.getTime() - windowDays * DAY_MS);
        const read = await readEventLogUpdate(client, projectId, after, eventLogsRead.get(key), {
          maxPages: EVENT_LOG_PAGES,
        });
        eventLogsRead.set(key, read);
        return read;
      },
    ),
    taskComments: through(ofTask('task-comments'), (taskId: string) => client.taskComments(taskId)),
    fullTask: through(ofTask('full-task'), (taskId: string) => client.fullTask(taskId)),
  };

  return { connection, client, cache, reads };
}
export type Session = ReturnType<typeof createSession>;
export type SessionReads = Session['reads'];
