import { z } from 'zod';
import { t } from '../../i18n/pure';
import { sortedIds } from '../../plans/values';
import { ASSIGNMENT_NOTICE_FIELD, AssignmentNoticeSchema, assignmentNotice } from './assignment-notice';
import { assigneeChange, bulkPlan, defineBulkOperation, personField, personName, taskCount, taskLabel } from './shared';

export const AssignInputSchema = z.object({ personId: z.string().min(1), notice: AssignmentNoticeSchema });

/** Adds one person to each task's assignees; tasks that already have them are left out. */
export const assignOperation = defineBulkOperation({
  id: 'assign',
  label: t('bulkOpAssign'),
  needsRole: 'supervisor',
  fields: [personField('person', t('bulkOpAssignField'), t('bulkOpPickPersonRequired')), ASSIGNMENT_NOTICE_FIELD],
  inputOf: (values) => ({ personId: values.person, notice: values.notice }),
  input: AssignInputSchema,
  build(input: z.infer<typeof AssignInputSchema>, context) {
    const name = personName(input.personId, context);
    return bulkPlan(
      'assign',
      (count) => t('bulkOpTitleAssign', { person: name, tasks: taskCount(count) }),
      context.tasks
        .filter((task) => !task.assigneeIds.includes(input.personId))
        .flatMap((task) => [
          assigneeChange('assign', task, input.personId, taskLabel(task, context), sortedIds(task.assigneeIds)),
          ...assignmentNotice(task, input.personId, input.notice, context),
        ]),
      context,
      t('bulkOpAlreadyAssigned', { person: name }),
    );
  },
});
