// 6. Retake loop: open tasks whose retake count reached the threshold or the production's maximum
// (critical at the maximum). Information, with the retake history from the comments when the thread
// was read.

import { t } from '../../i18n/pure';
import { dayOf } from '../../shared/dates';
import { clip } from '../../shared/text';
import { defineRule } from '../define-rule';
import { assignedToReason, suggestionId } from '../helpers';
import { type Reason, type RuleSuggestion, wholeNumber } from '../types';

const RULE = 'retake-loop' as const;

export const retakeLoopRule = defineRule({
  id: RULE,
  name: t('ruleRetakeName'),
  description: t('ruleRetakeDescription'),
  pageKinds: ['entity-list', 'entity', 'task-type', 'task', 'production-page', 'my-checks', 'my-tasks'],
  needsRole: null,
  settings: { retakeThreshold: wholeNumber(1, 100).default(3) },
  fields: [
    { kind: 'number', key: 'retakeThreshold', label: t('ruleRetakeThreshold'), hint: t('ruleRetakeThresholdHint') },
  ],
  run(input, { retakeThreshold }) {
    const max = input.snapshot.project.max_retakes ?? 0;
    const suggestions: RuleSuggestion[] = [];
    for (const task of input.scope) {
      if (!input.index.isOpen(task)) continue;
      const atMax = max > 0 && task.retakeCount >= max;
      if (task.retakeCount < retakeThreshold && !atMax) continue;
      const label = input.index.label(task);
      const reasons: Reason[] = [
        {
          text: t('reasonRetakeCount', {
            count: task.retakeCount,
            threshold: retakeThreshold,
            limit: `${max > 0 ? t('reasonRetakeProductionMax', { max }) : ''}${atMax ? t('reasonRetakeMaxReached') : ''}`,
            status: input.index.statusName(task),
          }),
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
        .filter((comment) => input.index.statusRole(comment.task_status_id) === 'retake')
        .sort((a, b) => a.created_at.localeCompare(b.created_at));
      retakes.forEach((comment, position) => {
        const text = (comment.text ?? '').replace(/\s+/g, ' ').trim();
        const retake = {
          position: position + 1,
          date: dayOf(comment.created_at),
          person: input.index.personName(comment.person_id),
        };
        reasons.push({
          text: text
            ? t('reasonRetakeHistoryQuoted', {
                ...retake,
                quote: t('reasonQuote', { text: clip(text, 120) }),
              })
            : t('reasonRetakeHistory', retake),
          evidence: { personIds: [comment.person_id], dates: [dayOf(comment.created_at)] },
        });
      });
      const assigned = assignedToReason(input, task);
      if (assigned) reasons.push(assigned);
      suggestions.push({
        id: suggestionId(RULE, [task.taskId]),
        ruleId: RULE,
        severity: atMax ? 'critical' : 'warning',
        title: t('reasonRetakeTitle', { task: label, count: task.retakeCount }),
        reasons,
      });
    }
    return suggestions;
  },
});
