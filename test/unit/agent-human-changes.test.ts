// Human decisions read from Kitsu's event log become the rules' recent changes: who and when, in the
// reason of a task left out of a plan; an edit of unnamed fields guards dates, estimate and priority.
import { describe, expect, it } from 'vitest';
import { mayReadEventLog, recentChangesOf } from '../../lib/agent/human-changes';
import { unassignedRule } from '../../lib/agent/rules/unassigned';
import { runRule, snapshot, task } from '../../lib/agent/testing';
import { humanDecisionsFromEvents } from '../../lib/workflow/human-decisions';

const event = (name: string, taskId: string, at: string, data: Record<string, unknown> = {}) => ({
  id: `${name}-${taskId}-${at}`,
  name,
  user_id: 'cleo',
  project_id: 'p',
  created_at: at,
  data: { task_id: taskId, ...data },
});

describe('recent changes from the event log', () => {
  it('turns an assignment into an assignee change and an edit into an inexact dates/estimate/priority change', () => {
    const decisions = humanDecisionsFromEvents([
      event('task:unassign', 'u2', '2026-03-10T08:00:00', { person_id: 'ana' }),
      event('task:update', 'u3', '2026-03-10T09:00:00'),
    ] as never);
    const changes = recentChangesOf(decisions);
    expect(changes.u2).toEqual([{ field: 'assignees', personId: 'cleo', at: '2026-03-10T08:00:00', inexact: false }]);
    expect(changes.u3?.map((change) => [change.field, change.inexact])).toEqual([
      ['dates', true],
      ['estimation', true],
      ['priority', true],
    ]);
  });

  it('keeps a task a person unassigned recently out of the plan, naming who and when', () => {
    const decisions = humanDecisionsFromEvents([
      event('task:unassign', 'u2', '2026-03-10T08:00:00', { person_id: 'ana' }),
    ] as never);
    const tasks = [task({ taskId: 'u1' }), task({ taskId: 'u2' })];
    const [suggestion] = runRule(unassignedRule, snapshot(tasks, { recentChanges: recentChangesOf(decisions) }));
    expect(suggestion?.plan?.operations.map((op) => op.taskId)).toEqual(['u1']);
    expect(suggestion?.reasons.map((reason) => reason.text)).toContain(
      'SQ010 / U2 / Animation: its assignment was changed by Cleo Martin yesterday (2026-03-10), within the last 3 days: left out of the plan to respect that decision.',
    );
  });

  it('asks the event log only with a production manager’s token or more', () => {
    expect(mayReadEventLog('manager')).toBe(true);
    expect(mayReadEventLog('admin')).toBe(true);
    expect(mayReadEventLog('supervisor')).toBe(false);
    expect(mayReadEventLog(undefined)).toBe(false);
  });
});
