// Typed methods for the zou routes Sidekick uses. Paths are zou-side; the
// http layer prepends `${origin}/api` (Kitsu's nginx strips /api).
//
// Writes are plain methods: the plan executor (lib/plans) is what guarantees
// they only run after a confirmed plan. They are never retried (see http.ts).
import { z } from 'zod';
import { KitsuApiError } from './errors';
import { abortableSleep, createHttp, type KitsuRequestEvent } from './http';
import { DEFAULT_MAX_IN_FLIGHT, type Pacer, pacerFor } from './pacing';
import {
  CommentSchema,
  DepartmentSchema,
  EntitySchema,
  EventLogEntrySchema,
  PersonSchema,
  PreviewFileSchema,
  ProjectSchema,
  TaskRowSchema,
  TaskSchema,
  TaskStatusSchema,
  TaskTypeSchema,
  TeamMemberSchema,
} from './schemas';
import {
  ApiVersionSchema,
  AssetWithTasksSchema,
  AuthenticatedSchema,
  FullTaskSchema,
  OpenTasksPageSchema,
  OpenTasksStatsSchema,
  ShotWithTasksSchema,
  UserContextSchema,
} from './schemas-views';

export interface KitsuClientOptions {
  /** Kitsu's origin, e.g. "https://kitsu.studio.example" (no /api). */
  origin: string;
  token: string;
  fetch?: typeof globalThis.fetch;
  /** Per attempt, body included. */
  timeoutMs?: number;
  /** Extra attempts for failed reads (GET) only. */
  maxRetries?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Called before every real network request (retries included): lets the cache and benchmarks count them. */
  onRequest?: (event: KitsuRequestEvent) => void;
  /** Requests in flight to this host, shared by every client of it in this worker (./pacing.ts). */
  maxInFlight?: number;
  /** Instead of the host's shared pacer (tests). */
  pacer?: Pacer;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface OpenTasksFilters {
  task_type_id?: string;
  project_id?: string;
  /** Person ids, or 'unassigned'. */
  person_id?: readonly string[] | 'unassigned';
  task_status_id?: string;
  department_id?: string;
  /** Tasks starting on or after this date (YYYY-MM-DD). */
  start_date?: string;
  /** Tasks due on or before this date (YYYY-MM-DD). */
  due_date?: string;
  /** 1-based. */
  page?: number;
  limit?: number;
}

/** One page of the event log: newest first, at most `limit` (zou caps it at 1,000). */
export interface EventLogQuery {
  projectId: string;
  /** Events strictly after / before these instants (zou compares to the second, in UTC). */
  after?: Date;
  before?: Date;
  limit?: number;
}

/** zou's event log reads "YYYY-MM-DDTHH:MM:SS" in UTC, without milliseconds nor offset. */
const eventLogInstant = (instant: Date | undefined) => instant?.toISOString().slice(0, 19);

export interface NewComment {
  task_status_id: string;
  comment: string;
  checklist?: readonly { text: string; checked: boolean }[];
  links?: readonly string[];
}

export interface BatchCommentItem {
  task_id: string;
  task_status_id: string;
  comment: string;
  links?: readonly string[];
}

/**
 * The task fields Sidekick may change with PUT /data/tasks/:id: exactly those
 * a supervisor may edit. Status changes go through comments only, so that
 * zou records them in the task history.
 */
export const TaskUpdateSchema = z
  .object({
    /** Minutes. */
    estimation: z.number().int().nonnegative().nullable(),
    start_date: z.string().nullable(),
    due_date: z.string().nullable(),
    priority: z.number().int().nonnegative(),
    difficulty: z.number().int().min(1).max(5),
  })
  .partial()
  .strict();
export type TaskUpdate = z.infer<typeof TaskUpdateSchema>;

const EntityListSchema = z.array(EntitySchema);
const BATCH_COMMENT_MS_PER_ITEM = 5_000;
/** zou DayOff rows, date and end_date both included; other fields are not needed. */
const DayOffsByPersonSchema = z.record(z.string(), z.array(z.object({ date: z.string(), end_date: z.string() })));
const IdListSchema = z.array(z.string());
const CommentPageSchema = z.object({ data: z.array(CommentSchema), total: z.number(), nb_pages: z.number() });

export function createKitsuClient(options: KitsuClientOptions) {
  const url = new URL(options.origin);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('Kitsu origin must be http(s)');
  if (!options.token) throw new TypeError('A Kitsu token is required');
  const sleep = options.sleep ?? abortableSleep;
  const { request } = createHttp({
    origin: url.origin,
    token: options.token,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    timeoutMs: options.timeoutMs ?? 15_000,
    maxRetries: options.maxRetries ?? 3,
    sleep,
    random: options.random ?? Math.random,
    onRequest: options.onRequest,
    pacer:
      options.pacer ?? pacerFor(url.origin, options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT, { now: Date.now, sleep }),
  });

  const get = getter(request);
  return {
    ...kitsuReads(get),
    ...taskWrites(request, options.timeoutMs ?? 15_000),
    ...previewCalls(request, get),
  };
}

type Request = ReturnType<typeof createHttp>['request'];
type Get = ReturnType<typeof getter>;

function getter(request: Request) {
  return <S extends z.ZodType>(
    path: string,
    schema: S,
    call: CallOptions = {},
    params?: Record<string, string>,
    query?: Record<string, string | number | readonly string[] | undefined>,
  ) => request({ method: 'GET', path, schema, params, query, signal: call.signal });
}

/** What Sidekick reads of Kitsu. */
function kitsuReads(get: Get) {
  const projectList = (kind: string) => (projectId: string, call?: CallOptions) =>
    get(`/data/projects/:projectId/${kind}`, EntityListSchema, call, { projectId });

  return {
    version: (call?: CallOptions) => get('/', ApiVersionSchema, call),
    authenticated: (call?: CallOptions) => get('/auth/authenticated', AuthenticatedSchema, call),
    userContext: (call?: CallOptions) => get('/data/user/context', UserContextSchema, call),

    openProjects: (call?: CallOptions) => get('/data/projects/open', z.array(ProjectSchema), call),
    project: (projectId: string, call?: CallOptions) =>
      get('/data/projects/:projectId', ProjectSchema, call, { projectId }),
    projectTeam: (projectId: string, call?: CallOptions) =>
      get('/data/projects/:projectId/team', z.array(TeamMemberSchema), call, { projectId }),
    episodes: projectList('episodes'),
    sequences: projectList('sequences'),
    shots: projectList('shots'),
    assets: projectList('assets'),
    shotsWithTasks: (projectId: string, filter: { episodeId?: string } = {}, call?: CallOptions) =>
      get('/data/shots/with-tasks', z.array(ShotWithTasksSchema), call, undefined, {
        project_id: projectId,
        episode_id: filter.episodeId,
      }),
    assetsWithTasks: (projectId: string, filter: { episodeId?: string } = {}, call?: CallOptions) =>
      get('/data/assets/with-tasks', z.array(AssetWithTasksSchema), call, undefined, {
        project_id: projectId,
        episode_id: filter.episodeId,
      }),

    taskTypes: (call?: CallOptions) => get('/data/task-types', z.array(TaskTypeSchema), call),
    // zou's CRUD model name is singular here.
    taskStatuses: (call?: CallOptions) => get('/data/task-status', z.array(TaskStatusSchema), call),
    projectTaskStatuses: (projectId: string, call?: CallOptions) =>
      get('/data/projects/:projectId/settings/task-status', z.array(TaskStatusSchema), call, { projectId }),
    task: (taskId: string, call?: CallOptions) => get('/data/tasks/:taskId', TaskSchema, call, { taskId }),
    fullTask: (taskId: string, call?: CallOptions) => get('/data/tasks/:taskId/full', FullTaskSchema, call, { taskId }),
    taskComments: (taskId: string, call?: CallOptions) =>
      get('/data/tasks/:taskId/comments', z.array(CommentSchema), call, { taskId }),
    /**
     * Fresh rows (with assignees) of the given tasks, read at once: zou's generic list filters on a JSON
     * list of ids. Callers keep each call to about 80 ids: zou's gunicorn refuses request lines over 4 KB.
     */
    tasksByIds: (taskIds: readonly string[], call?: CallOptions) =>
      get('/data/tasks', z.array(TaskSchema), call, undefined, { id: JSON.stringify(taskIds), relations: 'true' }),
    /** One page of the production's comments, most recently updated first (zou's sync route). */
    projectComments: (projectId: string, page: { page: number; limit: number }, call?: CallOptions) =>
      get('/data/projects/:projectId/comments', CommentPageSchema, call, { projectId }, page),
    openTasks: (filters: OpenTasksFilters = {}, call?: CallOptions) =>
      get('/data/tasks/open-tasks', OpenTasksPageSchema, call, undefined, { ...filters }),
    openTasksStats: (call?: CallOptions) => get('/data/tasks/open-tasks/stats', OpenTasksStatsSchema, call),
    persons: (call?: CallOptions) => get('/data/persons', z.array(PersonSchema), call),
    /** Day-off periods of the production's team that overlap [startDate, endDate], per person id. */
    projectDayOffs: (projectId: string, range: { startDate: string; endDate: string }, call?: CallOptions) =>
      get(
        '/data/projects/:projectId/day-offs',
        DayOffsByPersonSchema,
        call,
        { projectId },
        {
          start_date: range.startDate,
          end_date: range.endDate,
        },
      ),
    departments: (call?: CallOptions) => get('/data/departments', z.array(DepartmentSchema), call),
    /**
     * One page of the production's event log, newest first. zou lets managers read it (a production
     * manager role counts) and refuses other roles with a 403 ('permission').
     */
    eventLog: (query: EventLogQuery, call?: CallOptions) =>
      get('/data/events/last', z.array(EventLogEntrySchema), call, undefined, {
        project_id: query.projectId,
        after: eventLogInstant(query.after),
        before: eventLogInstant(query.before),
        limit: query.limit,
      }),
  };
}

/** The writes plans make on tasks. */
function taskWrites(request: Request, timeoutMs: number) {
  return {
    /** Comment with a status change. 201 → the created comment. */
    commentTask: (taskId: string, comment: NewComment, call: CallOptions = {}) =>
      request({
        method: 'POST',
        path: '/actions/tasks/:taskId/comment',
        params: { taskId },
        body: comment,
        schema: CommentSchema,
        signal: call.signal,
      }),

    /**
     * One comment per item, authored by the caller. zou skips, without error,
     * items on tasks the caller may not comment: compare the returned
     * comments' object_id with the requested task ids. Not atomic.
     */
    batchComment: (projectId: string, items: readonly BatchCommentItem[], call: CallOptions = {}) =>
      request({
        method: 'POST',
        path: '/actions/projects/:projectId/tasks/comment-many',
        params: { projectId },
        // zou names the task "object_id" in this body only.
        body: items.map(({ task_id, ...rest }) => ({ object_id: task_id, ...rest })),
        schema: z.array(CommentSchema),
        signal: call.signal,
        // zou handles each comment in turn (status, notifications, events): a busy server needs about a
        // second for each, more with several batches in flight, and a write given up on has an unknown outcome.
        timeoutMs: timeoutMs + items.length * BATCH_COMMENT_MS_PER_ITEM,
      }),

    /** Adds the person to the tasks' assignees. Returns the tasks zou actually assigned (others skipped). */
    assignTasks: (personId: string, taskIds: readonly string[], call: CallOptions = {}) =>
      request({
        method: 'PUT',
        path: '/actions/persons/:personId/assign',
        params: { personId },
        body: { task_ids: taskIds },
        schema: z.array(TaskSchema),
        signal: call.signal,
      }),

    /** Without personId zou removes every assignee. Returns the ids of the tasks changed. */
    clearAssignation: (taskIds: readonly string[], personId?: string, call: CallOptions = {}) =>
      request({
        method: 'PUT',
        path: '/actions/tasks/clear-assignation',
        body: personId === undefined ? { task_ids: taskIds } : { task_ids: taskIds, person_id: personId },
        schema: IdListSchema,
        signal: call.signal,
      }),

    /** Returns the tasks zou actually updated (others skipped silently). */
    setPriority: (taskIds: readonly string[], priority: number, call: CallOptions = {}) =>
      request({
        method: 'PUT',
        path: '/actions/tasks/set-priority',
        body: { task_ids: taskIds, priority },
        schema: z.array(TaskRowSchema),
        signal: call.signal,
      }),

    updateTask: (taskId: string, fields: TaskUpdate, call: CallOptions = {}) => {
      const route = 'PUT /data/tasks/:taskId';
      const checked = TaskUpdateSchema.safeParse(fields);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        return Promise.reject(
          new KitsuApiError({
            kind: 'validation',
            route,
            field: issue?.path.join('.') || undefined,
            serverMessage: issue?.message,
          }),
        );
      }
      return request({
        method: 'PUT',
        path: '/data/tasks/:taskId',
        params: { taskId },
        body: checked.data,
        schema: TaskRowSchema,
        signal: call.signal,
      });
    },
  };
}

/** Batch publish's previews, and the comments undo deletes. */
function previewCalls(request: Request, get: Get) {
  return {
    /** An empty preview file on the comment (next revision of the task); the upload fills it. */
    addPreview: (taskId: string, commentId: string, call: CallOptions = {}) =>
      request({
        method: 'POST',
        path: '/actions/tasks/:taskId/comments/:commentId/add-preview',
        params: { taskId, commentId },
        body: {},
        schema: PreviewFileSchema,
        signal: call.signal,
      }),

    /**
     * The file of an empty preview file (multipart `file`; zou reads the format from the name's
     * extension). zou refuses a second upload to a filled one, and deletes the preview file when it
     * refuses the format or its processing fails.
     */
    uploadPreview: (
      previewFileId: string,
      file: Blob,
      fileName: string,
      call: CallOptions & { timeoutMs?: number } = {},
    ) => {
      const form = new FormData();
      form.append('file', file, fileName);
      return request({
        method: 'POST',
        path: '/pictures/preview-files/:previewFileId',
        params: { previewFileId },
        body: form,
        schema: PreviewFileSchema,
        signal: call.signal,
        timeoutMs: call.timeoutMs,
      });
    },

    /** Removes a preview file from its comment (zou answers 204); the comment stays. */
    removePreview: async (taskId: string, commentId: string, previewFileId: string, call: CallOptions = {}) => {
      await request({
        method: 'DELETE',
        path: '/actions/tasks/:taskId/comments/:commentId/preview-files/:previewFileId',
        params: { taskId, commentId, previewFileId },
        schema: z.unknown(),
        signal: call.signal,
      });
    },

    previewFile: (previewFileId: string, call?: CallOptions) =>
      get('/data/preview-files/:previewFileId', PreviewFileSchema, call, { previewFileId }),

    /** zou answers 204 and recomputes the task status from the remaining comments. */
    deleteComment: async (taskId: string, commentId: string, call: CallOptions = {}): Promise<void> => {
      await request({
        method: 'DELETE',
        path: '/data/tasks/:taskId/comments/:commentId',
        params: { taskId, commentId },
        schema: z.unknown(),
        signal: call.signal,
      });
    },
  };
}

export type KitsuClient = ReturnType<typeof createKitsuClient>;
