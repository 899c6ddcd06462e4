import { describe, expect, it } from 'vitest';
import { isNonWorking, isWeekend, shiftWorkingDays } from '../../lib/bulk/working-days';

const weekends = (day: string) => isWeekend(day);

describe('working days', () => {
  it('knows weekends', () => {
    expect(['2026-11-28', '2026-11-29'].map(isWeekend)).toEqual([true, true]);
    expect(['2026-11-27', '2026-11-30'].map(isWeekend)).toEqual([false, false]);
  });

  it.each([
    ['2026-11-27', 1, '2026-11-30'], // Fri + 1 → Mon
    ['2026-11-28', 1, '2026-11-30'], // Sat + 1 → Mon
    ['2026-11-30', -1, '2026-11-27'], // Mon - 1 → Fri
    ['2026-11-25', 3, '2026-11-30'], // Wed + 3 → Mon
    ['2026-01-30', 1, '2026-02-02'], // Fri 30 Jan → Mon 2 Feb
    ['2028-02-28', 1, '2028-02-29'], // leap day
    ['2026-03-02', -1, '2026-02-27'], // Mon 2 Mar → Fri 27 Feb
    ['2026-11-23', 10, '2026-12-07'], // two whole weeks
    ['2026-11-23T00:00:00', 1, '2026-11-24'], // zou's long form
  ])('%s %+d → %s', (day, count, expected) => {
    expect(shiftWorkingDays(day, count, weekends)).toBe(expected);
  });

  it('a day is off for a task when every assignee is off, or on weekends', () => {
    const dayOffs = new Map([
      ['ana', [{ date: '2026-12-01', endDate: '2026-12-03' }]],
      ['ben', [{ date: '2026-12-02T00:00:00', endDate: '2026-12-02T00:00:00' }]],
    ]);
    expect(isNonWorking('2026-12-02', ['ana'], dayOffs)).toBe(true);
    expect(isNonWorking('2026-12-01', ['ana', 'ben'], dayOffs)).toBe(false);
    expect(isNonWorking('2026-12-02', ['ana', 'ben'], dayOffs)).toBe(true);
    expect(isNonWorking('2026-12-02', [], dayOffs)).toBe(false);
    expect(isNonWorking('2026-12-05', [], dayOffs)).toBe(true);
  });

  it('refuses fractions of days', () => {
    expect(() => shiftWorkingDays('2026-11-23', 1.5, weekends)).toThrow(RangeError);
  });
});
