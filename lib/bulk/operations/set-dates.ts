import { z } from 'zod';
import { t } from '../../i18n/pure';
import type { SelectedTask } from '../selection';
import { isNonWorking, shiftWorkingDays } from '../working-days';
import { type BulkContext, bulkPlan, defineBulkOperation, taskCount, taskLabel } from './shared';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, t('bulkOpExpectedDay'));

export const SetDatesInputSchema = z.discriminatedUnion('mode', [
  z
    .object({
      mode: z.literal('set'),
      /** Absent: left as is; null: cleared. */
      startDate: day.nullable().optional(),
      dueDate: day.nullable().optional(),
    })
    .refine((input) => input.startDate !== undefined || input.dueDate !== undefined, t('bulkOpGiveDate')),
  z.object({
    mode: z.literal('shift'),
    /** Working days: positive moves later, negative earlier. */
    days: z
      .number()
      .int()
      .refine((days) => days !== 0, t('bulkOpShiftAtLeast'))
      .refine((days) => Math.abs(days) <= 365, t('bulkOpShiftAtMost')),
    fields: z.array(z.enum(['start', 'due'])).min(1, t('bulkOpShiftWhich')),
  }),
]);
export type SetDatesInput = z.infer<typeof SetDatesInputSchema>;

type Change = { before: string | null; after: string | null };

function changesFor(task: SelectedTask, input: SetDatesInput, context: BulkContext) {
  const changes: { start?: Change; due?: Change } = {};
  if (input.mode === 'set') {
    if (input.startDate !== undefined && input.startDate !== task.startDate)
      changes.start = { before: task.startDate, after: input.startDate };
    if (input.dueDate !== undefined && input.dueDate !== task.dueDate)
      changes.due = { before: task.dueDate, after: input.dueDate };
    return changes;
  }
  const offDay = (candidate: string) => isNonWorking(candidate, task.assigneeIds, context.dayOffs);
  // A task without the date has nothing to shift.
  if (input.fields.includes('start') && task.startDate)
    changes.start = { before: task.startDate, after: shiftWorkingDays(task.startDate, input.days, offDay) };
  if (input.fields.includes('due') && task.dueDate)
    changes.due = { before: task.dueDate, after: shiftWorkingDays(task.dueDate, input.days, offDay) };
  return changes;
}

function title(input: SetDatesInput, count: number): string {
  const tasks = taskCount(count);
  if (input.mode === 'set') return t('bulkOpTitleSetDates', { tasks });
  const days = t('bulkOpWorkingDays', { count: Math.abs(input.days) });
  return t(input.days > 0 ? 'bulkOpTitleShiftLater' : 'bulkOpTitleShiftEarlier', { days, tasks });
}

/**
 * Sets start/due dates, or shifts them by working days: weekends are skipped, and so are the days
 * when every assignee of the task is off in Kitsu.
 */
export const setDatesOperation = defineBulkOperation({
  id: 'set-dates',
  label: t('bulkOpSetDates'),
  needsRole: 'supervisor',
  fields: [
    {
      kind: 'choice',
      key: 'datesMode',
      label: t('bulkOpDatesField'),
      options: [
        { id: 'shift', name: t('bulkOpShiftMode') },
        { id: 'set', name: t('bulkOpSetMode') },
      ],
      default: 'shift',
    },
    {
      kind: 'number',
      key: 'shiftDays',
      label: t('bulkOpWorkingDaysField'),
      hint: t('bulkOpWorkingDaysHint'),
      default: 1,
      step: 1,
      required: t('bulkOpGiveWorkingDays'),
      shownWhen: { key: 'datesMode', is: 'shift' },
    },
    {
      kind: 'check',
      key: 'shiftStart',
      label: t('bulkOpStartDates'),
      default: true,
      shownWhen: { key: 'datesMode', is: 'shift' },
    },
    {
      kind: 'check',
      key: 'shiftDue',
      label: t('bulkOpDueDates'),
      default: true,
      shownWhen: { key: 'datesMode', is: 'shift' },
    },
    {
      kind: 'date',
      key: 'startDate',
      label: t('bulkOpStartDate'),
      hint: t('bulkOpEmptyUnchanged'),
      shownWhen: { key: 'datesMode', is: 'set' },
    },
    {
      kind: 'date',
      key: 'dueDate',
      label: t('bulkOpDueDate'),
      hint: t('bulkOpEmptyUnchanged'),
      shownWhen: { key: 'datesMode', is: 'set' },
    },
  ],
  inputOf: (values) =>
    values.datesMode === 'shift'
      ? {
          mode: 'shift',
          days: Number(values.shiftDays),
          fields: [...(values.shiftStart ? ['start'] : []), ...(values.shiftDue ? ['due'] : [])],
        }
      : {
          mode: 'set',
          ...(values.startDate ? { startDate: values.startDate } : {}),
          ...(values.dueDate ? { dueDate: values.dueDate } : {}),
        },
  input: SetDatesInputSchema,
  shiftsDatesBy: (input) => (input.mode === 'shift' ? input.days : 0),
  build(input: SetDatesInput, context) {
    return bulkPlan(
      'set-dates',
      (count) => title(input, count),
      context.tasks.flatMap((task) => {
        const { start, due } = changesFor(task, input, context);
        if (!start && !due) return [];
        return [
          {
            kind: 'set-dates' as const,
            taskId: task.taskId,
            taskLabel: taskLabel(task, context),
            ...(start ? { start } : {}),
            ...(due ? { due } : {}),
            preconditions: {
              ...(start ? { startDate: start.before } : {}),
              ...(due ? { dueDate: due.before } : {}),
            },
          },
        ];
      }),
      context,
      input.mode === 'set' ? t('bulkOpSameDates') : t('bulkOpNoDatesToShift'),
    );
  },
});
