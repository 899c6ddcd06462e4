import { z } from 'zod';
import { t } from '../../i18n/pure';
import { todayOf } from '../../shared/dates';
import { bulkPlan, defineBulkOperation, taskLabel } from './shared';

export const StartWipInputSchema = z.object({
  /** The start date to give; absent: today. */
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, t('bulkOpExpectedDay'))
    .optional(),
});

/** Work has started on tasks in a WIP status that have no start date: give them one, for the schedule. */
export const startWipOperation = defineBulkOperation({
  id: 'start-wip',
  label: t('bulkOpStartWip'),
  needsRole: 'supervisor',
  fields: [{ kind: 'date', key: 'wipStart', label: t('bulkOpStartDate'), hint: t('bulkOpEmptyToday') }],
  inputOf: (values) => (values.wipStart ? { startDate: values.wipStart } : {}),
  input: StartWipInputSchema,
  build(input: z.infer<typeof StartWipInputSchema>, context) {
    const startDate = input.startDate ?? todayOf(context.now);
    return bulkPlan(
      'start-wip',
      (count) => t('bulkOpTitleStartWip', { date: startDate, tasks: t('bulkOpWipTasks', { count }) }),
      context.tasks
        .filter((task) => context.wipStatusIds.has(task.statusId) && task.startDate === null)
        .map((task) => ({
          kind: 'set-dates' as const,
          taskId: task.taskId,
          taskLabel: taskLabel(task, context),
          start: { before: null, after: startDate },
          preconditions: { startDate: null, statusId: task.statusId },
        })),
      context,
      t('bulkOpNoWipWithoutStart'),
    );
  },
});
