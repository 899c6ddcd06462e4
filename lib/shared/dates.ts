// Calendar arithmetic on zou dates. zou stores dates without a time zone ("YYYY-MM-DD" or
// "YYYY-MM-DDTHH:MM:SS"); Sidekick reads them as UTC calendar days and never lets `new Date(string)`
// parse them (it would read the second form in the browser's zone). "Today" is the UTC day of now.
const MS_PER_DAY = 86_400_000;

/**
 * The calendar day of a zou date, "YYYY-MM-DD" (zou writes a date as "YYYY-MM-DD" and reads it back as
 * "YYYY-MM-DDT00:00:00"); null stays null.
 */
export function dayOf(value: string): string;
export function dayOf(value: string | null | undefined): string | null;
export function dayOf(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : value.slice(0, 10);
}

/**
 * The calendar day of an instant: in a time zone (IANA name) when given, the studio's day that due
 * dates are about; else UTC. An unknown zone falls back to UTC rather than failing.
 */
export function todayOf(now: Date, timeZone?: string | null): string {
  if (!timeZone) return now.toISOString().slice(0, 10);
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
    const part = (type: string) => parts.find((found) => found.type === type)?.value;
    return `${part('year')}-${part('month')}-${part('day')}`;
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

// Rules read the same few hundred calendar days thousands of times per run: parse each once. Bounded,
// so a long-lived background does not keep every day it ever saw.
const dayNumbers = new Map<string, number>();
const MAX_REMEMBERED_DAYS = 20_000;

/** Days since 1970-01-01 of a zou date's calendar day. */
export function dayNumber(value: string): number {
  const day = dayOf(value);
  const known = dayNumbers.get(day);
  if (known !== undefined) return known;
  const [year, month, date] = day.split('-').map(Number);
  const parsed = Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1) / MS_PER_DAY;
  if (dayNumbers.size >= MAX_REMEMBERED_DAYS) dayNumbers.clear();
  dayNumbers.set(day, parsed);
  return parsed;
}

/** The weekday (0 = Sunday … 6 = Saturday) of a day number: 1970-01-01 (day 0) was a Thursday. */
export function weekdayOfDayNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(value: string, count: number): string {
  return new Date((dayNumber(value) + count) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Milliseconds since the epoch of the instant a zou date stands for, read as UTC (date-only = midnight UTC). */
export function millisecondsOf(value: string): number {
  const [, time = '00:00:00'] = value.split('T');
  const [hours = 0, minutes = 0, seconds = 0] = time
    .replace(/(Z|[+-]\d{2}:?\d{2})$/, '')
    .split(':')
    .map((part) => Number.parseFloat(part) || 0);
  return dayNumber(value) * MS_PER_DAY + ((hours * 60 + minutes) * 60 + seconds) * 1000;
}

/** Working days from `from` to `to`, both included (0 when `to` is before `from`). */
export function workdaysBetween(from: string, to: string, workdays: readonly number[]): number {
  const first = dayNumber(from);
  const last = dayNumber(to);
  // Also false for a malformed date (NaN).
  if (!(last >= first)) return 0;
  const weekdays = new Set(workdays.filter((weekday) => Number.isInteger(weekday) && weekday >= 0 && weekday <= 6));
  // Whole weeks hold each working day once; only the days after them are counted one by one.
  const days = last - first + 1;
  const weeks = Math.floor(days / 7);
  let count = weeks * weekdays.size;
  for (let current = first + weeks * 7; current <= last; current++) {
    if (weekdays.has(weekdayOfDayNumber(current))) count++;
  }
  return count;
}

/**
 * Working days from `from` to `to` (both included) that fall in any of the periods (days off, both
 * ends included); a day two periods cover counts once.
 */
export function workdaysOffBetween(
  from: string,
  to: string,
  workdays: readonly number[],
  periods: readonly { date: string; endDate: string }[],
): number {
  const off = new Set<number>();
  const first = dayNumber(from);
  const last = dayNumber(to);
  for (const period of periods) {
    const start = Math.max(first, dayNumber(period.date));
    const end = Math.min(last, dayNumber(period.endDate));
    for (let day = start; day <= end; day++) {
      if (workdays.includes(weekdayOfDayNumber(day))) off.add(day);
    }
  }
  return off.size;
}

/** The latest of some zou dates (compared by instant), or null. */
export function latest(values: readonly (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const value of values) {
    if (value && (best === null || millisecondsOf(value) > millisecondsOf(best))) best = value;
  }
  return best;
}

/**
 * A zou timestamp as text to the second, for comparing two readings of it: zou's timestamps never carry
 * a zone, some carry microseconds, and some are written with a space instead of "T".
 */
export function timestampToSecond(value: string | null | undefined): string | null {
  return value ? value.replace(' ', 'T').slice(0, 19) : null;
}
