import { z } from 'zod';
import { sortedIds } from '../../plans/values';
import { assigneeChange, bulkPlan, defineBulkOperation, personName, plural, requireTasks, taskLabel } from './shared';

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
        .map((task) =>
          assigneeChange('assign', task, input.personId, taskLabel(task, context), sortedIds(task.assigneeIds)),
        ),
      context,
      `${name} is already assigned to every selected task.`,
    );
  },
});
