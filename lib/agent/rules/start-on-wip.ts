// 8. Start on WIP: open tasks that went WIP (in a WIP status now, or with a real start date) but have
// no start date. Plan: set the start date to the day they went WIP (zou's real_start_date; else the
// first comment that set a WIP status, when the thread was read). One suggestion for the scope.

import { t } from '../../i18n/pure';
import { dayOf } from '../../shared/dates';
import { defineRule } from '../define-rule';
import { type DraftOperation, leftOutText, recentHumanChange, rulePlan, suggestionId } from '../helpers';
import type { AgentTask, Reason, RuleInput } from '../types';

const RULE = 'start-on-wip' as const;

function wentWipOn(input: RuleInput, task: AgentTask): string | null {
  if (task.realStartDate) return dayOf(task.realStartDate);
  const first = (input.snapshot.comments[task.taskId] ?? [])
    .filter((comment) => input.index.statusRole(comment.task_status_id) === 'wip')
    .sort((a, b) => a.created_at.localeCompare(b.created_at))[0];
  return first ? dayOf(first.created_at) : null;
}

export const startOnWipRule = defineRule({
  id: RULE,
  name: t('ruleStartName'),
  description: t('ruleStartDescription'),
  pageKinds: ['entity-list', 'entity', 'task-type', 'task', 'production-page', 'my-tasks'],
  needsRole: 'supervisor',
  settings: {},
  fields: [],
  run(input) {
    const tasks = input.scope
      .filter(
        (task) =>
          task.startDate === null &&
          input.index.isOpen(task) &&
          (input.index.isWip(task) || task.realStartDate !== null),
      )
      .sort((a, b) => input.index.label(a).localeCompare(input.index.label(b)));
    if (tasks.length === 0) return [];
    const id = suggestionId(
      RULE,
      tasks.map((task) => task.taskId),
    );
    const reasons: Reason[] = [];
    const operations: DraftOperation[] = [];
    for (const task of tasks) {
      const label = input.index.label(task);
      const day = wentWipOn(input, task);
      if (!day) {
        reasons.push({
          text: t('reasonStartUnknownDay', { task: label, status: input.index.statusName(task) }),
          evidence: { taskIds: [task.taskId] },
        });
        continue;
      }
      reasons.push({
        text: t('reasonStartWentWip', { task: label, date: day }),
        evidence: { taskIds: [task.taskId], dates: [day] },
      });
      const change = recentHumanChange(input, task.taskId, ['dates']);
      if (change) {
        reasons.push({ text: leftOutText(input, task, change), evidence: { taskIds: [task.taskId] } });
        continue;
      }
      operations.push({
        kind: 'set-dates',
        taskId: task.taskId,
        taskLabel: label,
        start: { before: null, after: day },
        preconditions: { startDate: null },
      });
    }
    const plan = rulePlan(input, RULE, id, t('reasonStartPlan', { count: operations.length }), operations);
    return [
      {
        id,
        ruleId: RULE,
        severity: 'info',
        title: t('reasonStartTitle', { count: tasks.length }),
        reasons,
        ...(plan ? { plan } : {}),
      },
    ];
  },
});
