// Per-task rules: overdue, review backlog, stale WIP, retake loop, start on WIP, priority drift.
import { describe, expect, it } from 'vitest';
import { buildRuleInput, DEFAULT_AGENT_SETTINGS, type RuleSuggestion, suggestionId } from '../../lib/agent';
import { overdueNewDueDatePlan, overdueRule } from '../../lib/agent/rules/overdue';
import { priorityDriftRule } from '../../lib/agent/rules/priority-drift';
import { retakeLoopRule } from '../../lib/agent/rules/retake-loop';
import { reviewBacklogRule } from '../../lib/agent/rules/review-backlog';
import { staleWipRule } from '../../lib/agent/rules/stale-wip';
import { startOnWipRule } from '../../lib/agent/rules/start-on-wip';
import { contexts, HOST, NOW, PROJECT, runRule, snapshot, task } from '../../lib/agent/testing';
import { PlanSchema } from '../../lib/plans';

const titles = (suggestions: RuleSuggestion[]) => suggestions.map((s) => s.title);
const texts = (suggestion: RuleSuggestion | undefined) => suggestion?.reasons.map((r) => r.text) ?? [];
const validPlan = (suggestion: RuleSuggestion | undefined) => PlanSchema.parse(suggestion?.plan);

describe('overdue', () => {
  const data = snapshot([
    task({ taskId: 't1', dueDate: '2026-03-10', assigneeIds: ['ana', 'ben'], lastCommentDate: '2026-03-05T09:00:00' }),
    task({ taskId: 't2', dueDate: '2026-03-11', assigneeIds: ['ana'] }),
    task({ taskId: 't3', dueDate: '2026-03-01', statusId: 'done', assigneeIds: ['ana'] }),
    task({ taskId: 't4', dueDate: '2026-03-04T18:00:00' }),
    task({ taskId: 't5' }),
  ]);

  it('reports open tasks past their due date, with a polite reminder mentioning the assignees', () => {
    const [t1, t4, ...rest] = runRule(overdueRule, data);
    expect(rest).toEqual([]);
    expect(t1).toMatchObject({
      severity: 'warning',
      title: 'SQ010 / T1 / Animation is 1 day overdue',
      id: suggestionId('overdue', ['t1']),
    });
    expect(t1?.reasons[0]).toEqual({
      text: 'Due on 2026-03-10, 1 day ago, and still Todo.',
      evidence: { taskIds: ['t1'], dates: ['2026-03-10'], numbers: { daysLate: 1 } },
    });
    expect(t1?.reasons[1]?.evidence.personIds).toEqual(['ana', 'ben']);
    const plan = validPlan(t1);
    expect(plan).toMatchObject({ origin: { kind: 'rule', id: 'overdue' }, host: HOST, projectId: PROJECT });
    expect(plan.operations).toEqual([
      {
        id: 'op-1',
        kind: 'comment',
        taskId: 't1',
        taskLabel: 'SQ010 / T1 / Animation',
        text: expect.stringContaining(
          'Hi @Ana Lopez and @Ben Ito, a friendly reminder that SQ010 / T1 / Animation was due on 2026-03-10.',
        ),
        preconditions: { statusId: 'todo', lastCommentDate: '2026-03-05T09:00:00' },
      },
    ]);
    expect(t4).toMatchObject({ severity: 'critical', title: 'SQ010 / T4 / Animation is 7 days overdue' });
    expect(t4?.plan).toBeUndefined();
    expect(texts(t4)).toContain('Nobody is assigned: there is nobody to remind.');
  });

  it('honours the grace days and the critical threshold', () => {
    expect(titles(runRule(overdueRule, data, { settings: { overdue: { graceDays: 1 } } }))).toEqual([
      'SQ010 / T4 / Animation is 7 days overdue',
    ]);
    const relaxed = runRule(overdueRule, data, { settings: { overdue: { criticalAfterDays: 8 } } });
    expect(relaxed.map((s) => s.severity)).toEqual(['warning', 'warning']);
  });

  it('builds the alternative plan: a new due date the user chose', () => {
    const input = buildRuleInput(contexts.shots, data, DEFAULT_AGENT_SETTINGS, NOW);
    const plan = PlanSchema.parse(overdueNewDueDatePlan(input, data.tasks[0] as never, '2026-03-20'));
    expect(plan.operations).toEqual([
      {
        id: 'op-1',
        kind: 'set-dates',
        taskId: 't1',
        taskLabel: 'SQ010 / T1 / Animation',
        due: { before: '2026-03-10', after: '2026-03-20' },
        preconditions: { dueDate: '2026-03-10' },
      },
    ]);
  });
});

describe('review backlog', () => {
  const data = snapshot([
    task({ taskId: 'w1', statusId: 'wfa', endDate: '2026-03-01', assigneeIds: ['ana'] }),
    task({ taskId: 'w2', statusId: 'wfa', endDate: '2026-03-07T18:00:00' }),
    task({ taskId: 'w3', statusId: 'wfa', endDate: '2026-03-08' }),
    task({ taskId: 'w4', statusId: 'wfa', taskTypeId: 'layout', lastCommentDate: '2026-03-06T10:00:00' }),
    task({ taskId: 'w5', statusId: 'wip', endDate: '2026-02-01' }),
  ]);

  it('groups tasks waiting more than N days per department, oldest first, with the reviewers', () => {
    const [anim, layout, ...rest] = runRule(reviewBacklogRule, data);
    expect(rest).toEqual([]);
    expect(anim).toMatchObject({
      severity: 'critical',
      title: 'Animation: 2 tasks waiting for review for more than 3 days (oldest 10)',
    });
    expect(anim?.plan).toBeUndefined();
    expect(texts(anim)).toEqual([
      'SQ010 / W1 / Animation: Waiting For Approval since 2026-03-01 (10 days), by Ana Lopez.',
      'SQ010 / W2 / Animation: Waiting For Approval since 2026-03-07 (4 days).',
      'Reviewers (Animation supervisors): Cleo Martin.',
      'Playlist order, oldest first: SQ010 / W1 / Animation; SQ010 / W2 / Animation.',
    ]);
    expect(layout).toMatchObject({
      severity: 'warning',
      title: 'Layout: 1 task waiting for review for more than 3 days (oldest 5)',
    });
  });

  it('honours the waiting threshold', () => {
    expect(titles(runRule(reviewBacklogRule, data, { settings: { reviewBacklog: { waitingDays: 4 } } }))).toEqual([
      'Animation: 1 task waiting for review for more than 4 days (oldest 10)',
      'Layout: 1 task waiting for review for more than 4 days (oldest 5)',
    ]);
    expect(runRule(reviewBacklogRule, data, { settings: { reviewBacklog: { waitingDays: 10 } } })).toEqual([]);
  });
});

describe('stale work in progress', () => {
  const data = snapshot([
    task({ taskId: 's1', statusId: 'wip', lastCommentDate: '2026-03-05T10:00:00', assigneeIds: ['ana'] }),
    task({ taskId: 's2', statusId: 'wip', lastCommentDate: '2026-03-08T10:00:00', assigneeIds: ['ana'] }),
    task({ taskId: 's3', statusId: 'wip', lastCommentDate: '2026-03-01', lastTimeLogDate: '2026-03-10' }),
    task({ taskId: 's4', statusId: 'wip' }),
    task({ taskId: 's5', statusId: 'todo', lastCommentDate: '2026-01-01' }),
    task({ taskId: 's6', statusId: 'wip', realStartDate: '2026-03-06T16:00:00' }),
  ]);

  it('reports WIP tasks without comment or time log for N days, with a check-in comment', () => {
    const [s1, s6, ...rest] = runRule(staleWipRule, data);
    expect(rest).toEqual([]);
    expect(s1?.title).toBe('SQ010 / S1 / Animation has been in progress without an update for 6 days');
    expect(s1?.reasons[0]?.evidence).toEqual({ taskIds: ['s1'], dates: ['2026-03-05'], numbers: { idleDays: 6 } });
    const plan = validPlan(s1);
    expect(plan.operations[0]).toMatchObject({
      kind: 'comment',
      taskId: 's1',
      text: expect.stringMatching(
        /^Hi @Ana Lopez, checking in on SQ010 \/ S1 \/ Animation: there has been no update since 2026-03-05\./,
      ),
      preconditions: { statusId: 'wip', lastCommentDate: '2026-03-05T10:00:00' },
    });
    expect(s6?.title).toBe('SQ010 / S6 / Animation has been in progress without an update for 5 days');
    expect(s6?.plan).toBeUndefined();
    expect(texts(s6)[0]).toContain('(went WIP)');
  });

  it('honours the idle threshold', () => {
    expect(runRule(staleWipRule, data, { settings: { staleWip: { idleDays: 7 } } })).toEqual([]);
    expect(
      runRule(staleWipRule, data, { settings: { staleWip: { idleDays: 3 } } }).map(
        (s) => s.reasons[0]?.evidence.taskIds,
      ),
    ).toEqual([['s1'], ['s2'], ['s6']]);
  });
});

describe('retake loop', () => {
  const comments = {
    r1: [
      {
        id: 'c3',
        person_id: 'cleo',
        created_at: '2026-03-01T10:00:00',
        text: 'Still floaty',
        task_status_id: 'retake',
      },
      { id: 'c1', person_id: 'cleo', created_at: '2026-02-01T10:00:00', text: 'Arms  pop', task_status_id: 'retake' },
      { id: 'c2', person_id: 'ana', created_at: '2026-02-10T10:00:00', text: 'Fixed', task_status_id: 'wfa' },
    ],
  };
  const tasks = [
    task({ taskId: 'r1', statusId: 'wip', retakeCount: 3, assigneeIds: ['ana'] }),
    task({ taskId: 'r2', statusId: 'retake', retakeCount: 2 }),
    task({ taskId: 'r3', statusId: 'retake', retakeCount: 5 }),
    task({ taskId: 'r4', statusId: 'done', retakeCount: 6 }),
  ];

  it('reports retake counts at the threshold (warning) or the production maximum (critical), with the history', () => {
    const [r1, r3, ...rest] = runRule(retakeLoopRule, snapshot(tasks, { comments }));
    expect(rest).toEqual([]);
    expect(r1).toMatchObject({ severity: 'warning', title: 'SQ010 / R1 / Animation has been retaken 3 times' });
    expect(texts(r1)).toEqual([
      'Retaken 3 times: the threshold is 3, the production allows 5. Now WIP.',
      'Retake 1 on 2026-02-01 by Cleo Martin: “Arms pop”',
      'Retake 2 on 2026-03-01 by Cleo Martin: “Still floaty”',
      'Assigned to Ana Lopez.',
    ]);
    expect(r3).toMatchObject({ severity: 'critical' });
    expect(texts(r3)[0]).toContain('(maximum reached)');
    expect(r1?.plan).toBeUndefined();
  });

  it('honours the threshold and works without a production maximum', () => {
    const strict = runRule(retakeLoopRule, snapshot(tasks), { settings: { retakeLoop: { retakeThreshold: 4 } } });
    expect(strict.map((s) => s.reasons[0]?.evidence.taskIds)).toEqual([['r3']]);
    const noMax = runRule(retakeLoopRule, snapshot(tasks, { project: { id: PROJECT, name: 'B', max_retakes: null } }));
    expect(noMax.map((s) => s.severity)).toEqual(['warning', 'warning']);
    const lowMax = runRule(retakeLoopRule, snapshot(tasks, { project: { id: PROJECT, name: 'B', max_retakes: 2 } }));
    expect(lowMax.map((s) => s.severity)).toEqual(['critical', 'critical', 'critical']);
  });
});

describe('start on WIP', () => {
  const tasks = [
    task({ taskId: 'w1', statusId: 'wip', realStartDate: '2026-03-05T14:00:00' }),
    task({ taskId: 'w2', statusId: 'wfa', realStartDate: '2026-03-02' }),
    task({ taskId: 'w3', statusId: 'wip', realStartDate: '2026-03-02', startDate: '2026-03-01' }),
    task({ taskId: 'w4', statusId: 'wip' }),
    task({ taskId: 'w5', statusId: 'wip' }),
    task({ taskId: 'w6', statusId: 'done', realStartDate: '2026-03-02' }),
    task({ taskId: 'w7', statusId: 'todo' }),
  ];
  const comments = {
    w4: [
      { id: 'b', person_id: 'ana', created_at: '2026-03-09T09:00:00', text: 'more', task_status_id: 'wip' },
      { id: 'a', person_id: 'ana', created_at: '2026-03-07T23:30:00', text: 'go', task_status_id: 'wip' },
    ],
  };

  it('proposes the day each task went WIP as its start date', () => {
    const [suggestion, ...rest] = runRule(startOnWipRule, snapshot(tasks, { comments }));
    expect(rest).toEqual([]);
    expect(suggestion?.title).toBe('4 tasks in progress without a start date');
    expect(suggestion?.id).toBe(suggestionId('start-on-wip', ['w1', 'w2', 'w4', 'w5']));
    expect(
      validPlan(suggestion).operations.map((op) => [op.taskId, op.kind === 'set-dates' ? op.start : null]),
    ).toEqual([
      ['w1', { before: null, after: '2026-03-05' }],
      ['w2', { before: null, after: '2026-03-02' }],
      ['w4', { before: null, after: '2026-03-07' }],
    ]);
    expect(texts(suggestion)).toContain(
      'SQ010 / W5 / Animation is WIP without a start date; the day it went WIP is unknown.',
    );
  });

  it('leaves out a task whose dates a person changed recently, and says so', () => {
    const recentChanges = { w1: [{ field: 'dates' as const, personId: 'cleo', at: '2026-03-10T08:00:00' }] };
    const [suggestion] = runRule(startOnWipRule, snapshot(tasks, { comments, recentChanges }));
    expect(validPlan(suggestion).operations.map((op) => op.taskId)).toEqual(['w2', 'w4']);
    expect(texts(suggestion)).toContain(
      'SQ010 / W1 / Animation: its dates were changed by Cleo Martin yesterday (2026-03-10), within the last 3 days: left out of the plan to respect that decision.',
    );
    const old = { w1: [{ field: 'dates' as const, personId: 'cleo', at: '2026-03-07T08:00:00' }] };
    const [again] = runRule(startOnWipRule, snapshot(tasks, { comments, recentChanges: old }));
    expect(validPlan(again).operations.map((op) => op.taskId)).toEqual(['w1', 'w2', 'w4']);
  });

  it('reports nothing when every WIP task has a start date', () => {
    expect(runRule(startOnWipRule, snapshot([tasks[2], tasks[5], tasks[6]] as never))).toEqual([]);
  });
});

describe('priority drift', () => {
  const tasks = [
    task({ taskId: 'p1', priority: 2, statusId: 'wip', lastCommentDate: '2026-03-05T12:00:00' }),
    task({ taskId: 'p2', priority: 3, startDate: '2026-03-01' }),
    task({ taskId: 'p3', priority: 1, lastCommentDate: '2026-03-10' }),
    task({ taskId: 'p4', priority: 1 }),
    task({ taskId: 'p5', priority: 2, statusId: 'done', lastCommentDate: '2026-01-01' }),
    task({ taskId: 'lay', entityId: 'ex', entityName: 'SH900', taskTypeId: 'layout', statusId: 'wip' }),
    task({ taskId: 'ani', entityId: 'ex', entityName: 'SH900', taskTypeId: 'anim' }),
    task({ taskId: 'lig', entityId: 'ex', entityName: 'SH900', taskTypeId: 'light' }),
    task({ taskId: 'cmp', entityId: 'ex', entityName: 'SH900', taskTypeId: 'comp' }),
  ];

  it('reports high-priority tasks that have not moved, and normal ones blocking many later steps', () => {
    const result = runRule(priorityDriftRule, snapshot(tasks));
    expect(result.map((s) => [s.severity, s.title])).toEqual([
      ['warning', 'SQ010 / P1 / Animation is very high priority but has not moved for 6 days'],
      ['critical', 'SQ010 / P2 / Animation is emergency priority but has not moved for 10 days'],
      ['info', 'SQ010 / SH900 / Layout (normal priority) holds up 3 later tasks'],
    ]);
    expect(texts(result[1])[0]).toContain('no movement since its planned start on 2026-03-01');
    expect(result[2]?.reasons[0]?.evidence.taskIds).toEqual(['lay', 'ani', 'lig', 'cmp']);
    for (const suggestion of result) expect(suggestion.plan).toBeUndefined();
  });

  it('honours thresholds, and counts a recent change or a started later step', () => {
    const settings = { priorityDrift: { minPriority: 3, idleDays: 7, blockingCount: 4 } };
    expect(titles(runRule(priorityDriftRule, snapshot(tasks), { settings }))).toEqual([
      'SQ010 / P2 / Animation is emergency priority but has not moved for 10 days',
    ]);
    const moved = snapshot(tasks, {
      recentChanges: { p1: [{ field: 'priority', personId: 'cleo', at: '2026-03-10' }] },
    });
    expect(titles(runRule(priorityDriftRule, moved))).not.toContain(
      'SQ010 / P1 / Animation is very high priority but has not moved for 6 days',
    );
    const started = tasks.map((t) => (t.taskId === 'ani' ? { ...t, statusId: 'wip' } : t));
    expect(titles(runRule(priorityDriftRule, snapshot(started))).some((title) => title.includes('holds up'))).toBe(
      false,
    );
  });
});
