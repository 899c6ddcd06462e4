// What every bulk operation shares: the data it is built from, its registry entry, and the plan
// skeleton. Operations are pure: the background reads Kitsu and hands them this context.
import type { z } from 'zod';
import type { Operation, Plan } from '../../plans/model';
import type { ProjectRole } from '../../plans/permissions';
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
  /** Statuses Kitsu counts as work in progress. */
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

export interface BulkOperationDefinition<Input> {
  id: string;
  label: string;
  /** The least Kitsu role whose token may run it; the panel does not offer it to a lesser one. */
  needsRole: ProjectRole;
  /** What the dock sends as the operation's input: validated here, in the background. */
  input: z.ZodType<Input>;
  build(input: Input, context: BulkContext): Plan;
}

/** A registered operation: its input arrives unchecked from a message and is validated by its schema. */
export interface BulkOperation {
  id: string;
  label: string;
  needsRole: ProjectRole;
  input: z.ZodType;
  plan(input: unknown, context: BulkContext): Plan;
}

export function defineBulkOperation<Input>(definition: BulkOperationDefinition<Input>): BulkOperation {
  return {
    id: definition.id,
    label: definition.label,
    needsRole: definition.needsRole,
    input: definition.input,
    plan(raw, context) {
      const parsed = definition.input.safeParse(raw);
      if (!parsed.success) throw new BulkInputError(parsed.error.issues[0]?.message ?? 'These settings are not valid.');
      return definition.build(parsed.data, context);
    },
  };
}

export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function requireTasks(context: BulkContext): void {
  if (context.tasks.length === 0) throw new BulkInputError('Select at least one task.');
}

export function taskLabel(task: SelectedTask, context: BulkContext): string {
  return `${task.entityName} / ${context.taskTypeNames.get(task.taskTypeId) ?? 'task'}`;
}

export function personName(personId: string, context: BulkContext): string {
  return context.personNames.get(personId) ?? 'someone';
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
  if (!first) throw new BulkInputError('Select at least one task.');
  if (new Set(context.tasks.map((task) => task.projectId)).size > 1) {
    throw new BulkInputError('These tasks belong to several productions: build one plan per production.');
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
