// What every bulk operation shares: the data it is built from, its registry entry, and the plan
// skeleton. Operations are pure: the background reads Kitsu and hands them this context.
import type { z } from 'zod';
import { type FormField, type FormValuesOf, formValues, unfitValue } from '../../forms/fields';
import { t } from '../../i18n/pure';
import type { Operation, Plan } from '../../plans/model';
import type { KitsuRole } from '../../shared/roles';
import type { TaskLabel } from '../../workflow/labels';
import { selectionLabels } from '../labels';
import type { SelectedTask } from '../selection';
import type { DayOff } from '../working-days';

export interface BulkContext {
  /** The selection, already filtered; never empty when an operation runs. */
  tasks: readonly SelectedTask[];
  /** Every task of the page's scope (production, entity type, episode): where "similar tasks" come from. */
  productionTasks: readonly SelectedTask[];
  taskTypeNames: ReadonlyMap<string, string>;
  statusNames: ReadonlyMap<string, string>;
  personNames: ReadonlyMap<string, string>;
  /** Statuses whose role is work in progress (lib/workflow/status-roles.ts). */
  wipStatusIds: ReadonlySet<string>;
  /** Day-off periods per person id (Kitsu's day-offs of the production's team). */
  dayOffs: ReadonlyMap<string, readonly DayOff[]>;
  host: string;
  planId: string;
  now: Date;
}

/** A person-facing reason why an operation makes no plan out of this input. */
export class BulkInputError extends Error {
  override name = 'BulkInputError';
}

/**
 * One bulk operation, declared in its own file: what the panel offers (label, least role, the inputs
 * it shows), how those inputs make the operation's input, and the pure plan builder.
 */
export interface BulkOperationDefinition<Input, Fields extends readonly FormField[]> {
  id: string;
  label: string;
  /** The least Kitsu role whose token may run it; the panel does not offer it to a lesser one. */
  needsRole: KitsuRole;
  /** The inputs the panel shows for it, in order (plain data: the panel renders any of them). */
  fields: Fields;
  /** The panel's values (each field's, or its default) as the operation's input, before `input` validates it. */
  inputOf(values: FormValuesOf<Fields>): unknown;
  /** The operation's input, validated here in the background whatever the dock sent. */
  input: z.ZodType<Input>;
  /** Working days the input moves dates by (absent: none): the background reads the day-offs around them. */
  shiftsDatesBy?(input: Input): number;
  build(input: Input, context: BulkContext): Plan;
}

/** A registered operation: what it receives arrives unchecked from a message. */
export interface BulkOperation {
  id: string;
  label: string;
  needsRole: KitsuRole;
  fields: readonly FormField[];
  input: z.ZodType;
  /**
   * The operation's (unvalidated) input from the panel's values; a field left out takes its default.
   * Refuses (BulkInputError) a value that is none of its fields', or that its field cannot hold.
   */
  inputOf(values: Readonly<Record<string, unknown>>): unknown;
  /** Working days a valid input moves dates by; 0 when it moves none (or is not valid). */
  workingDaysShift(input: unknown): number;
  /** Validates the input (a refusal says why, in the person's terms), then builds the plan. */
  plan(input: unknown, context: BulkContext): Plan;
}

export function defineBulkOperation<Input, const Fields extends readonly FormField[]>(
  definition: BulkOperationDefinition<Input, Fields>,
): BulkOperation {
  return {
    id: definition.id,
    label: definition.label,
    needsRole: definition.needsRole,
    fields: definition.fields,
    input: definition.input,
    // formValues gives every declared field a value of its kind: the shape FormValuesOf describes.
    inputOf(values) {
      const unfit = unfitValue(definition.fields, values);
      if (unfit !== null)
        throw new BulkInputError(t('bulkOpInvalidInput', { field: unfit, operation: definition.label }));
      return definition.inputOf(formValues(definition.fields, values) as FormValuesOf<Fields>);
    },
    workingDaysShift(raw) {
      const parsed = definition.input.safeParse(raw);
      return parsed.success && definition.shiftsDatesBy ? definition.shiftsDatesBy(parsed.data) : 0;
    },
    plan(raw, context) {
      const parsed = definition.input.safeParse(raw);
      if (!parsed.success) throw new BulkInputError(parsed.error.issues[0]?.message ?? t('bulkOpInvalidSettings'));
      requireTasks(context);
      return definition.build(parsed.data, context);
    },
  };
}

/** "3 tasks": the count a plan title names, in the person's language. */
export const taskCount = (count: number): string => t('bulkOpTasks', { count });

export function requireTasks(context: BulkContext): void {
  if (context.tasks.length === 0) throw new BulkInputError(t('bulkOpSelectTask'));
}

// The labels of a selection, computed once per plan build (the selection's array identifies it).
const labelsOfSelection = new WeakMap<readonly SelectedTask[], ReadonlyMap<string, TaskLabel>>();

/** The task's identifying label, told apart from every other task of the selection. */
export function taskLabel(task: SelectedTask, context: BulkContext): string {
  const typeName = (taskTypeId: string) => context.taskTypeNames.get(taskTypeId) ?? t('bulkOpTaskFallback');
  let labels = labelsOfSelection.get(context.tasks);
  if (!labels) {
    labels = selectionLabels(context.tasks, typeName);
    labelsOfSelection.set(context.tasks, labels);
  }
  const label = labels.get(task.taskId) ?? selectionLabels([task], typeName).get(task.taskId);
  return label?.full ?? task.entityName;
}

/** A select of the production's people that the person must fill (`required` says so while it is empty). */
export function personField<const Key extends string>(key: Key, label: string, required: string) {
  return { kind: 'select', key, label, of: 'persons', none: t('bulkOpPickPerson'), required } as const;
}

export function personName(personId: string, context: BulkContext): string {
  return context.personNames.get(personId) ?? t('bulkOpSomeone');
}

type Draft = Operation extends infer O ? (O extends Operation ? Omit<O, 'id'> : never) : never;

/**
 * The plan of a bulk operation. `drafts` are its operations in order, without ids; an operation
 * that changes nothing on any selected task is refused with `nothingToDo`.
 */
export function bulkPlan(
  operationId: string,
  title: (count: number) => string,
  drafts: readonly Draft[],
  context: BulkContext,
  nothingToDo: string,
): Plan {
  const [first] = context.tasks;
  if (!first) throw new BulkInputError(t('bulkOpSelectTask'));
  if (new Set(context.tasks.map((task) => task.projectId)).size > 1) {
    throw new BulkInputError(t('bulkOpSeveralProductions'));
  }
  if (drafts.length === 0) throw new BulkInputError(nothingToDo);
  const taskCount = new Set(drafts.map((draft) => draft.taskId)).size;
  return {
    id: context.planId,
    title: title(taskCount),
    origin: { kind: 'bulk', id: operationId },
    createdAt: context.now.toISOString(),
    host: context.host,
    projectId: first.projectId,
    operations: drafts.map((draft, index) => ({ ...draft, id: `op-${index + 1}` }) as Operation),
  };
}

/** Adds or removes one person on a task, expecting the assignees the task had when the person looked. */
export function assigneeChange(
  kind: 'assign' | 'unassign',
  task: SelectedTask,
  personId: string,
  label: string,
  assigneesBefore: string[],
) {
  return {
    kind,
    taskId: task.taskId,
    taskLabel: label,
    personId,
    assigneesBefore,
    preconditions: { assigneeIds: assigneesBefore },
  };
}
