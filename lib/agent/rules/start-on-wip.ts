// 8. Start on WIP: open tasks that went WIP (in a WIP status now, or with a real start date) but have
// no start date. Plan: set the start date to the day they went WIP (zou's real_start_date; else the
// first comment that set a WIP status, when the thread was read). One suggestion for the scope.
import { dayOf, plural } from '../dates';
import { type DraftOperation, leftOutText, recentHumanChange, rulePlan, suggestionId } from '../helpers';
import type { AgentTask, Reason, Rule, RuleInput } from '../types';

const RULE = 'start-on-wip' as const;

function wentWipOn(input: RuleInput, task: AgentTask): string | null {
  if (task.realStartDate) return dayOf(task.realStartDate);
  const first = (input.snapshot.comments[task.taskId] ?? [])
    .filter((comment) => input.index.statuses.get(comment.task_status_id)?.is_wip)
    .sort((a, b) => a.created_at.localeCompare(b.created_at))[0];
  return first ? dayOf(first.created_at) : null;
}

export const startOnWipRule: Rule = {
  id: RULE,
  name: 'Start on WIP',
  description: 'Tasks moved to WIP without a start date; proposes the day they went WIP.',
  pageKinds: ['entity-list', 'entity', 'task-type', 'task', 'production-page', 'my-tasks'],
  needsRole: 'supervisor',
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
          text: `${label} is ${input.index.statusName(task)} without a start date; the day it went WIP is unknown.`,
          evidence: { taskIds: [task.taskId] },
        });
        continue;
      }
      reasons.push({
        text: `${label} went WIP on ${day} and has no start date.`,
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
    const plan = rulePlan(
      input,
      RULE,
      id,
      `Set the start date of ${plural(operations.length, 'task')} to the day they went WIP`,
      operations,
    );
    return [
      {
        id,
        ruleId: RULE,
        severity: 'info',
        title: `${plural(tasks.length, 'task')} in progress without a start date`,
        reasons,
        ...(plan ? { plan } : {}),
      },
    ];
  },
};
