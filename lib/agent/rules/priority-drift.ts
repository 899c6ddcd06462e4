// 10. Priority drift, information only:
// - open tasks of high priority or more (setting) that have not moved for N days: no comment, time
//   log, WIP or review date, or known change since; a task that never moved counts from its planned
//   start date (not reported before it);
// - normal-priority open tasks blocking many others: not-started open tasks of later pipeline steps
//   (task type order) on the same shot or asset, at least `blockingCount` of them.
import { dayOf, daysBetween, latest, plural } from '../dates';
import { suggestionId, tasksOfEntity } from '../helpers';
import type { AgentTask, Rule, RuleSuggestion } from '../types';

const RULE = 'priority-drift' as const;
const PRIORITY_NAMES = ['normal', 'high', 'very high', 'emergency'];

export const priorityDriftRule: Rule = {
  id: RULE,
  name: 'Priority drift',
  description: 'High-priority tasks that have not moved for N days; normal-priority tasks blocking many others.',
  pageKinds: ['entity-list', 'entity', 'task-type', 'production-page'],
  needsRole: null,
  run(input) {
    const { minPriority, idleDays, blockingCount } = input.settings.priorityDrift;
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
        const priorityName = PRIORITY_NAMES[Math.min(task.priority, 3)] ?? 'high';
        suggestions.push({
          id: suggestionId(RULE, [task.taskId]),
          ruleId: RULE,
          severity: task.priority >= 3 ? 'critical' : 'warning',
          title: `${label} is ${priorityName} priority but has not moved for ${plural(idle, 'day')}`,
          reasons: [
            {
              text: `Priority ${priorityName}, ${input.index.statusName(task)}; ${
                moved
                  ? `last movement on ${dayOf(moved)}`
                  : `no movement since its planned start on ${dayOf(reference)}`
              }, ${plural(idle, 'day')} ago (threshold ${plural(idleDays, 'day')}).`,
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
        title: `${label} (normal priority) holds up ${plural(blocked.length, 'later task')}`,
        reasons: [
          {
            text: `${label} is ${input.index.statusName(task)}${
              task.sequenceName ? ` in ${task.sequenceName}` : ''
            }; these later steps have not started: ${blocked.map(input.index.label).join(', ')}. Consider raising its priority.`,
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
};
