// A plan is data: what Sidekick proposes to write, with the values it saw
// (before), the values it will write (after) and the facts it relied on
// (preconditions). Plans are built by pure functions, validated here, shown
// to a person, and only then handed to the executor.
import { z } from 'zod';

const id = z.string().min(1);
/** zou dates: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS"; null = no date. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}/, 'expected a YYYY-MM-DD date')
  .nullable();

export const PLAN_ORIGIN_KINDS = ['rule', 'bulk', 'undo', 'publish'] as const;

/** A comment changes the status (both present) or keeps the current one (both absent). */
const statusesTogether = [
  (op: { statusBefore?: string; statusAfter?: string }) =>
    (op.statusBefore === undefined) === (op.statusAfter === undefined),
  { message: 'statusBefore and statusAfter go together' },
] as const;

/** The fields of a task that operations change and rely on, as read from zou. */
export const TASK_STATE_FIELDS = {
  statusId: id,
  assigneeIds: z.array(id),
  dueDate: day,
  startDate: day,
  /** Minutes. */
  estimation: z.number().nonnegative().nullable(),
  priority: z.number().int().nonnegative(),
};

/** Only the fields the operation depends on; absent = not checked. */
export const PreconditionsSchema = z
  .object({
    // assigneeIds: sorted ids.
    ...TASK_STATE_FIELDS,
    lastCommentDate: z.string().nullable(),
  })
  .partial()
  .strict();
export type Preconditions = z.infer<typeof PreconditionsSchema>;
export type PreconditionField = keyof Preconditions;

const base = {
  id,
  taskId: id,
  /** Entity + task type ("SH010 / Animation"), for the preview. */
  taskLabel: z.string().min(1),
  preconditions: PreconditionsSchema,
};

export const CommentOperationSchema = z
  .object({
    ...base,
    kind: z.literal('comment'),
    text: z.string().trim().min(1),
    /** Both present = the comment changes the status; both absent = it keeps the current one. */
    statusBefore: id.optional(),
    statusAfter: id.optional(),
  })
  .strict()
  .refine(...statusesTogether);

const assignees = z.array(id);
const personOperation = <K extends 'assign' | 'unassign'>(kind: K) =>
  z.object({ ...base, kind: z.literal(kind), personId: id, assigneesBefore: assignees }).strict();
export const AssignOperationSchema = personOperation('assign');
export const UnassignOperationSchema = personOperation('unassign');

export const ClearAssignationOperationSchema = z
  .object({ ...base, kind: z.literal('clear-assignation'), assigneesBefore: assignees })
  .strict();

const dayChange = z.object({ before: day, after: day }).strict();
export const SetDatesOperationSchema = z
  .object({ ...base, kind: z.literal('set-dates'), start: dayChange.optional(), due: dayChange.optional() })
  .strict()
  .refine((op) => op.start !== undefined || op.due !== undefined, { message: 'set-dates changes no date' });

const minutes = z.number().nonnegative().nullable();
export const SetEstimateOperationSchema = z
  .object({ ...base, kind: z.literal('set-estimate'), before: minutes, after: minutes })
  .strict();

const priority = z.number().int().nonnegative();
export const SetPriorityOperationSchema = z
  .object({ ...base, kind: z.literal('set-priority'), before: priority, after: priority })
  .strict();

/** A file the person dropped on the publish page, kept in the extension's IndexedDB until it is uploaded. */
export const PublishFileSchema = z
  .object({
    /** Key in the extension's publish file store (lib/publish/files.ts). */
    id,
    name: z.string().min(1),
    /** Bytes. */
    size: z.number().int().nonnegative(),
    type: z.string(),
  })
  .strict();

/** Batch publish: a comment (optionally changing the status), then the file as its preview. */
export const PublishPreviewOperationSchema = z
  .object({
    ...base,
    kind: z.literal('publish-preview'),
    file: PublishFileSchema,
    text: z.string().trim().min(1),
    statusBefore: id.optional(),
    statusAfter: id.optional(),
  })
  .strict()
  .refine(...statusesTogether);

/** Only undo plans delete: a comment Sidekick posted in an earlier job. */
export const DeleteCommentOperationSchema = z
  .object({
    ...base,
    kind: z.literal('delete-comment'),
    commentId: id,
    text: z.string(),
    /** The status the task had before the comment; zou recomputes it from the remaining comments. */
    statusBefore: id.optional(),
    /**
     * When the status zou recomputes is not `statusBefore` (it was not set by a comment), this comment,
     * with the marker, sets it back: the person saw its text in the preview.
     */
    restoreText: z.string().trim().min(1).optional(),
  })
  .strict();

export const OperationSchema = z.discriminatedUnion('kind', [
  CommentOperationSchema,
  AssignOperationSchema,
  UnassignOperationSchema,
  ClearAssignationOperationSchema,
  SetDatesOperationSchema,
  SetEstimateOperationSchema,
  SetPriorityOperationSchema,
  DeleteCommentOperationSchema,
  PublishPreviewOperationSchema,
]);
export type Operation = z.infer<typeof OperationSchema>;
export type OperationKind = Operation['kind'];
export type OperationOf<K extends OperationKind> = Extract<Operation, { kind: K }>;

export const PlanSchema = z
  .object({
    id,
    title: z.string().min(1),
    origin: z.object({ kind: z.enum(PLAN_ORIGIN_KINDS), id }).strict(),
    createdAt: z.iso.datetime({ offset: true }),
    /** Kitsu origin the plan was built against, e.g. "https://kitsu.studio.example". */
    host: z.url({ protocol: /^https?$/ }).refine(isBareOrigin, 'expected a bare origin'),
    projectId: id,
    operations: z.array(OperationSchema).min(1),
  })
  .strict()
  .superRefine((plan, context) => {
    const seen = new Set<string>();
    plan.operations.forEach((op, index) => {
      if (seen.has(op.id)) {
        context.addIssue({
          code: 'custom',
          path: ['operations', index, 'id'],
          message: `duplicate operation id ${op.id}`,
        });
      }
      seen.add(op.id);
    });
  });
export type Plan = z.infer<typeof PlanSchema>;

function isBareOrigin(value: string): boolean {
  // zod runs refinements even after the url check failed.
  return URL.canParse(value) && new URL(value).origin === value;
}

/** The fields of a task an operation reads or writes, in the names of zou's task. */
export interface TaskState {
  id: string;
  task_status_id: string;
  assignees: readonly string[];
  due_date: string | null;
  start_date: string | null;
  estimation: number | null;
  priority: number;
  last_comment_date: string | null;
  assigner_id?: string | null;
}
