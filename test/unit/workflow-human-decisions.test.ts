// Event rows shaped as zou 1.0.97 saves them (read from a real stack: names, data keys, dates to the
// second), for each kind of change a person makes in Kitsu.
import { describe, expect, it } from 'vitest';
import type { EventLogEntry } from '../../lib/kitsu';
import {
  decisionReason,
  decisionsByTask,
  type HumanDecision,
  humanDecisionsFromEvents,
  leftOutOfPlanText,
  recentHumanDecision,
} from '../../lib/workflow/human-decisions';

const HELENE = 'helene';
const YOUSSEF = 'youssef';
const WRITER_BOT = 'writer-bot';
let sequence = 0;

function event(
  name: string,
  createdAt: string,
  userId: string | null,
  data: Record<string, unknown> = {},
): EventLogEntry {
  sequence++;
  return { id: `event-${sequence}`, created_at: createdAt, name, user_id: userId, project_id: 'p', data };
}

const at = (time: string) => `2026-12-06T${time}`;
const log: EventLogEntry[] = [
  // A comment moving T1 to another status: the update comes with it.
  event('news:new', at('10:00:00'), HELENE, { news_id: 'n1' }),
  event('task:update', at('10:00:00'), HELENE, { task_id: 'T1' }),
  event('comment:new', at('10:00:00'), HELENE, { task_id: 'T1', comment_id: 'c1' }),
  event('task:status-changed', at('10:00:01'), HELENE, {
    task_id: 'T1',
    new_task_status_id: 'hold',
    previous_task_status_id: 'wip',
    person_id: HELENE,
  }),
  // A due date: an update alone.
  event('task:update', at('10:05:00'), HELENE, { task_id: 'T2' }),
  // Bram taken off T3 (clear-assignation).
  event('task:update', at('10:06:00'), HELENE, { task_id: 'T3' }),
  event('task:unassign', at('10:06:00'), HELENE, { task_id: 'T3', person_id: 'bram' }),
  // T4's assignees replaced in one request spanning a second.
  event('task:unassign', at('10:07:01'), HELENE, { task_id: 'T4', person_id: 'olga' }),
  event('task:assign', at('10:07:02'), HELENE, { task_id: 'T4', person_id: YOUSSEF }),
  event('task:update', at('10:07:02'), HELENE, { task_id: 'T4' }),
  // Time logged: the time-spent event has no task id.
  event('task:update', at('10:08:00'), YOUSSEF, { task_id: 'T5' }),
  event('time-spent:new', at('10:08:00'), YOUSSEF, { time_spent_id: 'ts1' }),
  // A comment deleted.
  event('task:update', at('10:09:00'), HELENE, { task_id: 'T7' }),
  event('comment:delete', at('10:09:00'), HELENE, { task_id: 'T7', comment_id: 'c2' }),
  // Not people's decisions: a bot, a script without a token, Sidekick's own write with Hélène's token.
  event('task:update', at('10:10:00'), WRITER_BOT, { task_id: 'T6' }),
  event('task:update', at('10:11:00'), null, { task_id: 'T6' }),
  event('task:update', at('10:12:00'), HELENE, { task_id: 'T8', sidekick: true }),
  // Youssef edits T9 while commenting on T1: the comment does not explain an update of another task.
  event('comment:new', at('10:13:00'), YOUSSEF, { task_id: 'T1', comment_id: 'c3' }),
  event('task:update', at('10:13:00'), YOUSSEF, { task_id: 'T1' }),
  event('task:update', at('10:13:00'), YOUSSEF, { task_id: 'T9' }),
];

const read = () =>
  humanDecisionsFromEvents([...log].reverse(), {
    isHuman: (personId) => personId !== WRITER_BOT,
    isOwnWrite: (entry) => entry.data?.sidekick === true,
  });

describe('human decisions from the event log', () => {
  it('finds who changed assignees, fields or status of which task, newest first', () => {
    expect(read()).toEqual([
      { taskId: 'T9', kind: 'task-fields', personId: YOUSSEF, at: at('10:13:00'), assigned: [], unassigned: [] },
      {
        taskId: 'T4',
        kind: 'assignees',
        personId: HELENE,
        at: at('10:07:02'),
        assigned: [YOUSSEF],
        unassigned: ['olga'],
      },
      { taskId: 'T3', kind: 'assignees', personId: HELENE, at: at('10:06:00'), assigned: [], unassigned: ['bram'] },
      { taskId: 'T2', kind: 'task-fields', personId: HELENE, at: at('10:05:00'), assigned: [], unassigned: [] },
      {
        taskId: 'T1',
        kind: 'status',
        personId: HELENE,
        at: at('10:00:01'),
        assigned: [],
        unassigned: [],
        statusId: 'hold',
      },
    ]);
  });

  it('counts people it does not know, and skips rows it cannot date', () => {
    const decisions = humanDecisionsFromEvents([
      event('task:update', at('11:00:00'), 'someone', { task_id: 'T1' }),
      event('task:update', 'yesterday', HELENE, { task_id: 'T2' }),
      event('task:update', at('11:00:00'), HELENE, {}),
    ]);
    expect(decisions.map((decision) => decision.personId)).toEqual(['someone']);
  });

  it('reads an update a loaded zou saved seconds after the comment of its request as that comment’s', () => {
    const decisions = humanDecisionsFromEvents([
      event('comment:new', at('12:00:01'), HELENE, { task_id: 'T1', comment_id: 'c9' }),
      event('task:update', at('12:00:04'), HELENE, { task_id: 'T1' }),
      // Long after the comment: an edit of its own.
      event('task:update', at('12:00:30'), HELENE, { task_id: 'T1' }),
    ]);
    expect(decisions.map((decision) => [decision.kind, decision.at])).toEqual([['task-fields', at('12:00:30')]]);
  });

  it('keeps two edits of one task a few seconds apart as two decisions', () => {
    const decisions = humanDecisionsFromEvents([
      event('task:update', at('11:00:00'), HELENE, { task_id: 'T2' }),
      event('task:update', at('11:00:05'), HELENE, { task_id: 'T2' }),
    ]);
    expect(decisions.map((decision) => decision.at)).toEqual([at('11:00:05'), at('11:00:00')]);
  });
});

describe('the recent human decision guard', () => {
  const byTask = decisionsByTask(read());
  const now = new Date('2026-12-06T12:07:00Z');

  it('guards dates, estimate and priority with field edits, assignees with assignments', () => {
    expect(recentHumanDecision(byTask, 'T2', ['dates'], { now, windowDays: 3 })?.kind).toBe('task-fields');
    expect(recentHumanDecision(byTask, 'T2', ['estimation'], { now, windowDays: 3 })?.kind).toBe('task-fields');
    expect(recentHumanDecision(byTask, 'T2', ['assignees'], { now, windowDays: 3 })).toBeUndefined();
    expect(recentHumanDecision(byTask, 'T3', ['assignees'], { now, windowDays: 3 })?.unassigned).toEqual(['bram']);
    expect(recentHumanDecision(byTask, 'T1', ['status'], { now, windowDays: 3 })?.statusId).toBe('hold');
    expect(recentHumanDecision(byTask, 'unknown', ['dates'], { now, windowDays: 3 })).toBeUndefined();
  });

  it('is off at 0 days, forgets decisions older than the window, keeps those dated in the future', () => {
    expect(recentHumanDecision(byTask, 'T2', ['dates'], { now, windowDays: 0 })).toBeUndefined();
    const later = new Date('2026-12-09T10:05:01Z');
    expect(recentHumanDecision(byTask, 'T2', ['dates'], { now: later, windowDays: 3 })).toBeUndefined();
    const earlier = new Date('2026-12-06T09:00:00Z');
    expect(recentHumanDecision(byTask, 'T2', ['dates'], { now: earlier, windowDays: 3 })).toBeDefined();
  });

  const people: Record<string, string> = {
    [HELENE]: 'Hélène Marchand',
    [YOUSSEF]: 'يوسف العمراني',
    bram: 'Bram de Vries',
    olga: 'Olga Petrova',
  };
  const context = { personName: (id: string) => people[id] ?? 'someone', now };
  const decision = (taskId: string) => byTask.get(taskId)?.[0] as HumanDecision;

  it('says who did what and when, in the studio’s time zone', () => {
    expect(decisionReason(decision('T3'), { ...context, timeZone: 'Europe/Paris' })).toBe(
      'Hélène Marchand took Bram de Vries off it 2 hours ago (6 Dec 2026, 11:06 Europe/Paris)',
    );
    expect(decisionReason(decision('T4'), context)).toBe(
      'Hélène Marchand gave it to يوسف العمراني and took Olga Petrova off it 1 hour ago (6 Dec 2026, 10:07 UTC)',
    );
    expect(decisionReason(decision('T2'), { ...context, now: new Date('2026-12-09T11:00:00Z') })).toBe(
      'Hélène Marchand changed its dates, estimate or priority (Kitsu’s log does not say which) 3 days ago (6 Dec 2026, 10:05 UTC)',
    );
    expect(decisionReason(decision('T1'), { ...context, statusName: () => 'On Hold' })).toContain(
      'Hélène Marchand moved it to On Hold 2 hours ago',
    );
    expect(decisionReason(decision('T9'), { ...context, now: new Date('2026-12-06T10:13:30Z') })).toContain('just now');
    expect(decisionReason(decision('T9'), { ...context, now: new Date('2026-12-06T10:14:00Z') })).toContain(
      '1 minute ago',
    );
  });

  it('falls back on UTC for a time zone it does not know', () => {
    expect(decisionReason(decision('T2'), { ...context, timeZone: 'Mars/Olympus' })).toContain(
      '(6 Dec 2026, 10:05 UTC)',
    );
  });

  it('writes the sentence of a task a plan leaves out', () => {
    expect(leftOutOfPlanText('E01 / SQ01 / SH0060 / Roto', decision('T3'), { ...context, windowDays: 1 })).toBe(
      'E01 / SQ01 / SH0060 / Roto: Hélène Marchand took Bram de Vries off it 2 hours ago (6 Dec 2026, 10:06 UTC), within the last 1 day: left out of the plan to respect that decision.',
    );
  });
});
