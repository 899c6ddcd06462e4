import { z } from 'zod';
import type { SelectedTask } from '../selection';
import { isNonWorking, shiftWorkingDays } from '../working-days';
import { type BulkContext, bulkPlan, defineBulkOperation, plural, requireTasks, taskLabel } from './shared';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');

export const SetDatesInputSchema = z.discriminatedUnion('mode', [
  z
    .object({
      mode: z.literal('set'),
      /** Absent: left as is; null: cleared. */
      startDate: day.nullable().optional(),
      dueDate: day.nullable().optional(),
    })
    .refine((input) => input.startDate !== undefined || input.dueDate !== undefined, 'Give a start or a due date.'),
  z.object({
    mode: z.literal('shift'),
    /** Working days: positive moves later, negative earlier. */
    days: z
      .number()
      .int()
      .refine((days) => days !== 0, 'Shift by at least one working day.')
      .refine((days) => Math.abs(days) <= 365, 'Shift by at most 365 working days.'),
    fields: z.array(z.enum(['start', 'due'])).min(1, 'Shift the start date, the due date, or both.'),
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
  const tasks = plural(count, 'task');
  if (input.mode === 'set') return `Set dates on ${tasks}`;
  const direction = input.days > 0 ? 'later' : 'earlier';
  return `Move dates ${plural(Math.abs(input.days), 'working day')} ${direction} on ${tasks}`;
}

/**
 * Sets start/due dates, or shifts them by working days: weekends are skipped, and so are the days
 * when every assignee of the task is off in Kitsu.
 */
export const setDatesOperation = defineBulkOperation({
  id: 'set-dates',
  label: 'Set or shift dates',
  needsRole: 'supervisor',
  input: SetDatesInputSchema,
  build(input: SetDatesInput, context) {
    requireTasks(context);
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
      input.mode === 'set'
        ? 'The selected tasks already have these dates.'
        : 'None of the selected tasks has the dates to shift.',
    );
  },
});
