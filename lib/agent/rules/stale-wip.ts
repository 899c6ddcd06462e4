// 3. Stale work in progress: WIP tasks with no comment or time logged for N days. Plan: a check-in
// comment mentioning the assignees. A task with no activity date at all (no comment, no time log, no
// real start date) is not reported: how long it has been idle cannot be told.

import { t } from '../../i18n/pure';
import { dayOf, daysBetween, latest } from '../../shared/dates';
import { defineRule } from '../define-rule';
import { assignedToReason, mentionList, rulePlan, suggestionId } from '../helpers';
import { dayCount, type RuleSuggestion } from '../types';

const RULE = 'stale-wip' as const;

export const staleWipRule = defineRule({
  id: RULE,
  name: t('ruleStaleName'),
  description: t('ruleStaleDescription'),
  pageKinds: ['entity-list', 'entity', 'task-type', 'task', 'production-page', 'my-tasks', 'person'],
  needsRole: 'supervisor',
  settings: { idleDays: dayCount(5) },
  fields: [{ kind: 'number', key: 'idleDays', label: t('ruleStaleIdle'), hint: t('ruleStaleIdleHint') }],
  run(input, { idleDays }) {
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
          ? t('reasonStaleLastComment')
          : lastActivity === task.lastTimeLogDate
            ? t('reasonStaleLastTimeLog')
            : t('reasonStaleWentWip');
      const plan =
        task.assigneeIds.length > 0
          ? rulePlan(input, RULE, id, t('reasonStalePlan', { task: label }), [
              {
                kind: 'comment',
                taskId: task.taskId,
                taskLabel: label,
                // Posted to Kitsu: not translated, comments stay in the operator's language by design.
                text: `Hi ${mentionList(input, task.assigneeIds)}, checking in on ${label}: there has been no update since ${since}. How is it going, and is anything blocking you?`,
                preconditions: { statusId: task.statusId, lastCommentDate: task.lastCommentDate },
              },
            ])
          : undefined;
      suggestions.push({
        id,
        ruleId: RULE,
        severity: 'warning',
        title: t('reasonStaleTitle', { task: label, count: idle }),
        reasons: [
          {
            text: t('reasonStaleIdle', {
              status: input.index.statusName(task),
              date: since,
              what,
              count: idle,
              threshold: t('reasonDays', { count: idleDays }),
            }),
            evidence: { taskIds: [task.taskId], dates: [since], numbers: { idleDays: idle } },
          },
          assignedToReason(input, task) ?? { text: t('reasonStaleNobody'), evidence: { taskIds: [task.taskId] } },
        ],
        ...(plan ? { plan } : {}),
      });
    }
    return suggestions;
  },
});
