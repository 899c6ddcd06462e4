import { z } from 'zod';
import { t } from '../../i18n/pure';
import { sortedIds } from '../../plans/values';
import { assigneeChange, bulkPlan, defineBulkOperation, personField, personName, taskCount, taskLabel } from './shared';

export const UnassignInputSchema = z.object({ personId: z.string().min(1) });

/** Removes one person from each task and keeps the other assignees (Kitsu's bulk clear removes everyone). */
export const unassignOperation = defineBulkOperation({
  id: 'unassign',
  label: t('bulkOpUnassign'),
  needsRole: 'supervisor',
  fields: [personField('person', t('bulkOpUnassignField'), t('bulkOpPickPersonRequired'))],
  inputOf: (values) => ({ personId: values.person }),
  input: UnassignInputSchema,
  build(input: z.infer<typeof UnassignInputSchema>, context) {
    const name = personName(input.personId, context);
    return bulkPlan(
      'unassign',
      (count) => t('bulkOpTitleUnassign', { person: name, tasks: taskCount(count) }),
      context.tasks
        .filter((task) => task.assigneeIds.includes(input.personId))
        .map((task) =>
          assigneeChange('unassign', task, input.personId, taskLabel(task, context), sortedIds(task.assigneeIds)),
        ),
      context,
      t('bulkOpAssignedToNone', { person: name }),
    );
  },
});
