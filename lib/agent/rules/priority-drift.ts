// 10. Priority drift, information only:
// - open tasks of high priority or more (setting) that have not moved for N days: no comment, time
//   log, WIP or review date, or known change since; a task that never moved counts from its planned
//   start date (not reported before it);
// - normal-priority open tasks blocking many others: not-started open tasks of later pipeline steps
//   (task type order) on the same shot or asset, at least `blockingCount` of them.

import { t } from '../../i18n/pure';
import { dayOf, daysBetween, latest } from '../../shared/dates';
import { defineRule } from '../define-rule';
import { suggestionId, tasksOfEntity } from '../helpers';
import { type AgentTask, dayCount, type RuleSuggestion, wholeNumber } from '../types';

const RULE = 'priority-drift' as const;

/** Kitsu's priority levels above normal, as the reasons name them. */
const PRIORITY_MESSAGES = ['reasonPriority1', 'reasonPriority2', 'reasonPriority3'] as const;
type PriorityMessage = (typeof PRIORITY_MESSAGES)[number];

export const priorityDriftRule = defineRule({
  id: RULE,
  name: t('rulePriorityName'),
  description: t('rulePriorityDescription'),
  pageKinds: ['entity-list', 'entity', 'task-type', 'production-page'],
  needsRole: null,
  settings: {
    minPriority: wholeNumber(1, 3).default(1),
    idleDays: dayCount(3),
    blockingCount: wholeNumber(1, 1000).default(3),
  },
  fields: [
    { kind: 'number', key: 'minPriority', label: t('rulePriorityMin'), hint: t('rulePriorityMinHint') },
    { kind: 'number', key: 'idleDays', label: t('rulePriorityIdle'), hint: t('rulePriorityIdleHint') },
    {
      kind: 'number',
      key: 'blockingCount',
      label: t('rulePriorityBlocking'),
      hint: t('rulePriorityBlockingHint'),
    },
  ],
  run(input, { minPriority, idleDays, blockingCount }) {
    const suggestions: RuleSuggestion[] = [];
    const notStarted = (task: AgentTask) =>
      input.index.isOpen(task) &&
      !input.index.isWip(task) &&
      !input.index.isFeedback(task) &&
      task.realStartDate === null;
    const order = (task: AgentTask) => input.index.taskTypes.get(task.taskTypeId)?.priority ?? null;
    for (const task of input.scope) {
      if (!input.index.isOpen(task)) continue;
      const label = input.index.label(task);
      if (task.priority >= minPriority) {
        const moved = latest([
          task.lastCommentDate,
          task.lastTimeLogDate,
          task.realStartDate,
          task.endDate,
          ...(input.snapshot.recentChanges[task.taskId] ?? []).map((change) => change.at),
        ]);
        const reference = moved ?? task.startDate;
        if (!reference) continue;
        const idle = daysBetween(reference, input.today);
        if (idle < idleDays) continue;
        const priorityName = t(PRIORITY_MESSAGES[Math.min(task.priority, 3) - 1] as PriorityMessage);
        suggestions.push({
          id: suggestionId(RULE, [task.taskId]),
          ruleId: RULE,
          severity: task.priority >= 3 ? 'critical' : 'warning',
          title: t('reasonPriorityIdleTitle', { task: label, priority: priorityName, count: idle }),
          reasons: [
            {
              text: t('reasonPriorityIdle', {
                priority: priorityName,
                status: input.index.statusName(task),
                movement: moved
                  ? t('reasonPriorityLastMoved', { date: dayOf(moved) })
                  : t('reasonPriorityNeverMoved', { date: dayOf(reference) }),
                count: idle,
                threshold: t('reasonDays', { count: idleDays }),
              }),
              evidence: {
                taskIds: [task.taskId],
                personIds: [...task.assigneeIds],
                dates: [dayOf(reference)],
                numbers: { priority: task.priority, idleDays: idle },
              },
            },
          ],
        });
        continue;
      }
      const own = order(task);
      if (task.priority !== 0 || own === null) continue;
      // The tasks of the same shot or asset only, not the whole production for every task.
      const blocked = tasksOfEntity(input, task.entityId).filter((other) => {
        const later = order(other);
        return (
          other.entityId === task.entityId &&
          other.taskId !== task.taskId &&
          later !== null &&
          later > own &&
          notStarted(other)
        );
      });
      if (blocked.length < blockingCount) continue;
      suggestions.push({
        id: suggestionId(RULE, [`blocking:${task.taskId}`]),
        ruleId: RULE,
        severity: 'info',
        title: t('reasonPriorityBlockingTitle', { task: label, count: blocked.length }),
        reasons: [
          {
            text: t(task.sequenceName ? 'reasonPriorityBlockingIn' : 'reasonPriorityBlocking', {
              task: label,
              status: input.index.statusName(task),
              sequence: task.sequenceName ?? '',
              tasks: blocked.map(input.index.label).join(', '),
            }),
            evidence: {
              taskIds: [task.taskId, ...blocked.map((other) => other.taskId)],
              numbers: { blocked: blocked.length, threshold: blockingCount },
            },
          },
        ],
      });
    }
    return suggestions;
  },
});
