// 1. Overdue: open tasks past their due date. Plan: a polite reminder comment mentioning the assignees
// (by full name, which zou turns into mentions). The alternative, a new due date the user picks, is
// built by `overdueNewDueDatePlan` once the user has chosen the date.
import type { Plan } from '../../plans/model';
import { dayOf, daysBetween, plural } from '../dates';
import { mentionList, rulePlan, suggestionId } from '../helpers';
import type { AgentTask, Reason, Rule, RuleInput, RuleSuggestion } from '../types';

const RULE = 'overdue' as const;

function reminderText(input: RuleInput, task: AgentTask, due: string): string {
  return `Hi ${mentionList(input, task.assigneeIds)}, a friendly reminder that ${input.index.label(
    task,
  )} was due on ${due}. Could you let us know where it stands, or whether it needs a new date? Thank you!`;
}

export const overdueRule: Rule = {
  id: RULE,
  name: 'Overdue',
  description: 'Open tasks past their due date.',
  pageKinds: ['entity-list', 'entity', 'task-type', 'task', 'production-page', 'my-tasks', 'person'],
  needsRole: 'supervisor',
  run(input) {
    const { graceDays, criticalAfterDays } = input.settings.overdue;
    const suggestions: RuleSuggestion[] = [];
    for (const task of input.scope) {
      if (!task.dueDate || !input.index.isOpen(task)) continue;
      const due = dayOf(task.dueDate);
      const late = daysBetween(due, input.today);
      if (late <= graceDays) continue;
      const id = suggestionId(RULE, [task.taskId]);
      const reasons: Reason[] = [
        {
          text: `Due on ${due}, ${plural(late, 'day')} ago, and still ${input.index.statusName(task)}.`,
          evidence: { taskIds: [task.taskId], dates: [due], numbers: { daysLate: late } },
        },
        task.assigneeIds.length > 0
          ? {
              text: `Assigned to ${task.assigneeIds.map(input.index.personName).join(', ')}.`,
              evidence: { personIds: [...task.assigneeIds] },
            }
          : { text: 'Nobody is assigned: there is nobody to remind.', evidence: { taskIds: [task.taskId] } },
      ];
      const plan =
        task.assigneeIds.length > 0
          ? rulePlan(input, RULE, id, `Remind the assignees of ${input.index.label(task)}`, [
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
        title: `${input.index.label(task)} is ${plural(late, 'day')} overdue`,
        reasons,
        ...(plan ? { plan } : {}),
      });
    }
    return suggestions;
  },
};

/** The alternative plan of an overdue suggestion: the due date the user picked (YYYY-MM-DD). */
export function overdueNewDueDatePlan(input: RuleInput, task: AgentTask, newDueDate: string): Plan {
  const plan = rulePlan(input, RULE, suggestionId(RULE, [task.taskId]), `New due date for ${input.index.label(task)}`, [
    {
      kind: 'set-dates',
      taskId: task.taskId,
      taskLabel: input.index.label(task),
      due: { before: task.dueDate, after: dayOf(newDueDate) },
      preconditions: { dueDate: task.dueDate },
    },
  ]);
  if (!plan) throw new Error('no operation');
  return plan;
}
