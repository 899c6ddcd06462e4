import { z } from 'zod';
import type { SelectedTask } from '../selection';
import { type BulkContext, bulkPlan, defineBulkOperation, plural, requireTasks, taskLabel } from './shared';

export const SetEstimateInputSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('fixed'),
    /** zou stores estimates in minutes. */
    minutes: z.number().int().positive().max(1_000_000),
    onlyMissing: z.boolean().default(false),
  }),
  z.object({ mode: z.literal('median'), onlyMissing: z.boolean().default(true) }),
]);

/** Whole minutes; the middle value, or the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round(value ?? 0);
}

/** Median estimate per task type and entity type, over the production's tasks that have one. */
function similarMedians(context: BulkContext): Map<string, number> {
  const groups = new Map<string, number[]>();
  const key = (task: SelectedTask) => `${task.entityType}:${task.taskTypeId}`;
  for (const task of context.productionTasks) {
    if (task.estimation && task.estimation > 0)
      groups.set(key(task), [...(groups.get(key(task)) ?? []), task.estimation]);
  }
  const medians = new Map<string, number>();
  for (const [group, values] of groups) medians.set(group, median(values) ?? 0);
  return new Map([...medians].map(([group, value]) => [group, value]));
}

/** A fixed estimate, or the median of similar tasks (same task type, same entity type). */
export const setEstimateOperation = defineBulkOperation({
  id: 'set-estimate',
  label: 'Set estimates',
  needsRole: 'supervisor',
  input: SetEstimateInputSchema,
  build(input: z.output<typeof SetEstimateInputSchema>, context) {
    requireTasks(context);
    const medians = input.mode === 'median' ? similarMedians(context) : null;
    const target = (task: SelectedTask): number | undefined =>
      input.mode === 'fixed' ? input.minutes : medians?.get(`${task.entityType}:${task.taskTypeId}`);
    return bulkPlan(
      'set-estimate',
      (count) =>
        input.mode === 'fixed'
          ? `Set a ${input.minutes} min estimate on ${plural(count, 'task')}`
          : `Set the median estimate of similar tasks on ${plural(count, 'task')}`,
      context.tasks.flatMap((task) => {
        const after = target(task);
        if (after === undefined || after === task.estimation) return [];
        if (input.onlyMissing && task.estimation) return [];
        return [
          {
            kind: 'set-estimate' as const,
            taskId: task.taskId,
            taskLabel: taskLabel(task, context),
            before: task.estimation,
            after,
            preconditions: { estimation: task.estimation },
          },
        ];
      }),
      context,
      input.mode === 'median'
        ? 'No selected task needs an estimate that similar tasks could give.'
        : 'The selected tasks already have this estimate.',
    );
  },
});
