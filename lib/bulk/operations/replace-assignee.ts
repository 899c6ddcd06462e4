import { z } from 'zod';
import { t } from '../../i18n/pure';
import { sortedIds } from '../../plans/values';
import { ASSIGNMENT_NOTICE_FIELD, AssignmentNoticeSchema, assignmentNotice } from './assignment-notice';
import { assigneeChange, bulkPlan, defineBulkOperation, personField, personName, taskCount, taskLabel } from './shared';

export const ReplaceAssigneeInputSchema = z
  .object({ fromPersonId: z.string().min(1), toPersonId: z.string().min(1), notice: AssignmentNoticeSchema })
  .refine((input) => input.fromPersonId !== input.toPersonId, t('bulkOpPickTwoPeople'));

/**
 * On each task of A: assign B (unless B is already there), then unassign A. The unassign expects B
 * among the assignees, so a task where B could not be added (changed by a person meanwhile, or
 * refused by Kitsu) keeps A rather than ending up with nobody.
 */
export const replaceAssigneeOperation = defineBulkOperation({
  id: 'replace-assignee',
  label: t('bulkOpReplaceAssignee'),
  needsRole: 'supervisor',
  fields: [
    personField('personFrom', t('bulkOpReplaceField'), t('bulkOpPickReplaced')),
    personField('personTo', t('bulkOpByField'), t('bulkOpPickReplacement')),
    ASSIGNMENT_NOTICE_FIELD,
  ],
  inputOf: (values) => ({ fromPersonId: values.personFrom, toPersonId: values.personTo, notice: values.notice }),
  input: ReplaceAssigneeInputSchema,
  build(input: z.infer<typeof ReplaceAssigneeInputSchema>, context) {
    const from = personName(input.fromPersonId, context);
    const to = personName(input.toPersonId, context);
    return bulkPlan(
      'replace-assignee',
      (count) => t('bulkOpTitleReplace', { from, to, tasks: taskCount(count) }),
      context.tasks
        .filter((task) => task.assigneeIds.includes(input.fromPersonId))
        .flatMap((task) => {
          const before = sortedIds(task.assigneeIds);
          const label = taskLabel(task, context);
          const withNew = before.includes(input.toPersonId) ? before : sortedIds([...before, input.toPersonId]);
          const assign = withNew === before ? [] : [assigneeChange('assign', task, input.toPersonId, label, before)];
          const notice = assign.length > 0 ? assignmentNotice(task, input.toPersonId, input.notice, context) : [];
          return [...assign, assigneeChange('unassign', task, input.fromPersonId, label, withNew), ...notice];
        }),
      context,
      t('bulkOpAssignedToNone', { person: from }),
    );
  },
});
