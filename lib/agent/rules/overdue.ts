// 1. Overdue: open tasks past their due date. Plan: a polite reminder comment mentioning the assignees
// (by full name, which zou turns into mentions). The alternative, a new due date the user picks, is
// built by `overdueNewDueDatePlan` once the user has chosen the date.

import { t } from '../../i18n/pure';
import type { Plan } from '../../plans/model';
import { dayOf, daysBetween } from '../../shared/dates';
import { defineRule } from '../define-rule';
import { assignedToReason, mentionList, rulePlan, suggestionId } from '../helpers';
import { type AgentTask, dayCount, type Reason, type RuleInput, type RuleSuggestion } from '../types';

const RULE = 'overdue' as const;

// Posted to Kitsu as a comment: not translated, comments stay in the operator's language by design.
function reminderText(input: RuleInput, task: AgentTask, due: string): string {
  return `Hi ${mentionList(input, task.assigneeIds)}, a friendly reminder that ${input.index.label(
    task,
  )} was due on ${due}. Could you let us know where it stands, or whether it needs a new date? Thank you!`;
}

export const overdueRule = defineRule({
  id: RULE,
  name: t('ruleOverdueName'),
  description: t('ruleOverdueDescription'),
  pageKinds: ['entity-list', 'entity', 'task-type', 'task', 'production-page', 'my-tasks', 'person'],
  needsRole: 'supervisor',
  settings: { graceDays: dayCount(0), criticalAfterDays: dayCount(7) },
  fields: [
    {
      kind: 'number',
      key: 'graceDays',
      label: t('ruleOverdueGrace'),
      hint: t('ruleOverdueGraceHint'),
    },
    {
      kind: 'number',
      key: 'criticalAfterDays',
      label: t('ruleOverdueCritical'),
      hint: t('ruleOverdueCriticalHint'),
    },
  ],
  run(input, { graceDays, criticalAfterDays }) {
    const suggestions: RuleSuggestion[] = [];
    for (const task of input.scope) {
      if (!task.dueDate || !input.index.isOpen(task)) continue;
      const due = dayOf(task.dueDate);
      const late = daysBetween(due, input.today);
      if (late <= graceDays) continue;
      const id = suggestionId(RULE, [task.taskId]);
      const reasons: Reason[] = [
        {
          text: t('reasonOverdueDue', { date: due, count: late, status: input.index.statusName(task) }),
          evidence: { taskIds: [task.taskId], dates: [due], numbers: { daysLate: late } },
        },
        assignedToReason(input, task) ?? { text: t('reasonOverdueNobody'), evidence: { taskIds: [task.taskId] } },
      ];
      const plan =
        task.assigneeIds.length > 0
          ? rulePlan(input, RULE, id, t('reasonOverduePlan', { task: input.index.label(task) }), [
              {
                kind: 'comment',
                taskId: task.taskId,
                taskLabel: input.index.label(task),
                text: reminderText(input, task, due),
                // A comment posted since the preview means someone already answered: skip the reminder.
                preconditions: { statusId: task.statusId, lastCommentDate: task.lastCommentDate },
              },
            ])
          : undefined;
      suggestions.push({
        id,
        ruleId: RULE,
        severity: late >= criticalAfterDays ? 'critical' : 'warning',
        title: t('reasonOverdueTitle', { task: input.index.label(task), count: late }),
        reasons,
        ...(plan ? { plan } : {}),
      });
    }
    return suggestions;
  },
});

/** The alternative plan of an overdue suggestion: the due date the user picked (YYYY-MM-DD). */
export function overdueNewDueDatePlan(input: RuleInput, task: AgentTask, newDueDate: string): Plan {
  const plan = rulePlan(
    input,
    RULE,
    suggestionId(RULE, [task.taskId]),
    t('reasonOverdueNewDuePlan', { task: input.index.label(task) }),
    [
      {
        kind: 'set-dates',
        taskId: task.taskId,
        taskLabel: input.index.label(task),
        due: { before: task.dueDate, after: dayOf(newDueDate) },
        preconditions: { dueDate: task.dueDate },
      },
    ],
  );
  if (!plan) throw new Error('no operation');
  return plan;
}
