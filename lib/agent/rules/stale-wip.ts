// 3. Stale work in progress: WIP tasks with no comment or time logged for N days. Plan: a check-in
// comment mentioning the assignees. A task with no activity date at all (no comment, no time log, no
// real start date) is not reported: how long it has been idle cannot be told.
import { dayOf, daysBetween, latest, plural } from '../dates';
import { mentionList, rulePlan, suggestionId } from '../helpers';
import type { Rule, RuleSuggestion } from '../types';

const RULE = 'stale-wip' as const;

export const staleWipRule: Rule = {
  id: RULE,
  name: 'Stale work in progress',
  description: 'WIP tasks with no comment or time logged for N days.',
  pageKinds: ['entity-list', 'entity', 'task-type', 'task', 'production-page', 'my-tasks', 'person'],
  needsRole: 'supervisor',
  run(input) {
    const { idleDays } = input.settings.staleWip;
    const suggestions: RuleSuggestion[] = [];
    for (const task of input.scope) {
      if (!input.index.isWip(task) || !input.index.isOpen(task)) continue;
      const lastActivity = latest([task.lastCommentDate, task.lastTimeLogDate, task.realStartDate]);
      if (!lastActivity) continue;
      const since = dayOf(lastActivity);
      const idle = daysBetween(since, input.today);
      if (idle < idleDays) continue;
      const id = suggestionId(RULE, [task.taskId]);
      const label = input.index.label(task);
      const what =
        lastActivity === task.lastCommentDate
          ? 'last comment'
          : lastActivity === task.lastTimeLogDate
            ? 'last time logged'
            : 'went WIP';
      const plan =
        task.assigneeIds.length > 0
          ? rulePlan(input, RULE, id, `Check in on ${label}`, [
              {
                kind: 'comment',
                taskId: task.taskId,
                taskLabel: label,
                text: `Hi ${mentionList(input, task.assigneeIds)}, checking in on ${label}: there has been no update since ${since}. How is it going, and is anything blocking you?`,
                preconditions: { statusId: task.statusId, lastCommentDate: task.lastCommentDate },
              },
            ])
          : undefined;
      suggestions.push({
        id,
        ruleId: RULE,
        severity: 'warning',
        title: `${label} has been in progress without an update for ${plural(idle, 'day')}`,
        reasons: [
          {
            text: `${input.index.statusName(task)} with no comment or time logged since ${since} (${what}), ${plural(
              idle,
              'day',
            )} ago; the threshold is ${plural(idleDays, 'day')}.`,
            evidence: { taskIds: [task.taskId], dates: [since], numbers: { idleDays: idle } },
          },
          task.assigneeIds.length > 0
            ? {
                text: `Assigned to ${task.assigneeIds.map(input.index.personName).join(', ')}.`,
                evidence: { personIds: [...task.assigneeIds] },
              }
            : { text: 'Nobody is assigned: there is nobody to check in with.', evidence: { taskIds: [task.taskId] } },
        ],
        ...(plan ? { plan } : {}),
      });
    }
    return suggestions;
  },
};
