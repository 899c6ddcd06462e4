import { z } from 'zod';
import { bulkPlan, defineBulkOperation, plural, requireTasks, taskLabel } from './shared';

/** Kitsu's priorities: 0 normal, 1 high, 2 very high, 3 emergency. */
export const PRIORITY_NAMES = ['Normal', 'High', 'Very high', 'Emergency'] as const;

export const SetPriorityInputSchema = z.object({ priority: z.number().int().min(0).max(3) });

export const setPriorityOperation = defineBulkOperation({
  id: 'set-priority',
  label: 'Set priority',
  needsRole: 'supervisor',
  input: SetPriorityInputSchema,
  build(input: z.infer<typeof SetPriorityInputSchema>, context) {
    requireTasks(context);
    const name = PRIORITY_NAMES[input.priority] ?? String(input.priority);
    return bulkPlan(
      'set-priority',
      (count) => `Set priority ${name} on ${plural(count, 'task')}`,
      context.tasks
        .filter((task) => task.priority !== input.priority)
        .map((task) => ({
          kind: 'set-priority' as const,
          taskId: task.taskId,
          taskLabel: taskLabel(task, context),
          before: task.priority,
          after: input.priority,
          preconditions: { priority: task.priority },
        })),
      context,
      `The selected tasks already have the priority ${name}.`,
    );
  },
});
