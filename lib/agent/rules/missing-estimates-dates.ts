// 7. Missing estimates or dates: open tasks of the scope without an estimate, a start or a due date,
// one suggestion per task type and entity type. Plan: fill from similar tasks of the production (same
// task type and entity type): the median estimate; a missing due date = start + the median start→due
// span, a missing start = due − that span. A median needs `minSimilar` samples; a task with neither
// date gets none (no anchor). The preview lets the user edit the values.

import { t } from '../../i18n/pure';
import { addDays, dayOf, daysBetween } from '../../shared/dates';
import { defineRule } from '../define-rule';
import {
  type DraftOperation,
  formatWork,
  leftOutText,
  median,
  recentHumanChange,
  rulePlan,
  suggestionId,
  tasksOfKind,
} from '../helpers';
import { type AgentTask, type Reason, type RuleInput, type RuleSuggestion, wholeNumber } from '../types';

const RULE = 'missing-estimates-dates' as const;

/** The estimate and the missing date of each task from the medians, but not where a person decided recently. */
function fillFromMedians(
  input: RuleInput,
  tasks: readonly AgentTask[],
  { medianEstimate, medianSpan }: { medianEstimate: number | undefined; medianSpan: number | undefined },
  reasons: Reason[],
): DraftOperation[] {
  const operations: DraftOperation[] = [];
  for (const task of tasks) {
    const label = input.index.label(task);
    const estimateChange = recentHumanChange(input, task.taskId, ['estimation']);
    if (task.estimation === null && medianEstimate !== undefined) {
      if (estimateChange)
        reasons.push({ text: leftOutText(input, task, estimateChange), evidence: { taskIds: [task.taskId] } });
      else {
        operations.push({
          kind: 'set-estimate',
          taskId: task.taskId,
          taskLabel: label,
          before: null,
          after: medianEstimate,
          preconditions: { estimation: null },
        });
      }
    }
    if (medianSpan === undefined || (task.startDate === null) === (task.dueDate === null)) {
      if (task.startDate === null && task.dueDate === null && medianSpan !== undefined) {
        reasons.push({
          text: t('reasonMissingNoAnchor', { task: label }),
          evidence: { taskIds: [task.taskId] },
        });
      }
      continue;
    }
    const datesChange = recentHumanChange(input, task.taskId, ['dates']);
    if (datesChange) {
      reasons.push({ text: leftOutText(input, task, datesChange), evidence: { taskIds: [task.taskId] } });
      continue;
    }
    operations.push(
      task.startDate === null
        ? {
            kind: 'set-dates',
            taskId: task.taskId,
            taskLabel: label,
            start: { before: null, after: addDays(dayOf(task.dueDate as string), -medianSpan) },
            preconditions: { startDate: null, dueDate: task.dueDate },
          }
        : {
            kind: 'set-dates',
            taskId: task.taskId,
            taskLabel: label,
            due: { before: null, after: addDays(dayOf(task.startDate), medianSpan) },
            preconditions: { startDate: task.startDate, dueDate: null },
          },
    );
  }
  return operations;
}

export const missingEstimatesDatesRule = defineRule({
  id: RULE,
  name: t('ruleMissingName'),
  description: t('ruleMissingDescription'),
  pageKinds: ['entity-list', 'entity', 'task-type', 'production-page'],
  needsRole: 'supervisor',
  settings: { minSimilar: wholeNumber(1, 1000).default(3) },
  fields: [
    {
      kind: 'number',
      key: 'minSimilar',
      label: t('ruleMissingMinSimilar'),
      hint: t('ruleMissingMinSimilarHint'),
    },
  ],
  run(input, { minSimilar }) {
    const perDay = input.settings.minutesPerDay;
    const groups = new Map<string, AgentTask[]>();
    for (const task of input.scope) {
      if (!input.index.isOpen(task)) continue;
      if (task.estimation !== null && task.startDate !== null && task.dueDate !== null) continue;
      const key = `${task.taskTypeId}|${task.entityType}`;
      const group = groups.get(key);
      if (group) group.push(task);
      else groups.set(key, [task]);
    }
    const suggestions: RuleSuggestion[] = [];
    for (const [key, tasks] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const [taskTypeId, entityType] = key.split('|') as [string, string];
      tasks.sort((a, b) => input.index.label(a).localeCompare(input.index.label(b)));
      const typeName = input.index.taskTypes.get(taskTypeId)?.name ?? 'task';
      const similar = tasksOfKind(input, taskTypeId, entityType);
      const estimates = similar.flatMap((task) =>
        task.estimation !== null && task.estimation > 0 ? [task.estimation] : [],
      );
      const spans = similar.flatMap((task) =>
        task.startDate && task.dueDate && daysBetween(task.startDate, task.dueDate) >= 0
          ? [daysBetween(task.startDate, task.dueDate)]
          : [],
      );
      const medianEstimate = estimates.length >= minSimilar ? Math.round(median(estimates) as number) : undefined;
      const medianSpan = spans.length >= minSimilar ? Math.round(median(spans) as number) : undefined;
      const id = suggestionId(RULE, [key, ...tasks.map((task) => task.taskId)]);
      const missing = (pick: (task: AgentTask) => unknown) => tasks.filter((task) => pick(task) === null);
      const noEstimate = missing((task) => task.estimation);
      const noStart = missing((task) => task.startDate);
      const noDue = missing((task) => task.dueDate);
      const reasons: Reason[] = [];
      const listed = (
        rows: AgentTask[],
        message: 'reasonMissingEstimate' | 'reasonMissingStart' | 'reasonMissingDue',
      ) => {
        if (rows.length > 0) {
          reasons.push({
            text: t(message, { count: rows.length, entities: rows.map((task) => task.entityName).join(', ') }),
            evidence: { taskIds: rows.map((task) => task.taskId) },
          });
        }
      };
      listed(noEstimate, 'reasonMissingEstimate');
      listed(noStart, 'reasonMissingStart');
      listed(noDue, 'reasonMissingDue');
      const kind = { type: typeName, entity: entityType };
      reasons.push({
        text:
          medianEstimate !== undefined
            ? t('reasonMissingMedianEstimate', {
                ...kind,
                count: estimates.length,
                work: formatWork(medianEstimate, perDay),
              })
            : t('reasonMissingFewEstimates', { ...kind, count: estimates.length, needed: minSimilar }),
        evidence: {
          numbers: {
            samples: estimates.length,
            ...(medianEstimate !== undefined ? { medianMinutes: medianEstimate } : {}),
          },
        },
      });
      if (noStart.length + noDue.length > 0) {
        reasons.push({
          text:
            medianSpan !== undefined
              ? t('reasonMissingMedianSpan', { count: spans.length, days: t('reasonDays', { count: medianSpan }) })
              : t('reasonMissingFewSpans', { count: spans.length, needed: minSimilar }),
          evidence: {
            numbers: { samples: spans.length, ...(medianSpan !== undefined ? { medianDays: medianSpan } : {}) },
          },
        });
      }
      const operations = fillFromMedians(input, tasks, { medianEstimate, medianSpan }, reasons);
      const plan = rulePlan(input, RULE, id, t('reasonMissingPlan', kind), operations);
      suggestions.push({
        id,
        ruleId: RULE,
        severity: 'info',
        title: t('reasonMissingTitle', { ...kind, count: tasks.length }),
        reasons,
        ...(plan ? { plan } : {}),
      });
    }
    return suggestions;
  },
});
