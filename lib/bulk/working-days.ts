// Shifting zou dates by working days. A day is not worked on a weekend, nor when every assignee of
// the task has a day off in Kitsu (a task with two people still moves when one of them is in).
import { addDays, dayNumber, weekdayOfDayNumber } from '../shared/dates';

/** A person's day-off period in Kitsu (zou DayOff: date and end_date, both included). */
export type DayOff = { date: string; endDate: string };

export function isWeekend(day: string): boolean {
  const weekday = weekdayOfDayNumber(dayNumber(day));
  return weekday === 0 || weekday === 6;
}

function isOff(day: string, periods: readonly DayOff[]): boolean {
  return periods.some((period) => period.date.slice(0, 10) <= day && day <= period.endDate.slice(0, 10));
}

/** Whether nobody works on the task that day: a weekend, or a day off of every one of its assignees. */
export function isNonWorking(
  day: string,
  assigneeIds: readonly string[],
  dayOffs: ReadonlyMap<string, readonly DayOff[]>,
): boolean {
  if (isWeekend(day)) return true;
  return assigneeIds.length > 0 && assigneeIds.every((personId) => isOff(day, dayOffs.get(personId) ?? []));
}

/**
 * The day `count` working days after `day` (before it when negative): steps one calendar day at a
 * time and counts only the working ones, so Friday + 1 is Monday and Monday - 1 is Friday.
 */
export function shiftWorkingDays(day: string, count: number, isNonWorkingDay: (day: string) => boolean): string {
  if (!Number.isInteger(count)) throw new RangeError('count must be a whole number of days');
  const step = Math.sign(count);
  let current = day.slice(0, 10);
  for (let remaining = Math.abs(count); remaining > 0; ) {
    current = addDays(current, step);
    if (!isNonWorkingDay(current)) remaining -= 1;
  }
  return current;
}
