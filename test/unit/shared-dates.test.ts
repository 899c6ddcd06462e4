import { afterEach, describe, expect, it } from 'vitest';
import { overdueRule } from '../../lib/agent/rules/overdue';
import { runRule, snapshot, task } from '../../lib/agent/testing';
import {
  addDays,
  dayOf,
  daysBetween,
  latest,
  millisecondsOf,
  timestampToSecond,
  todayOf,
  workdaysBetween,
} from '../../lib/shared/dates';

const originalZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalZone;
});

describe('agent dates (zou dates have no time zone: UTC calendar days)', () => {
  it('reads both zou forms as calendar days', () => {
    expect(dayOf('2026-03-10T23:30:00')).toBe('2026-03-10');
    expect(daysBetween('2026-03-10T23:59:59', '2026-03-11')).toBe(1);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(addDays('2026-03-30', 3)).toBe('2026-04-02');
    expect(addDays('2026-03-03', -5)).toBe('2026-02-26');
    expect(dayOf(null)).toBeNull();
    expect(millisecondsOf('2026-03-10T06:00:00')).toBe(Date.parse('2026-03-10T06:00:00Z'));
    expect(latest(['2026-03-10', '2026-03-10T12:00:00', null, '2026-03-09T23:00:00'])).toBe('2026-03-10T12:00:00');
  });

  it('compares timestamps to the second, whatever zou wrote after it or between day and time', () => {
    expect(timestampToSecond('2026-03-10 08:15:02.123456')).toBe('2026-03-10T08:15:02');
    expect(timestampToSecond('2026-03-10T08:15:02')).toBe('2026-03-10T08:15:02');
    expect(timestampToSecond(null)).toBeNull();
  });

  it('counts working days in UTC, both ends included', () => {
    // 2026-03-09 is a Monday.
    expect(workdaysBetween('2026-03-09', '2026-03-13', [1, 2, 3, 4, 5])).toBe(5);
    expect(workdaysBetween('2026-03-09', '2026-03-15', [1, 2, 3, 4, 5])).toBe(5);
    expect(workdaysBetween('2026-03-14', '2026-03-15', [1, 2, 3, 4, 5])).toBe(0);
    expect(workdaysBetween('2026-03-14', '2026-03-15', [0, 6])).toBe(2);
    expect(workdaysBetween('2026-03-13', '2026-03-09', [1, 2, 3, 4, 5])).toBe(0);
  });

  it.each(['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata'])(
    'gives the same answers whatever the machine zone (%s), around midnight UTC',
    (zone) => {
      process.env.TZ = zone;
      expect(todayOf(new Date('2026-03-10T23:59:59Z'))).toBe('2026-03-10');
      expect(todayOf(new Date('2026-03-11T00:00:00Z'))).toBe('2026-03-11');
      expect(millisecondsOf('2026-03-10T23:00:00')).toBe(Date.parse('2026-03-10T23:00:00Z'));
      const data = snapshot([
        task({ taskId: 't1', dueDate: '2026-03-10', assigneeIds: ['ana'] }),
        task({ taskId: 't2', dueDate: '2026-03-10T23:00:00', assigneeIds: ['ana'] }),
      ]);
      const before = runRule(overdueRule, data, { now: new Date('2026-03-10T23:59:59Z') });
      const after = runRule(overdueRule, data, { now: new Date('2026-03-11T00:00:01Z') });
      expect(before).toEqual([]);
      expect(after.map((s) => s.title)).toEqual([
        'SQ010 / T1 / Animation is 1 day overdue',
        'SQ010 / T2 / Animation is 1 day overdue',
      ]);
    },
  );
});
