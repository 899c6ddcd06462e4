// Calendar arithmetic on zou dates. zou stores dates without a time zone ("YYYY-MM-DD" or
// "YYYY-MM-DDTHH:MM:SS"); Sidekick reads them as UTC calendar days and never lets `new Date(string)`
// parse them (it would read the second form in the browser's zone). "Today" is the UTC day of now.
const MS_PER_DAY = 86_400_000;

/** The calendar day of a zou date, "YYYY-MM-DD". */
export function dayOf(value: string): string {
  return value.slice(0, 10);
}

/** The UTC calendar day of an instant. */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
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

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(value: string, count: number): string {
  return new Date((dayNumber(value) + count) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The instant a zou date stands for, read as UTC (date-only = midnight UTC). */
export function instantOf(value: string): number {
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
    // 1970-01-01 was a Thursday (4).
    if (weekdays.has((((current + 4) % 7) + 7) % 7)) count++;
  }
  return count;
}

/** The latest of some zou dates (compared by instant), or null. */
export function latest(values: readonly (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const value of values) {
    if (value && (best === null || instantOf(value) > instantOf(best))) best = value;
  }
  return best;
}

export const plural = (count: number, word: string, many = `${word}s`) => `${count} ${count === 1 ? word : many}`;
