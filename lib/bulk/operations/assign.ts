import { z } from 'zod';
import { sortedIds } from '../../plans/values';
import { bulkPlan, defineBulkOperation, personName, plural, requireTasks, taskLabel } from './shared';

export const AssignInputSchema = z.object({ personId: z.string().min(1) });

/** Adds one person to each task's assignees; tasks that already have them are left out. */
export const assignOperation = defineBulkOperation({
  id: 'assign',
  label: 'Assign a person',
  needsRole: 'supervisor',
  input: AssignInputSchema,
  build(input: z.infer<typeof AssignInputSchema>, context) {
    requireTasks(context);
    const name = personName(input.personId, context);
    return bulkPlan(
      'assign',
      (count) => `Assign ${name} to ${plural(count, 'task')}`,
      context.tasks
        .filter((task) => !task.assigneeIds.includes(input.personId))
        .map((task) => {
          const before = sortedIds(task.assigneeIds);
          return {
            kind: 'assign' as const,
            taskId: task.taskId,
            taskLabel: taskLabel(task, context),
            personId: input.personId,
            assigneesBefore: before,
            preconditions: { assigneeIds: before },
          };
        }),
      context,
      `${name} is already assigned to every selected task.`,
    );
  },
});
