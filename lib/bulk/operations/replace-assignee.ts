import { z } from 'zod';
import { sortedIds } from '../../plans/values';
import { assigneeChange, bulkPlan, defineBulkOperation, personName, plural, requireTasks, taskLabel } from './shared';

export const ReplaceAssigneeInputSchema = z
  .object({ fromPersonId: z.string().min(1), toPersonId: z.string().min(1) })
  .refine((input) => input.fromPersonId !== input.toPersonId, 'Pick two different people.');

/**
 * On each task of A: assign B (unless B is already there), then unassign A. The unassign expects B
 * among the assignees, so a task where B could not be added (changed by a person meanwhile, or
 * refused by Kitsu) keeps A rather than ending up with nobody.
 */
export const replaceAssigneeOperation = defineBulkOperation({
  id: 'replace-assignee',
  label: 'Replace an assignee by another',
  needsRole: 'supervisor',
  input: ReplaceAssigneeInputSchema,
  build(input: z.infer<typeof ReplaceAssigneeInputSchema>, context) {
    requireTasks(context);
    const from = personName(input.fromPersonId, context);
    const to = personName(input.toPersonId, context);
    return bulkPlan(
      'replace-assignee',
      (count) => `Replace ${from} by ${to} on ${plural(count, 'task')}`,
      context.tasks
        .filter((task) => task.assigneeIds.includes(input.fromPersonId))
        .flatMap((task) => {
          const before = sortedIds(task.assigneeIds);
          const label = taskLabel(task, context);
          const withNew = before.includes(input.toPersonId) ? before : sortedIds([...before, input.toPersonId]);
          const assign = withNew === before ? [] : [assigneeChange('assign', task, input.toPersonId, label, before)];
          return [...assign, assigneeChange('unassign', task, input.fromPersonId, label, withNew)];
        }),
      context,
      `${from} is assigned to none of the selected tasks.`,
    );
  },
});
