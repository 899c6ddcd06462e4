// A bulk operation and a rule that Sidekick does not have, written as a contributor would write a new
// one: one declaration each, nothing else. test/unit/feature-registries.test.tsx adds them to copies
// of the registries and shows every part of Sidekick picks them up.
import { z } from 'zod';
import { defineRule } from '../../lib/agent/define-rule';
import { suggestionId } from '../../lib/agent/helpers';
import { dayCount } from '../../lib/agent/types';
import { bulkPlan, defineBulkOperation, requireTasks, taskLabel } from '../../lib/bulk/operations/shared';
import { dayOf, daysBetween } from '../../lib/shared/dates';
import { plural } from '../../lib/shared/text';

const RemindInputSchema = z.object({
  greeting: z.string().trim().min(1, 'Write a greeting.'),
  lateDays: z.number().int().min(0, 'Late by 0 days or more.'),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  taskTypeId: z.string().nullable(),
  tone: z.enum(['warm', 'brief']),
  signed: z.boolean(),
});
type RemindInput = z.infer<typeof RemindInputSchema>;

/** Every kind of field, so the test sees the panel render each one from the declaration. */
export const remindLateOperation = defineBulkOperation({
  id: 'remind-late',
  label: 'Remind the assignees of late tasks',
  needsRole: 'supervisor',
  fields: [
    { kind: 'text', key: 'greeting', label: 'Greeting', default: 'Hello', required: 'Write a greeting.' },
    { kind: 'number', key: 'lateDays', label: 'Late by at least (days)', default: 1, min: 0, step: 1 },
    { kind: 'date', key: 'asOf', label: 'As of', required: 'Give the day to count from.' },
    { kind: 'select', key: 'onlyType', label: 'Only', of: 'taskTypes', none: 'any task type' },
    {
      kind: 'choice',
      key: 'tone',
      label: 'Tone',
      options: [
        { id: 'warm', name: 'Warm' },
        { id: 'brief', name: 'Brief' },
      ],
      default: 'warm',
    },
    { kind: 'textarea', key: 'closing', label: 'Closing', default: 'Thanks!', shownWhen: { key: 'tone', is: 'warm' } },
    { kind: 'check', key: 'signed', label: 'Say Sidekick wrote it', default: true },
  ],
  inputOf: (values) => ({
    greeting: values.tone === 'warm' ? `${values.greeting}! ${values.closing}` : values.greeting,
    lateDays: Number(values.lateDays),
    asOf: values.asOf,
    taskTypeId: values.onlyType || null,
    tone: values.tone,
    signed: values.signed,
  }),
  input: RemindInputSchema,
  build(input: RemindInput, context) {
    requireTasks(context);
    const late = context.tasks.filter(
      (task) =>
        task.dueDate !== null &&
        daysBetween(task.dueDate, input.asOf) >= input.lateDays &&
        (input.taskTypeId === null || task.taskTypeId === input.taskTypeId),
    );
    return bulkPlan(
      'remind-late',
      (count) => `Remind the assignees of ${plural(count, 'late task')}`,
      late.map((task) => ({
        kind: 'comment' as const,
        taskId: task.taskId,
        taskLabel: taskLabel(task, context),
        text: `${input.greeting}${input.signed ? ' (posted by Sidekick)' : ''}`,
        preconditions: { statusId: task.statusId },
      })),
      context,
      'No selected task is late.',
    );
  },
});

/** Open tasks nobody commented for N days. */
export const quietTaskRule = defineRule({
  id: 'quiet-task',
  name: 'Quiet tasks',
  description: 'Open tasks nobody commented for N days.',
  pageKinds: ['entity-list'],
  needsRole: null,
  settings: { quietDays: dayCount(10) },
  fields: [{ kind: 'number', key: 'quietDays', label: 'Quiet for (days)', hint: 'No comment for N days.' }],
  run(input, { quietDays }) {
    return input.scope.flatMap((task) => {
      if (!input.index.isOpen(task) || !task.lastCommentDate) return [];
      const quiet = daysBetween(dayOf(task.lastCommentDate), input.today);
      if (quiet < quietDays) return [];
      return [
        {
          id: suggestionId('quiet-task', [task.taskId]),
          ruleId: 'quiet-task',
          severity: 'info' as const,
          title: `${input.index.label(task)} has been quiet for ${quiet} days`,
          reasons: [{ text: `Last comment on ${dayOf(task.lastCommentDate)}.`, evidence: { taskIds: [task.taskId] } }],
        },
      ];
    });
  },
});
