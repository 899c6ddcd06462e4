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

/** Days since 1970-01-01 of a zou date's calendar day. */
export function dayNumber(value: string): number {
  const [year, month, date] = dayOf(value).split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1) / MS_PER_DAY;
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
  let count = 0;
  for (let current = first; current <= last; current++) {
    // 1970-01-01 was a Thursday (4).
    if (workdays.includes((((current + 4) % 7) + 7) % 7)) count++;
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
