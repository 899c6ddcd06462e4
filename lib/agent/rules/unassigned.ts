// 4. Unassigned: open tasks without an assignee in the visible scope, one suggestion per task type.
// Plan: assign each to the member of the task type's department with the least open estimated work
// (remaining estimate of their open tasks, over the whole production). Tasks are handed out in due-date
// order and each proposal counts in the next choice, so a batch is spread rather than piled on one person.
// Ties go to the fewer open tasks, then the name.

import { t } from '../../i18n/pure';
import { addDays, dayOf } from '../../shared/dates';
import { defineRule } from '../define-rule';
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
  type Workload,
  workloadOf,
} from '../helpers';
import { type AgentPerson, type AgentTask, dayCount, type Reason, type RuleInput, type RuleSuggestion } from '../types';

const RULE = 'unassigned' as const;

type Load = { person: AgentPerson } & Workload;

/** Hands each task to the least loaded person now, counting each proposal in the next choice. */
function assignLeastLoaded(input: RuleInput, tasks: readonly AgentTask[], loads: Load[], reasons: Reason[]) {
  const perDay = input.settings.minutesPerDay;
  const operations: DraftOperation[] = [];
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
      text: t('reasonUnassignedProposal', {
        task: input.index.label(task),
        estimate: task.estimation !== null ? formatWork(task.estimation, perDay) : t('reasonUnassignedNoEstimate'),
        person: chosen.person.full_name,
        load: formatWork(chosen.minutes, perDay),
      }),
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
  return operations;
}

export const unassignedRule = defineRule({
  id: RULE,
  name: t('ruleUnassignedName'),
  description: t('ruleUnassignedDescription'),
  pageKinds: ['entity-list', 'entity', 'task-type', 'production-page'],
  needsRole: 'supervisor',
  settings: { urgentWithinDays: dayCount(7) },
  fields: [
    {
      kind: 'number',
      key: 'urgentWithinDays',
      label: t('ruleUnassignedUrgent'),
      hint: t('ruleUnassignedUrgentHint'),
    },
  ],
  run(input, { urgentWithinDays }) {
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
      // A task type without department can be done by anyone of the team.
      const departmentName = departmentId
        ? (input.index.departments.get(departmentId)?.name ?? t('reasonUnassignedItsDepartment'))
        : t('reasonUnassignedWholeTeam', { type: typeName });
      const loads = departmentMembers(input, departmentId).map((person) => ({
        person,
        ...workloadOf(input, person.id),
      }));
      const id = suggestionId(RULE, [taskTypeId, ...tasks.map((task) => task.taskId)]);
      const reasons: Reason[] = [
        {
          text: t('reasonUnassignedTasks', {
            count: tasks.length,
            type: typeName,
            tasks: tasks
              .map((task) =>
                task.dueDate
                  ? t('reasonUnassignedDue', { entity: task.entityName, date: dayOf(task.dueDate) })
                  : task.entityName,
              )
              .join(', '),
          }),
          evidence: { taskIds: tasks.map((task) => task.taskId) },
        },
      ];
      const operations: DraftOperation[] = [];
      if (loads.length === 0) {
        reasons.push({
          text: t('reasonUnassignedNobody', { department: departmentName }),
          evidence: {},
        });
      } else {
        const sorted = [...loads].sort((a, b) => a.minutes - b.minutes || a.openTasks - b.openTasks);
        reasons.push({
          text: t('reasonUnassignedLoads', {
            department: departmentName,
            loads: sorted
              .map((load) =>
                t('reasonUnassignedLoad', {
                  person: load.person.full_name,
                  work: formatWork(load.minutes, perDay),
                  count: load.openTasks,
                  unestimated: load.unestimated ? t('reasonUnassignedUnestimated', { count: load.unestimated }) : '',
                }),
              )
              .join('; '),
          }),
          evidence: {
            personIds: sorted.map((load) => load.person.id),
            numbers: Object.fromEntries(sorted.map((load) => [`minutes:${load.person.id}`, load.minutes])),
          },
        });
        operations.push(...assignLeastLoaded(input, tasks, loads, reasons));
      }
      const soon = addDays(input.today, urgentWithinDays);
      const urgent = tasks.some(
        (task) =>
          (task.dueDate !== null && dayOf(task.dueDate) <= soon) ||
          (task.startDate !== null && dayOf(task.startDate) <= input.today),
      );
      const plan = rulePlan(
        input,
        RULE,
        id,
        t('reasonUnassignedPlan', { count: operations.length, type: typeName }),
        operations,
      );
      suggestions.push({
        id,
        ruleId: RULE,
        severity: urgent ? 'warning' : 'info',
        title: t('reasonUnassignedTitle', { count: tasks.length, type: typeName }),
        reasons,
        ...(plan ? { plan } : {}),
      });
    }
    return suggestions;
  },
});
