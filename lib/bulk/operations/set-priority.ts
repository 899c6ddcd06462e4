import { z } from 'zod';
import { PRIORITY_NAMES } from '../../i18n/priority-names';
import { t } from '../../i18n/pure';
import { bulkPlan, defineBulkOperation, taskCount, taskLabel } from './shared';

/** Kitsu's priorities: 0 normal, 1 high, 2 very high, 3 emergency. */
export const SetPriorityInputSchema = z.object({ priority: z.number().int().min(0).max(3) });

/** The priorities' names, by number, as the dock's priority filter words them. */
const PRIORITY_LABELS = PRIORITY_NAMES.map((name) => t(name));

export const setPriorityOperation = defineBulkOperation({
  id: 'set-priority',
  label: t('bulkOpSetPriority'),
  needsRole: 'supervisor',
  fields: [
    {
      kind: 'choice',
      key: 'priority',
      label: t('bulkOpPriorityField'),
      options: PRIORITY_LABELS.map((name, priority) => ({ id: String(priority), name })),
      default: '1',
    },
  ],
  inputOf: (values) => ({ priority: Number(values.priority) }),
  input: SetPriorityInputSchema,
  build(input: z.infer<typeof SetPriorityInputSchema>, context) {
    const name = PRIORITY_LABELS[input.priority] ?? String(input.priority);
    return bulkPlan(
      'set-priority',
      (count) => t('bulkOpTitleSetPriority', { priority: name, tasks: taskCount(count) }),
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
      t('bulkOpSamePriority', { priority: name }),
    );
  },
});
