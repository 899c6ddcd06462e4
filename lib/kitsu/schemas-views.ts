// Schemas of the composite answers of specific zou routes (same strip policy
// as schemas.ts: unknown fields accepted and dropped).
import { z } from 'zod';
import {
  DepartmentSchema,
  EntitySchema,
  PersonSchema,
  ProjectSchema,
  TaskRowSchema,
  TaskSchema,
  TaskStatusSchema,
  TaskTypeSchema,
} from './schemas';

const id = z.string();
const nullableId = z.string().nullable();
const date = z.string();

/** GET / (no auth needed). */
export const ApiVersionSchema = z.object({ api: z.string(), version: z.string() });
export type ApiVersion = z.infer<typeof ApiVersionSchema>;

/** GET /auth/authenticated */
export const AuthenticatedSchema = z.object({
  authenticated: z.boolean(),
  user: PersonSchema.extend({
    departments: z.array(id),
    /** Bot tokens stop working at the end of this day; null = never. */
    expiration_date: date.nullish(),
  }),
  organisation: z.object({
    id,
    name: z.string(),
    hours_by_day: z.number().nullish(),
  }),
});
export type Authenticated = z.infer<typeof AuthenticatedSchema>;

/** GET /data/user/context: the bootstrap call. */
export const UserContextSchema = z.object({
  projects: z.array(ProjectSchema),
  task_types: z.array(TaskTypeSchema),
  task_status: z.array(TaskStatusSchema),
  departments: z.array(DepartmentSchema),
  persons: z.array(PersonSchema),
  /** {project_id: role}, only for projects where a role overrides the global one. */
  project_roles: z.record(z.string(), z.string()),
  asset_types: z.array(z.object({ id, name: z.string() })).optional(),
  notification_count: z.number().optional(),
});
export type UserContext = z.infer<typeof UserContextSchema>;

/** GET /data/tasks/:id/full */
export const FullTaskSchema = TaskSchema.extend({
  entity: EntitySchema,
  entity_type: z.object({ id, name: z.string() }),
  project: ProjectSchema,
  task_status: TaskStatusSchema,
  task_type: TaskTypeSchema,
  persons: z.array(PersonSchema),
  // zou leaves these out when the task has no assigner / is not on a shot.
  assigner: PersonSchema.optional(),
  sequence: EntitySchema.optional(),
  episode: EntitySchema.optional(),
  is_subscribed: z.boolean().optional(),
});
export type FullTask = z.infer<typeof FullTaskSchema>;

/** One item of GET /data/tasks/open-tasks: task fields plus display names. */
export const OpenTaskSchema = TaskSchema.extend({
  project_name: z.string(),
  entity_name: z.string(),
  entity_type_name: z.string(),
  entity_canceled: z.boolean().nullish(),
  // zou sends "" (not null) for a missing episode/preview in this view.
  sequence_name: z.string().nullable(),
  episode_id: z.string().nullable(),
  episode_name: z.string().nullish(),
  type_name: z.string(),
  status_name: z.string(),
  status_short_name: z.string(),
  type_color: z.string().nullish(),
  status_color: z.string().nullish(),
  task_type_for_entity: z.string().nullish(),
});
export type OpenTask = z.infer<typeof OpenTaskSchema>;

export const OpenTasksPageSchema = z.object({
  data: z.array(OpenTaskSchema),
  stats: z.object({
    total: z.number(),
    // SQL sums: null when every task has a null duration/estimation.
    total_duration: z.number().nullable(),
    total_estimation: z.number().nullable(),
    status: z.array(z.object({ task_status_id: id, amount: z.number() })),
  }),
  limit: z.number(),
  page: z.number(),
  is_more: z.boolean(),
});
export type OpenTasksPage = z.infer<typeof OpenTasksPageSchema>;

/**
 * zou's task totals of the open productions the token sees (admin: every open one), per production
 * then per task type and status; concept tasks are left out (todos_service.get_open_tasks_stats).
 */
export const OpenTasksStatsSchema = z.record(
  id,
  z.object({
    task_types: z.array(z.object({ task_status_id: id, task_type_id: id, amount: z.number() })),
  }),
);
export type OpenTasksStats = z.infer<typeof OpenTasksStatsSchema>;

/** Task fields of the with-tasks list views (zou SHOTS_AND_TASKS_TASK_FIELDS / ASSETS_...). */
export const ListTaskSchema = TaskRowSchema.pick({
  id: true,
  entity_id: true,
  task_status_id: true,
  task_type_id: true,
  priority: true,
  difficulty: true,
  estimation: true,
  duration: true,
  retake_count: true,
  start_date: true,
  due_date: true,
  real_start_date: true,
  end_date: true,
  done_date: true,
  last_comment_date: true,
  last_preview_file_id: true,
  data: true,
}).extend({
  assignees: z.array(id),
  is_subscribed: z.boolean().optional(),
});
export type ListTask = z.infer<typeof ListTaskSchema>;

/** GET /data/shots/with-tasks */
export const ShotWithTasksSchema = z.object({
  id,
  name: z.string(),
  project_id: id,
  canceled: z.boolean(),
  parent_id: nullableId,
  sequence_id: nullableId,
  sequence_name: z.string().nullable(),
  episode_id: nullableId.optional(),
  episode_name: z.string().nullish(),
  nb_frames: z.number().nullish(),
  preview_file_id: nullableId.optional(),
  data: z.record(z.string(), z.unknown()).nullish(),
  tasks: z.array(ListTaskSchema),
});
export type ShotWithTasks = z.infer<typeof ShotWithTasksSchema>;

/** GET /data/assets/with-tasks */
export const AssetWithTasksSchema = z.object({
  id,
  name: z.string(),
  asset_type_id: id,
  asset_type_name: z.string(),
  canceled: z.boolean(),
  episode_id: nullableId.optional(),
  casting_episode_ids: z.array(id).nullish(),
  ready_for: nullableId.optional(),
  preview_file_id: nullableId.optional(),
  data: z.record(z.string(), z.unknown()).nullish(),
  tasks: z.array(ListTaskSchema),
});
export type AssetWithTasks = z.infer<typeof AssetWithTasksSchema>;
