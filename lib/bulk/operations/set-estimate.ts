import { z } from 'zod';
import { t } from '../../i18n/pure';
import type { SelectedTask } from '../selection';
import { type BulkContext, bulkPlan, defineBulkOperation, taskCount, taskLabel } from './shared';

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
  label: t('bulkOpSetEstimate'),
  needsRole: 'supervisor',
  fields: [
    {
      kind: 'choice',
      key: 'estimateMode',
      label: t('bulkOpEstimateField'),
      options: [
        { id: 'fixed', name: t('bulkOpFixedEstimate') },
        { id: 'median', name: t('bulkOpMedianEstimate') },
      ],
      default: 'fixed',
    },
    {
      kind: 'number',
      key: 'estimateHours',
      label: t('bulkOpHoursField'),
      default: 8,
      min: 0,
      step: 0.5,
      required: t('bulkOpGiveHours'),
      shownWhen: { key: 'estimateMode', is: 'fixed' },
    },
    { kind: 'check', key: 'estimateMissing', label: t('bulkOpOnlyMissing'), default: false },
  ],
  inputOf: (values) =>
    values.estimateMode === 'fixed'
      ? { mode: 'fixed', minutes: Math.round(Number(values.estimateHours) * 60), onlyMissing: values.estimateMissing }
      : { mode: 'median', onlyMissing: values.estimateMissing },
  input: SetEstimateInputSchema,
  build(input: z.output<typeof SetEstimateInputSchema>, context) {
    const medians = input.mode === 'median' ? similarMedians(context) : null;
    const target = (task: SelectedTask): number | undefined =>
      input.mode === 'fixed' ? input.minutes : medians?.get(`${task.entityType}:${task.taskTypeId}`);
    return bulkPlan(
      'set-estimate',
      (count) =>
        input.mode === 'fixed'
          ? // A string, not a number: the title keeps the minutes as zou stores them, without grouping.
            t('bulkOpTitleFixedEstimate', { minutes: String(input.minutes), tasks: taskCount(count) })
          : t('bulkOpTitleMedianEstimate', { tasks: taskCount(count) }),
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
      input.mode === 'median' ? t('bulkOpNoMedian') : t('bulkOpSameEstimate'),
    );
  },
});
