// Rules that reason over people and similar tasks (unassigned, overload, missing estimates or dates)
// and the task-page thread digest.
import { describe, expect, it } from 'vitest';
import type { RuleSuggestion } from '../../lib/agent';
import { missingEstimatesDatesRule } from '../../lib/agent/rules/missing-estimates-dates';
import { overloadRule } from '../../lib/agent/rules/overload';
import { threadDigestRule } from '../../lib/agent/rules/thread-digest';
import { unassignedRule } from '../../lib/agent/rules/unassigned';
import { contexts, runRule, snapshot, task } from '../../lib/agent/testing';
import { type Operation, PlanSchema } from '../../lib/plans';

const texts = (suggestion: RuleSuggestion | undefined) => suggestion?.reasons.map((r) => r.text) ?? [];
const ops = (suggestion: RuleSuggestion | undefined) =>
  PlanSchema.parse(suggestion?.plan).operations.map((op: Operation) => {
    switch (op.kind) {
      case 'assign':
      case 'unassign':
        return `${op.kind} ${op.taskId} ${op.personId}`;
      case 'set-estimate':
        return `estimate ${op.taskId} ${op.after}`;
      case 'set-dates':
        return `dates ${op.taskId} start=${op.start?.after ?? '-'} due=${op.due?.after ?? '-'}`;
      default:
        return `${op.kind} ${op.taskId}`;
    }
  });

describe('unassigned', () => {
  const tasks = [
    task({ taskId: 'u1', dueDate: '2026-03-13', estimation: 480 }),
    task({ taskId: 'u2', dueDate: '2026-03-20', estimation: 240 }),
    task({ taskId: 'u3', estimation: null }),
    task({ taskId: 'u4', taskTypeId: 'layout', estimation: 60 }),
    task({ taskId: 'u5', taskTypeId: 'fx' }),
    task({ taskId: 'u6', statusId: 'done' }),
    task({ taskId: 'a1', assigneeIds: ['ana'], estimation: 960, duration: 480 }),
    task({ taskId: 'a2', assigneeIds: ['ana'], estimation: 9999, statusId: 'done' }),
    task({ taskId: 'b1', assigneeIds: ['ben'], estimation: 240 }),
    task({ taskId: 'c1', assigneeIds: ['cleo'], estimation: 600 }),
  ];

  it('proposes the department member with the least open work, spreading a batch, with the numbers', () => {
    const [anim, layout, fx, ...rest] = runRule(unassignedRule, snapshot(tasks));
    expect(rest).toEqual([]);
    expect(anim).toMatchObject({ severity: 'warning', title: '3 unassigned Animation tasks' });
    // u3: Ana and Ben now have 12 h each, Cleo still 10 h.
    expect(ops(anim)).toEqual(['assign u1 ben', 'assign u2 ana', 'assign u3 cleo']);
    expect(anim?.plan?.operations[0]).toMatchObject({ assigneesBefore: [], preconditions: { assigneeIds: [] } });
    expect(texts(anim)[1]).toBe(
      'Open estimated work in Animation: Ben Ito: 4 h, 1 open task; Ana Lopez: 1 d (8 h), 1 open task; Cleo Martin: 1.3 d (10 h), 1 open task.',
    );
    expect(anim?.reasons[1]?.evidence.numbers).toEqual({ 'minutes:ben': 240, 'minutes:ana': 480, 'minutes:cleo': 600 });
    expect(texts(anim)[2]).toBe('SQ010 / U1 / Animation (1 d (8 h)) → Ben Ito, who has the least open work: 4 h.');
    expect(layout).toMatchObject({ severity: 'info', title: '1 unassigned Layout task' });
    expect(ops(layout)).toEqual(['assign u4 dan']);
    // FX has no department: anyone active may take it; Dan has no open work.
    expect(ops(fx)).toEqual(['assign u5 dan']);
    expect(texts(fx)[1]).toMatch(/^Open estimated work in the team \(FX has no department\): Dan Wu: 0 h/);
    expect(texts(fx).join(' ')).not.toMatch(/Eve Gone|Render Bot|Kim Client/);
  });

  it('does not reassign a task whose assignment a person changed recently, and says so', () => {
    const recentChanges = { u2: [{ field: 'assignees' as const, personId: 'cleo', at: '2026-03-10T09:00:00' }] };
    const [anim] = runRule(unassignedRule, snapshot(tasks, { recentChanges }));
    expect(ops(anim)).toEqual(['assign u1 ben', 'assign u3 ana']);
    expect(
      texts(anim).some((text) => text.startsWith('SQ010 / U2 / Animation: its assignment was changed by Cleo Martin')),
    ).toBe(true);
    const [off] = runRule(unassignedRule, snapshot(tasks, { recentChanges }), {
      settings: { recentHumanChangeDays: 0 },
    });
    expect(ops(off)).toEqual(['assign u1 ben', 'assign u2 ana', 'assign u3 cleo']);
  });

  it('reports nothing when every open task has someone', () => {
    expect(runRule(unassignedRule, snapshot(tasks.slice(5)))).toEqual([]);
  });
});

describe('overload', () => {
  // Today is Wednesday 2026-03-11: by Thursday 03-12, two working days = 16 h.
  const base = [
    task({ taskId: 'o1', assigneeIds: ['ana'], dueDate: '2026-03-12', estimation: 960 }),
    task({ taskId: 'o2', assigneeIds: ['ana'], dueDate: '2026-03-12', estimation: 480 }),
    task({
      taskId: 'o3',
      assigneeIds: ['ana'],
      dueDate: '2026-03-12',
      estimation: 480,
      statusId: 'wip',
      realStartDate: '2026-03-09',
    }),
    task({ taskId: 'o4', assigneeIds: ['ana'], dueDate: '2026-03-20', estimation: 480 }),
    task({ taskId: 'c1', assigneeIds: ['cleo'], dueDate: '2026-03-30', estimation: 240 }),
  ];

  it('finds the worst date where due work exceeds working time and proposes moves to someone with room', () => {
    const [ana, ...rest] = runRule(overloadRule, snapshot(base));
    expect(rest).toEqual([]);
    expect(ana).toMatchObject({
      severity: 'critical',
      title: 'Ana Lopez is overloaded by 2 d (16 h) before 2026-03-12',
    });
    expect(ana?.reasons[0]?.evidence).toEqual({
      personIds: ['ana'],
      taskIds: ['o1', 'o2', 'o3'],
      dates: ['2026-03-12'],
      numbers: { workMinutes: 1920, capacityMinutes: 960, excessMinutes: 960 },
    });
    expect(ops(ana)).toEqual(['unassign o1 ana', 'assign o1 ben']);
    expect(ana?.plan?.operations[1]).toMatchObject({ assigneesBefore: [], preconditions: { assigneeIds: ['ana'] } });
  });

  it('skips people with room, honours the day length and work days', () => {
    expect(runRule(overloadRule, snapshot(base), { settings: { minutesPerDay: 1000 } })).toEqual([]);
    // Working every day does not help before Thursday; a single working day does not change the excess.
    expect(runRule(overloadRule, snapshot(base), { settings: { workdays: [3, 4] } })).toHaveLength(1);
    expect(
      runRule(overloadRule, snapshot(base), { settings: { workdays: [3] } })[0]?.reasons[0]?.evidence.numbers,
    ).toEqual({
      workMinutes: 1920,
      capacityMinutes: 480,
      excessMinutes: 1440,
    });
  });

  it('takes people’s days off in Kitsu out of their working time, and says so', () => {
    // Ana's 16 h due Friday 03-13 fit three working days (24 h)… unless she is off on Thursday and Friday.
    const light = [task({ taskId: 'o1', assigneeIds: ['ana'], dueDate: '2026-03-13', estimation: 960 })];
    expect(runRule(overloadRule, snapshot(light))).toEqual([]);
    // A day off on a weekend, or after the due date, takes nothing out.
    const offWeekendAndLater = { ana: [{ date: '2026-03-14', endDate: '2026-03-20' }] };
    expect(runRule(overloadRule, snapshot(light, { dayOffs: offWeekendAndLater }))).toEqual([]);
    const offThursdayFriday = {
      ana: [
        { date: '2026-03-12', endDate: '2026-03-12' },
        { date: '2026-03-12', endDate: '2026-03-13' },
      ],
    };
    const [ana] = runRule(overloadRule, snapshot(light, { dayOffs: offThursdayFriday }));
    expect(ana?.reasons[0]?.evidence.numbers).toEqual({ workMinutes: 960, capacityMinutes: 480, excessMinutes: 480 });
    expect(ana?.reasons[0]?.text).toContain('(1 working day, 2 days off in Kitsu left out)');
    // Someone else's days off change nothing for Ana.
    expect(runRule(overloadRule, snapshot(light, { dayOffs: { cleo: offThursdayFriday.ana } }))).toEqual([]);
  });

  it('skips candidates without room and moves what fits elsewhere', () => {
    const busy = [
      ...base,
      task({ taskId: 'b1', assigneeIds: ['ben'], dueDate: '2026-03-12', estimation: 960 }),
      task({ taskId: 'c2', assigneeIds: ['cleo'], dueDate: '2026-03-11', estimation: 480 }),
    ];
    const [ana, ...rest] = runRule(overloadRule, snapshot(busy));
    expect(rest).toEqual([]);
    expect(texts(ana)).toContain('SQ010 / O1 / Animation: nobody in its department has room for it before 2026-03-12.');
    expect(ops(ana)).toEqual(['unassign o2 ana', 'assign o2 cleo']);
  });

  it('does not move a task whose assignment a person changed recently', () => {
    const recentChanges = { o1: [{ field: 'assignees' as const, personId: 'cleo', at: '2026-03-11T08:00:00' }] };
    const [ana] = runRule(overloadRule, snapshot(base, { recentChanges }));
    expect(ops(ana)).toEqual(['unassign o2 ana', 'assign o2 ben']);
    expect(texts(ana).some((text) => text.includes('changed by Cleo Martin today'))).toBe(true);
  });
});

describe('missing estimates or dates', () => {
  const tasks = [
    task({ taskId: 's1', estimation: 240, startDate: '2026-03-01', dueDate: '2026-03-05', statusId: 'done' }),
    task({ taskId: 's2', estimation: 480, startDate: '2026-03-02', dueDate: '2026-03-09', statusId: 'done' }),
    task({ taskId: 's3', estimation: 600, startDate: '2026-03-02', dueDate: '2026-03-04', statusId: 'done' }),
    task({ taskId: 'x1', estimation: 9999, entityType: 'asset', startDate: '2026-01-01', dueDate: '2026-03-01' }),
    task({ taskId: 'm1', startDate: '2026-03-10', dueDate: '2026-03-20' }),
    task({ taskId: 'm2', estimation: 300, startDate: '2026-03-12T00:00:00' }),
    task({ taskId: 'm3', estimation: 300, dueDate: '2026-03-20' }),
    task({ taskId: 'm4' }),
    task({ taskId: 'm5', statusId: 'done' }),
  ];

  it('fills from the medians of similar tasks (same task type and entity type)', () => {
    const [suggestion, ...rest] = runRule(missingEstimatesDatesRule, snapshot(tasks));
    expect(rest).toEqual([]);
    expect(suggestion).toMatchObject({
      severity: 'info',
      title: '4 Animation shot tasks missing an estimate or dates',
    });
    // Estimates 240, 300, 300, 480, 600 → 300; spans 4, 7, 2, 10 days → 5.5 → 6.
    expect(ops(suggestion)).toEqual([
      'estimate m1 300',
      'dates m2 start=- due=2026-03-18',
      'dates m3 start=2026-03-14 due=-',
      'estimate m4 300',
    ]);
    expect(texts(suggestion)).toEqual([
      '2 tasks without estimate: M1, M4.',
      '2 tasks without start date: M3, M4.',
      '2 tasks without due date: M2, M4.',
      'Median estimate of 5 Animation shot tasks: 5 h.',
      'Median time from start to due date of 4 similar tasks: 6 days.',
      'SQ010 / M4 / Animation has neither a start nor a due date: no date to count from.',
    ]);
    expect(suggestion?.plan?.operations[1]).toMatchObject({
      preconditions: { startDate: '2026-03-12T00:00:00', dueDate: null },
    });
  });

  it('proposes nothing without enough similar tasks', () => {
    const [suggestion] = runRule(missingEstimatesDatesRule, snapshot(tasks), {
      settings: { missingEstimatesDates: { minSimilar: 6 } },
    });
    expect(suggestion?.plan).toBeUndefined();
    expect(texts(suggestion)).toContain('Only 5 estimated Animation shot tasks: 6 are needed to propose an estimate.');
  });

  it('respects recent estimates or dates set by people', () => {
    const recentChanges = {
      m2: [{ field: 'dates' as const, personId: 'ana', at: '2026-03-09T12:00:00' }],
      m1: [{ field: 'estimation' as const, personId: 'ana', at: '2026-03-11T09:00:00' }],
    };
    const [suggestion] = runRule(missingEstimatesDatesRule, snapshot(tasks, { recentChanges }));
    expect(ops(suggestion)).toEqual(['dates m3 start=2026-03-14 due=-', 'estimate m4 300']);
  });
});

describe('thread digest', () => {
  const comments = [
    {
      id: 'c4',
      person_id: 'ana',
      created_at: '2026-03-06T08:00:00',
      text: 'Also fixed the feet',
      task_status_id: 'wfa',
      mentions: ['cleo'],
    },
    {
      id: 'c1',
      person_id: 'ana',
      created_at: '2026-03-01T09:00:00',
      text: 'Started blocking',
      task_status_id: 'wip',
      checklist: [{ text: 'Block the arms', checked: true }, { text: 'Fix the hands', checked: false }, 'not an item'],
    },
    {
      id: 'c2',
      person_id: 'cleo',
      created_at: '2026-03-03T10:00:00',
      text: '@Ana Lopez the tail is off, @Ben Ito can you help?',
      task_status_id: 'wip',
    },
    {
      id: 'c3',
      person_id: 'ana',
      created_at: '2026-03-05T11:00:00',
      text: 'Tail fixed,\n ready',
      task_status_id: 'wfa',
    },
  ];
  const data = snapshot([task({ taskId: 't1', statusId: 'wfa', endDate: '2026-03-04' })], {
    comments: { t1: comments },
  });

  it('summarises the thread: status since, last words, open checklist items, unanswered mentions', () => {
    const [digest, ...rest] = runRule(threadDigestRule, data, { context: contexts.task('t1') });
    expect(rest).toEqual([]);
    expect(digest).toMatchObject({
      severity: 'info',
      title: 'Thread: 4 comments, last by Ana Lopez on 2026-03-06, 1 open checklist item, 2 unanswered mentions',
    });
    expect(texts(digest)).toEqual([
      'Status: Waiting For Approval since 2026-03-05 (6 days).',
      'Ana Lopez, 2026-03-06: “Also fixed the feet”',
      'Cleo Martin, 2026-03-03: “@Ana Lopez the tail is off, @Ben Ito can you help?”',
      'Open checklist item (Ana Lopez, 2026-03-01): “Fix the hands”',
      'Ben Ito was mentioned by Cleo Martin on 2026-03-03 (8 days ago) and has not answered.',
      'Cleo Martin was mentioned by Ana Lopez on 2026-03-06 (5 days ago) and has not answered.',
    ]);
    expect(digest?.plan).toBeUndefined();
  });

  it('cuts long quotes, and stays quiet until the thread was read', () => {
    const long = snapshot([task({ taskId: 't1', statusId: 'wip', realStartDate: '2026-03-02' })], {
      comments: {
        t1: [{ id: 'c', person_id: 'ben', created_at: '2026-03-02', text: 'x'.repeat(300), task_status_id: 'todo' }],
      },
    });
    const [digest] = runRule(threadDigestRule, long, {
      context: contexts.task('t1'),
      settings: { threadDigest: { quoteLength: 20 } },
    });
    expect(texts(digest)).toEqual([
      'Status: WIP since 2026-03-02 (9 days).',
      `Ben Ito, 2026-03-02: “${'x'.repeat(19)}…”`,
    ]);
    expect(runRule(threadDigestRule, snapshot([task({ taskId: 't1' })]), { context: contexts.task('t1') })).toEqual([]);
    expect(runRule(threadDigestRule, data, { context: contexts.task('t2') })).toEqual([]);
  });
});
