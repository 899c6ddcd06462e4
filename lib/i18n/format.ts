// Numbers, dates and lists in the interface's language (Intl), so "1 234,5" and "7 déc. 2026" in French.
import type { Language } from './catalog';

export function createFormatters(language: Language) {
  const numbers = new Intl.NumberFormat(language);
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const dayAndTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const lists = new Intl.ListFormat(language, { type: 'conjunction' });
  const percent = new Intl.NumberFormat(language, { style: 'percent' });
  const time = new Intl.DateTimeFormat(language, { timeStyle: 'medium' });
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  return {
    number: (value: number) => numbers.format(value),
    /** A share from 0 to 1: "42%", "42 %" in French. */
    percent: (share: number) => percent.format(share),
    time: (value: Date | number) => time.format(value),
    /** "Mon", "lun." */
    weekday: (value: Date | number) => weekday.format(value),
    day: (value: Date | number) => day.format(value),
    dayAndTime: (value: Date | number) => dayAndTime.format(value),
    /** "in 3 minutes", "2 days ago"; the unit is picked from the size of the gap. */
    fromNow: (value: Date | number, now: number = Date.now()) => {
      const seconds = Math.round((Number(value) - now) / 1000);
      const steps: [Intl.RelativeTimeFormatUnit, number][] = [
        ['second', 60],
        ['minute', 60],
        ['hour', 24],
        ['day', 7],
      ];
      let amount = seconds;
      for (const [unit, size] of steps) {
        if (Math.abs(amount) < size) return relative.format(amount, unit);
        amount = Math.round(amount / size);
      }
      return relative.format(amount, 'week');
    },
    list: (items: readonly string[]) => lists.format(items),
  };
}
