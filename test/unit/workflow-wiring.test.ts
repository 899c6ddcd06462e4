// The studio's workflow as the rules and bulk filters see it: status roles (a custom hold status, a
// person's override), people states, labels that tell repeated shot names apart, the studio's day.
import { describe, expect, it } from 'vitest';
import { overdueRule } from '../../lib/agent/rules/overdue';
import { overloadRule } from '../../lib/agent/rules/overload';
import { staleWipRule } from '../../lib/agent/rules/stale-wip';
import { unassignedRule } from '../../lib/agent/rules/unassigned';
import { runRule, snapshot, statuses, task } from '../../lib/agent/testing';
import { selectTasks } from '../../lib/bulk/selection';
import { todayOf } from '../../lib/shared/dates';
import { HostWorkflowSettingsSchema } from '../../lib/workflow/host-settings';

const withHold = [...statuses, { id: 'hold', name: 'En pause', short_name: 'hold', is_done: false }];
const titles = (suggestions: readonly { title: string }[]) => suggestions.map((suggestion) => suggestion.title);

describe('status roles in the rules', () => {
  const late = [
    task({ taskId: 'late', dueDate: '2026-03-01', assigneeIds: ['ana'] }),
    task({ taskId: 'held', dueDate: '2026-03-01', assigneeIds: ['ana'], statusId: 'hold' }),
  ];

  it('never reports on-hold work as overdue, unassigned or stale', () => {
    const data = snapshot(late, { statuses: withHold });
    expect(titles(runRule(overdueRule, data))).toEqual(['SQ010 / LATE / Animation is 10 days overdue']);
    const unassigned = snapshot([task({ taskId: 'u1' }), task({ taskId: 'u2', statusId: 'hold' })], {
      statuses: withHold,
    });
    expect(runRule(unassignedRule, unassigned)[0]?.reasons[0]?.evidence.taskIds).toEqual(['u1']);
  });

  it('follows a role a person chose for a status of the host', () => {
    const data = snapshot(late, { statuses: withHold, statusRoleOverrides: { hold: 'todo' } });
    expect(titles(runRule(overdueRule, data))).toHaveLength(2);
    const wipAsHold = snapshot(
      [task({ taskId: 'w1', statusId: 'wip', assigneeIds: ['ana'], lastCommentDate: '2026-02-01' })],
      { statusRoleOverrides: { wip: 'on-hold' } },
    );
    expect(runRule(staleWipRule, wipAsHold)).toEqual([]);
    expect(runRule(staleWipRule, snapshot(wipAsHold.tasks))).toHaveLength(1);
  });

  it('keeps closed statuses out of the bulk overdue filter', () => {
    const rows = late.map((row) => ({ ...row, sequenceName: 'SQ010', episodeId: null })) as never[];
    const selected = selectTasks(
      rows,
      { overdue: { today: '2026-03-11', closedStatusIds: ['done', 'hold'] } },
      {
        taskTypeDepartments: new Map(),
      },
    );
    expect(selected.map((row: { taskId: string }) => row.taskId)).toEqual(['late']);
  });
});

describe('people states in the rules', () => {
  it('reports no overload for an inactive person or a bot', () => {
    const heavy = (personId: string) =>
      task({ taskId: `h-${personId}`, assigneeIds: [personId], dueDate: '2026-03-12', estimation: 4000 });
    const reported = runRule(overloadRule, snapshot([heavy('eve'), heavy('bot'), heavy('ana')]));
    expect(titles(reported)).toEqual([expect.stringMatching(/^Ana Lopez is overloaded/)]);
  });
});

describe('labels', () => {
  it('tells repeated shot names apart by their sequence and episode', () => {
    const data = snapshot([
      task({ taskId: 'a', entityName: 'SH0020', sequenceName: 'SQ01', episodeName: 'E01', dueDate: '2026-03-01' }),
      task({ taskId: 'b', entityName: 'SH0020', sequenceName: 'SQ02', episodeName: 'E01', dueDate: '2026-03-01' }),
      task({ taskId: 'c', entityName: 'SH0020', sequenceName: 'SQ01', episodeName: 'E02', dueDate: '2026-03-01' }),
    ]);
    const shown = titles(runRule(overdueRule, data)).map((title) => title.replace(/ is .*$/, ''));
    expect(shown.sort()).toEqual([
      'E01 / SQ01 / SH0020 / Animation',
      'E01 / SQ02 / SH0020 / Animation',
      'E02 / SQ01 / SH0020 / Animation',
    ]);
  });
});

describe('the studio’s day', () => {
  it('is the calendar day in the studio’s time zone', () => {
    const lateEvening = new Date('2026-03-11T23:30:00Z');
    expect(todayOf(lateEvening)).toBe('2026-03-11');
    expect(todayOf(lateEvening, 'Europe/Paris')).toBe('2026-03-12');
    expect(todayOf(lateEvening, 'America/Los_Angeles')).toBe('2026-03-11');
    expect(todayOf(lateEvening, 'Not/AZone')).toBe('2026-03-11');
  });

  it('does not count a task due today as overdue early in the studio’s morning', () => {
    // 9 am in Tokyo is still the day before in UTC: the task due on the studio's today is not late.
    const nineAmTokyo = new Date('2026-03-11T00:00:00Z');
    const due = [task({ taskId: 'd', dueDate: '2026-03-11', assigneeIds: ['ana'] })];
    expect(runRule(overdueRule, snapshot(due, { timeZone: 'Asia/Tokyo' }), { now: nineAmTokyo })).toEqual([]);
    expect(
      runRule(overdueRule, snapshot(due, { timeZone: 'Pacific/Kiritimati' }), {
        now: new Date('2026-03-12T00:00:00Z'),
      }),
    ).toHaveLength(1);
  });

  it('stores only known time zones and roles', () => {
    expect(HostWorkflowSettingsSchema.parse({})).toEqual({ statusRoles: {}, timeZone: null });
    expect(HostWorkflowSettingsSchema.safeParse({ timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(HostWorkflowSettingsSchema.safeParse({ statusRoles: { s1: 'paused' } }).success).toBe(false);
    expect(HostWorkflowSettingsSchema.parse({ statusRoles: { s1: 'on-hold' }, timeZone: 'Europe/Paris' })).toEqual({
      statusRoles: { s1: 'on-hold' },
      timeZone: 'Europe/Paris',
    });
  });
});
