import { z } from 'zod';
import { todayOf } from '../../agent/dates';
import { bulkPlan, defineBulkOperation, plural, requireTasks, taskLabel } from './shared';

export const StartWipInputSchema = z.object({
  /** The start date to give; absent: today. */
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date')
    .optional(),
});

/** Work has started on tasks in a WIP status that have no start date: give them one, for the schedule. */
export const startWipOperation = defineBulkOperation({
  id: 'start-wip',
  label: 'Set a start date on WIP tasks without one',
  needsRole: 'supervisor',
  input: StartWipInputSchema,
  build(input: z.infer<typeof StartWipInputSchema>, context) {
    requireTasks(context);
    const startDate = input.startDate ?? todayOf(context.now);
    return bulkPlan(
      'start-wip',
      (count) => `Set start date ${startDate} on ${plural(count, 'WIP task')}`,
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
      'No selected task is in progress without a start date.',
    );
  },
});
