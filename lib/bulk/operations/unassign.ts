import { z } from 'zod';
import { sortedIds } from '../../plans/values';
import { assigneeChange, bulkPlan, defineBulkOperation, personName, plural, requireTasks, taskLabel } from './shared';

export const UnassignInputSchema = z.object({ personId: z.string().min(1) });

/** Removes one person from each task and keeps the other assignees (Kitsu's bulk clear removes everyone). */
export const unassignOperation = defineBulkOperation({
  id: 'unassign',
  label: 'Unassign one person',
  needsRole: 'supervisor',
  input: UnassignInputSchema,
  build(input: z.infer<typeof UnassignInputSchema>, context) {
    requireTasks(context);
    const name = personName(input.personId, context);
    return bulkPlan(
      'unassign',
      (count) => `Unassign ${name} from ${plural(count, 'task')}`,
      context.tasks
        .filter((task) => task.assigneeIds.includes(input.personId))
        .map((task) =>
          assigneeChange('unassign', task, input.personId, taskLabel(task, context), sortedIds(task.assigneeIds)),
        ),
      context,
      `${name} is assigned to none of the selected tasks.`,
    );
  },
});
