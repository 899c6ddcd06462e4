// 2. Review backlog: tasks in a feedback-request status for more than N days, grouped by the
// department of their task type (its supervisors review them), oldest first. Information only: the
// ordered list is ready to become a review playlist.

import { t } from '../../i18n/pure';
import { dayOf, daysBetween } from '../../shared/dates';
import { defineRule } from '../define-rule';
import { suggestionId } from '../helpers';
import { type AgentTask, dayCount, type Reason, type RuleSuggestion } from '../types';

const RULE = 'review-backlog' as const;

export const reviewBacklogRule = defineRule({
  id: RULE,
  name: t('ruleBacklogName'),
  description: t('ruleBacklogDescription'),
  pageKinds: ['entity-list', 'entity', 'task-type', 'production-page', 'my-checks'],
  needsRole: null,
  settings: { waitingDays: dayCount(3), criticalAfterDays: dayCount(7) },
  fields: [
    {
      kind: 'number',
      key: 'waitingDays',
      label: t('ruleBacklogWaiting'),
      hint: t('ruleBacklogWaitingHint'),
    },
    {
      kind: 'number',
      key: 'criticalAfterDays',
      label: t('ruleBacklogCritical'),
      hint: t('ruleBacklogCriticalHint'),
    },
  ],
  run(input, { waitingDays, criticalAfterDays }) {
    const groups = new Map<string, { task: AgentTask; since: string; waiting: number }[]>();
    for (const task of input.scope) {
      if (!input.index.isFeedback(task) || !input.index.isOpen(task)) continue;
      // end_date is the day the task went to review; the last comment is the fallback.
      const sinceValue = task.endDate ?? task.lastCommentDate;
      if (!sinceValue) continue;
      const since = dayOf(sinceValue);
      const waiting = daysBetween(since, input.today);
      if (waiting <= waitingDays) continue;
      const department = input.index.taskTypes.get(task.taskTypeId)?.department_id ?? '';
      const group = groups.get(department);
      if (group) group.push({ task, since, waiting });
      else groups.set(department, [{ task, since, waiting }]);
    }
    const suggestions: RuleSuggestion[] = [];
    for (const [department, rows] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      rows.sort((a, b) => b.waiting - a.waiting || input.index.label(a.task).localeCompare(input.index.label(b.task)));
      const departmentName =
        input.index.departments.get(department)?.name ??
        (department ? t('reasonBacklogSomeDepartment') : t('reasonBacklogNoDepartment'));
      const supervisors = input.snapshot.persons.filter(
        (person) => person.role === 'supervisor' && department !== '' && person.departments.includes(department),
      );
      const oldest = rows[0]?.waiting ?? 0;
      const taskIds = rows.map(({ task }) => task.taskId);
      const reasons: Reason[] = rows.map(({ task, since, waiting }) => ({
        text: t(task.assigneeIds.length ? 'reasonBacklogTaskBy' : 'reasonBacklogTask', {
          task: input.index.label(task),
          status: input.index.statusName(task),
          date: since,
          days: t('reasonDays', { count: waiting }),
          people: task.assigneeIds.map(input.index.personName).join(', '),
        }),
        evidence: {
          taskIds: [task.taskId],
          personIds: [...task.assigneeIds],
          dates: [since],
          numbers: { daysWaiting: waiting },
        },
      }));
      if (supervisors.length > 0) {
        reasons.push({
          text: t('reasonBacklogReviewers', {
            department: departmentName,
            people: supervisors.map((person) => person.full_name).join(', '),
          }),
          evidence: { personIds: supervisors.map((person) => person.id) },
        });
      }
      reasons.push({
        text: t('reasonBacklogPlaylist', { tasks: rows.map(({ task }) => input.index.label(task)).join('; ') }),
        evidence: { taskIds },
      });
      suggestions.push({
        id: suggestionId(RULE, department ? [department, ...taskIds] : taskIds),
        ruleId: RULE,
        severity: oldest >= criticalAfterDays ? 'critical' : 'warning',
        title: t('reasonBacklogTitle', {
          department: departmentName,
          count: rows.length,
          days: t('reasonDays', { count: waitingDays }),
          oldest,
        }),
        reasons,
      });
    }
    return suggestions;
  },
});
