// 6. Retake loop: open tasks whose retake count reached the threshold or the production's maximum
// (critical at the maximum). Information, with the retake history from the comments when the thread
// was read.
import { dayOf, plural } from '../dates';
import { suggestionId } from '../helpers';
import type { Reason, Rule, RuleSuggestion } from '../types';

const RULE = 'retake-loop' as const;

export const retakeLoopRule: Rule = {
  id: RULE,
  name: 'Retake loop',
  description: "Tasks retaken at least N times or up to the production's maximum.",
  pageKinds: ['entity-list', 'entity', 'task-type', 'task', 'production-page', 'my-checks', 'my-tasks'],
  needsRole: null,
  run(input) {
    const { retakeThreshold } = input.settings.retakeLoop;
    const max = input.snapshot.project.max_retakes ?? 0;
    const suggestions: RuleSuggestion[] = [];
    for (const task of input.scope) {
      if (!input.index.isOpen(task)) continue;
      const atMax = max > 0 && task.retakeCount >= max;
      if (task.retakeCount < retakeThreshold && !atMax) continue;
      const label = input.index.label(task);
      const reasons: Reason[] = [
        {
          text: `Retaken ${plural(task.retakeCount, 'time')}: the threshold is ${retakeThreshold}${
            max > 0 ? `, the production allows ${max}` : ''
          }${atMax ? ' (maximum reached)' : ''}. Now ${input.index.statusName(task)}.`,
          evidence: {
            taskIds: [task.taskId],
            numbers: {
              retakeCount: task.retakeCount,
              threshold: retakeThreshold,
              ...(max > 0 ? { maxRetakes: max } : {}),
            },
          },
        },
      ];
      const retakes = (input.snapshot.comments[task.taskId] ?? [])
        .filter((comment) => input.index.statuses.get(comment.task_status_id)?.is_retake)
        .sort((a, b) => a.created_at.localeCompare(b.created_at));
      retakes.forEach((comment, position) => {
        const text = (comment.text ?? '').replace(/\s+/g, ' ').trim();
        reasons.push({
          text: `Retake ${position + 1} on ${dayOf(comment.created_at)} by ${input.index.personName(comment.person_id)}${
            text ? `: “${text.length > 120 ? `${text.slice(0, 119)}…` : text}”` : ''
          }`,
          evidence: { personIds: [comment.person_id], dates: [dayOf(comment.created_at)] },
        });
      });
      if (task.assigneeIds.length > 0) {
        reasons.push({
          text: `Assigned to ${task.assigneeIds.map(input.index.personName).join(', ')}.`,
          evidence: { personIds: [...task.assigneeIds] },
        });
      }
      suggestions.push({
        id: suggestionId(RULE, [task.taskId]),
        ruleId: RULE,
        severity: atMax ? 'critical' : 'warning',
        title: `${label} has been retaken ${plural(task.retakeCount, 'time')}`,
        reasons,
      });
    }
    return suggestions;
  },
};
