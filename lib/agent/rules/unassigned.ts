// 4. Unassigned: open tasks without an assignee in the visible scope, one suggestion per task type.
// Plan: assign each to the member of the task type's department with the least open estimated work
// (remaining estimate of their open tasks, over the whole production). Tasks are handed out in due-date
// order and each proposal counts in the next choice, so a batch is spread rather than piled on one person.
// Ties go to the fewer open tasks, then the name.
import { addDays, dayOf, plural } from '../dates';
import {
  byDueThenLabel,
  type DraftOperation,
  departmentMembers,
  formatWork,
  leftOutText,
  recentHumanChange,
  remainingMinutes,
  rulePlan,
  suggestionId,
  workloadOf,
} from '../helpers';
import type { AgentTask, Reason, Rule, RuleSuggestion } from '../types';

const RULE = 'unassigned' as const;

export const unassignedRule: Rule = {
  id: RULE,
  name: 'Unassigned',
  description: 'Open tasks without assignee; proposes the department member with the least open work.',
  pageKinds: ['entity-list', 'entity', 'task-type', 'production-page'],
  needsRole: 'supervisor',
  run(input) {
    const { urgentWithinDays } = input.settings.unassigned;
    const perDay = input.settings.minutesPerDay;
    const byType = new Map<string, AgentTask[]>();
    for (const task of input.scope) {
      if (task.assigneeIds.length > 0 || !input.index.isOpen(task)) continue;
      const group = byType.get(task.taskTypeId);
      if (group) group.push(task);
      else byType.set(task.taskTypeId, [task]);
    }
    const suggestions: RuleSuggestion[] = [];
    for (const [taskTypeId, tasks] of byType) {
      tasks.sort(byDueThenLabel(input));
      const taskType = input.index.taskTypes.get(taskTypeId);
      const typeName = taskType?.name ?? 'task';
      const departmentId = taskType?.department_id ?? null;
      const departmentName = departmentId
        ? (input.index.departments.get(departmentId)?.name ?? 'its department')
        : null;
      const loads = departmentMembers(input, departmentId).map((person) => ({
        person,
        ...workloadOf(input, person.id),
      }));
      const id = suggestionId(RULE, [taskTypeId, ...tasks.map((task) => task.taskId)]);
      const reasons: Reason[] = [
        {
          text: `${plural(tasks.length, `open ${typeName} task`)} without assignee: ${tasks
            .map((task) => `${task.entityName}${task.dueDate ? ` (due ${dayOf(task.dueDate)})` : ''}`)
            .join(', ')}.`,
          evidence: { taskIds: tasks.map((task) => task.taskId) },
        },
      ];
      const operations: DraftOperation[] = [];
      if (loads.length === 0) {
        reasons.push({
          text: departmentId
            ? `Nobody in ${departmentName} can take them: no proposal.`
            : `${typeName} has no department: no proposal.`,
          evidence: {},
        });
      } else {
        const sorted = [...loads].sort((a, b) => a.minutes - b.minutes || a.openTasks - b.openTasks);
        reasons.push({
          text: `Open estimated work in ${departmentName}: ${sorted
            .map(
              (load) =>
                `${load.person.full_name}: ${formatWork(load.minutes, perDay)}, ${plural(load.openTasks, 'open task')}${
                  load.unestimated ? ` (${load.unestimated} without estimate)` : ''
                }`,
            )
            .join('; ')}.`,
          evidence: {
            personIds: sorted.map((load) => load.person.id),
            numbers: Object.fromEntries(sorted.map((load) => [`minutes:${load.person.id}`, load.minutes])),
          },
        });
        for (const task of tasks) {
          const change = recentHumanChange(input, task.taskId, ['assignees']);
          if (change) {
            reasons.push({ text: leftOutText(input, task, change), evidence: { taskIds: [task.taskId] } });
            continue;
          }
          // The least loaded now (one pass, not a sort per task).
          const chosen = loads.reduce((best, load) =>
            (load.minutes - best.minutes ||
              load.openTasks - best.openTasks ||
              load.person.full_name.localeCompare(best.person.full_name) ||
              load.person.id.localeCompare(best.person.id)) < 0
              ? load
              : best,
          );
          reasons.push({
            text: `${input.index.label(task)}${task.estimation !== null ? ` (${formatWork(task.estimation, perDay)})` : ' (no estimate)'} → ${
              chosen.person.full_name
            }, who has the least open work: ${formatWork(chosen.minutes, perDay)}.`,
            evidence: {
              taskIds: [task.taskId],
              personIds: [chosen.person.id],
              numbers: { openMinutes: chosen.minutes, taskMinutes: remainingMinutes(task) },
            },
          });
          operations.push({
            kind: 'assign',
            taskId: task.taskId,
            taskLabel: input.index.label(task),
            personId: chosen.person.id,
            assigneesBefore: [],
            preconditions: { assigneeIds: [] },
          });
          chosen.minutes += remainingMinutes(task);
          chosen.openTasks += 1;
        }
      }
      const soon = addDays(input.today, urgentWithinDays);
      const urgent = tasks.some(
        (task) =>
          (task.dueDate !== null && dayOf(task.dueDate) <= soon) ||
          (task.startDate !== null && dayOf(task.startDate) <= input.today),
      );
      const plan = rulePlan(input, RULE, id, `Assign ${plural(operations.length, `${typeName} task`)}`, operations);
      suggestions.push({
        id,
        ruleId: RULE,
        severity: urgent ? 'warning' : 'info',
        title: `${plural(tasks.length, `unassigned ${typeName} task`)}`,
        reasons,
        ...(plan ? { plan } : {}),
      });
    }
    return suggestions;
  },
};
