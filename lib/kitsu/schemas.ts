// zod schemas of the zou models Sidekick reads.
//
// Objects use zod's default "strip" mode, not .loose(): unknown fields are
// accepted (zou adds fields between versions) but dropped from the parsed
// value, so nothing downstream can depend on a field no schema has checked,
// and cached entries stay small. A field Sidekick needs must be declared here.
//
// Required = what Sidekick relies on (ids, names, foreign keys, dates, status
// flags). `.nullable()` where zou serializes an empty column as null;
// `.optional()` where a route may leave the field out altogether.
// Ids are plain strings, not z.uuid(): some views send "" for "no episode".
import { z } from 'zod';

const id = z.string();
const nullableId = z.string().nullable();
/** zou dates: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS" (UTC, no offset). */
const date = z.string();
const json = z.record(z.string(), z.unknown());

export const PersonSchema = z.object({
  id,
  first_name: z.string(),
  last_name: z.string(),
  full_name: z.string(),
  role: z.string(),
  active: z.boolean(),
  is_bot: z.boolean(),
  has_avatar: z.boolean().optional(),
  departments: z.array(id).optional(),
  studio_id: nullableId.optional(),
  desktop_login: z.string().nullish(),
  // Only in the full view managers and the person themself get.
  email: z.string().nullish(),
});
export type Person = z.infer<typeof PersonSchema>;

export const ProjectSchema = z.object({
  id,
  name: z.string(),
  code: z.string().nullish(),
  project_status_id: id,
  production_type: z.string().nullish(),
  start_date: date.nullish(),
  end_date: date.nullish(),
  fps: z.string().nullish(),
  max_retakes: z.number().nullish(),
  is_bot_collaboration_enabled: z.boolean().nullish(),
  team: z.array(id).optional(),
  task_types: z.array(id).optional(),
  task_statuses: z.array(id).optional(),
});
export type Project = z.infer<typeof ProjectSchema>;

/** Episodes, sequences, shots and assets are all `entity` rows told apart by entity_type_id. */
export const EntitySchema = z.object({
  id,
  name: z.string(),
  project_id: id,
  entity_type_id: id,
  parent_id: nullableId,
  canceled: z.boolean(),
  description: z.string().nullish(),
  code: z.string().nullish(),
  nb_frames: z.number().nullish(),
  preview_file_id: nullableId.optional(),
  source_id: nullableId.optional(),
  ready_for: nullableId.optional(),
  status: z.string().nullish(),
  data: json.nullish(),
  type: z.string().optional(),
});
export type Entity = z.infer<typeof EntitySchema>;

export const TaskTypeSchema = z.object({
  id,
  name: z.string(),
  short_name: z.string().nullish(),
  color: z.string(),
  priority: z.number().nullable(),
  for_entity: z.string(),
  department_id: nullableId,
  archived: z.boolean().optional(),
  allow_timelog: z.boolean().optional(),
});
export type TaskType = z.infer<typeof TaskTypeSchema>;

export const TaskStatusSchema = z.object({
  id,
  name: z.string(),
  short_name: z.string(),
  color: z.string(),
  is_done: z.boolean(),
  is_retake: z.boolean(),
  is_feedback_request: z.boolean(),
  is_default: z.boolean().nullish(),
  is_wip: z.boolean().nullish(),
  is_artist_allowed: z.boolean().nullish(),
  is_client_allowed: z.boolean().nullish(),
  for_concept: z.boolean().nullish(),
  archived: z.boolean().optional(),
  priority: z.number().nullish(),
});
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

/** GET /data/projects/:id/team adds the role a person holds on this production only (null: their studio role). */
export const TeamMemberSchema = PersonSchema.extend({ project_role: z.string().nullish() });
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const DepartmentSchema = z.object({
  id,
  name: z.string(),
  color: z.string().nullish(),
  archived: z.boolean().optional(),
});
export type Department = z.infer<typeof DepartmentSchema>;

/** A task row as the write routes return it: zou serializes it without relations (no assignees). */
export const TaskRowSchema = z.object({
  id,
  name: z.string().nullish(),
  project_id: id,
  task_type_id: id,
  task_status_id: id,
  entity_id: id,
  assignees: z.array(id).optional(),
  assigner_id: nullableId.optional(),
  priority: z.number(),
  difficulty: z.number().nullish(),
  /** Minutes, like duration. */
  estimation: z.number().nullable(),
  duration: z.number().nullable(),
  retake_count: z.number(),
  start_date: date.nullable(),
  due_date: date.nullable(),
  real_start_date: date.nullish(),
  end_date: date.nullish(),
  done_date: date.nullish(),
  last_comment_date: date.nullable(),
  last_preview_file_id: nullableId.optional(),
  data: json.nullish(),
  created_at: date.optional(),
  updated_at: date.optional(),
});
export type TaskRow = z.infer<typeof TaskRowSchema>;

/** GET /data/tasks/:id serializes with relations: assignees are there. */
export const TaskSchema = TaskRowSchema.extend({ assignees: z.array(id) });
export type Task = z.infer<typeof TaskSchema>;

const CommentAuthorSchema = z.object({
  id,
  first_name: z.string(),
  last_name: z.string(),
  full_name: z.string().nullish(),
  role: z.string().nullish(),
  has_avatar: z.boolean().nullish(),
});

const CommentPreviewSchema = z.object({
  id,
  revision: z.number().nullish(),
  extension: z.string().nullish(),
  status: z.string().nullish(),
});

export const CommentSchema = z.object({
  id,
  object_id: id,
  object_type: z.string().optional(),
  text: z.string().nullable(),
  task_status_id: id,
  person_id: id,
  created_at: date,
  updated_at: date.optional(),
  editor_id: nullableId.optional(),
  pinned: z.boolean().nullish(),
  for_client: z.boolean().nullish(),
  checklist: z.array(z.unknown()).nullish(),
  links: z.array(z.string()).nullish(),
  mentions: z.array(id).optional(),
  department_mentions: z.array(id).optional(),
  acknowledgements: z.array(id).optional(),
  previews: z.array(CommentPreviewSchema).optional(),
  person: CommentAuthorSchema.optional(),
  task_status: z.object({ id, name: z.string(), short_name: z.string(), color: z.string() }).optional(),
});
export type Comment = z.infer<typeof CommentSchema>;

/** A preview file: created empty by add-preview, filled by the upload (original_name set, status ready). */
export const PreviewFileSchema = z.object({
  id,
  task_id: nullableId.optional(),
  revision: z.number().nullish(),
  position: z.number().nullish(),
  extension: z.string().nullish(),
  original_name: z.string().nullish(),
  /** "processing", "ready" or "broken". */
  status: z.string().nullish(),
  file_size: z.number().nullish(),
  width: z.number().nullish(),
  height: z.number().nullish(),
});
export type PreviewFile = z.infer<typeof PreviewFileSchema>;

/**
 * A row of zou's event log (GET /data/events/last): every event zou emits, saved with the person whose
 * token made the request (user_id; null when no request was behind it). created_at is UTC to the second.
 * `data` holds the ids the live event carried (task_id, person_id, comment_id...), nothing more.
 */
export const EventLogEntrySchema = z.object({
  id,
  created_at: date,
  name: z.string(),
  user_id: nullableId,
  project_id: nullableId.optional(),
  data: json.nullable(),
});
export type EventLogEntry = z.infer<typeof EventLogEntrySchema>;
