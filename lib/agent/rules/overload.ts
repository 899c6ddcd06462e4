// 5. Overload: people whose open estimated work due by some date exceeds their working time until
// that date (working days from today to the due date, both included, × minutes per day; a past due
// date counts as today). The worst date is reported. Plan: move not-yet-started tasks due by that date,
// latest due first, until the excess is covered, each to the member of the task's department with the
// least open work who still has room for it. The user picks which moves to keep in the preview.
import { dayOf, plural, workdaysBetween } from '../dates';
import {
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
import type { AgentTask, Reason, Rule, RuleInput, RuleSuggestion } from '../types';

const RULE = 'overload' as const;

export interface Breach {
  /** The due date at which the work exceeds the time most. */
  due: string;
  workMinutes: number;
  capacityMinutes: number;
  excessMinutes: number;
  workdays: number;
}

/** The worst date at which the open work due by then exceeds the working time until then, if any. */
export function worstBreach(input: RuleInput, tasks: readonly AgentTask[]): Breach | undefined {
  const rows = tasks
    .filter((task) => task.dueDate !== null && remainingMinutes(task) > 0)
    .map((task) => {
      const due = dayOf(task.dueDate as string);
      // A past due date counts as today (strings: Math.max does not apply).
      return { due: due.localeCompare(input.today) < 0 ? input.today : due, minutes: remainingMinutes(task) };
    })
    .sort((a, b) => a.due.localeCompare(b.due));
  let work = 0;
  let worst: Breach | undefined;
  rows.forEach((row, position) => {
    work += row.minutes;
    if (rows[position + 1]?.due === row.due) return;
    const workdays = workdaysBetween(input.today, row.due, input.settings.workdays);
    const capacity = workdays * input.settings.minutesPerDay;
    const excess = work - capacity;
    if (excess > 0 && (!worst || excess > worst.excessMinutes)) {
      worst = { due: row.due, workMinutes: work, capacityMinutes: capacity, excessMinutes: excess, workdays };
    }
  });
  return worst;
}

const openTasksOf = (input: RuleInput, personId: string) =>
  input.snapshot.tasks.filter((task) => task.assigneeIds.includes(personId) && input.index.isOpen(task));

export const overloadRule: Rule = {
  id: RULE,
  name: 'Overload',
  description: 'People whose open estimated work exceeds their working time before their due dates.',
  pageKinds: ['entity-list', 'task-type', 'production-page', 'team-schedule', 'person'],
  needsRole: 'supervisor',
  run(input) {
    const perDay = input.settings.minutesPerDay;
    const people = new Set<string>();
    if (input.context.kind === 'person') people.add(input.context.personId);
    for (const task of input.scope)
      if (input.index.isOpen(task)) for (const person of task.assigneeIds) people.add(person);
    /** Tasks proposed to each person by earlier suggestions of this run. */
    const proposed = new Map<string, AgentTask[]>();
    const suggestions: RuleSuggestion[] = [];
    for (const personId of [...people].sort()) {
      const own = openTasksOf(input, personId);
      const breach = worstBreach(input, own);
      if (!breach) continue;
      const name = input.index.personName(personId);
      const id = suggestionId(RULE, [personId]);
      const due = own.filter((task) => task.dueDate !== null && dayOf(task.dueDate) <= breach.due);
      const reasons: Reason[] = [
        {
          text: `${name} has ${formatWork(breach.workMinutes, perDay)} of open estimated work due by ${breach.due}, but ${formatWork(
            breach.capacityMinutes,
            perDay,
          )} of working time until then (${plural(breach.workdays, 'working day')}): ${formatWork(breach.excessMinutes, perDay)} too much.`,
          evidence: {
            personIds: [personId],
            taskIds: due.map((task) => task.taskId),
            dates: [breach.due],
            numbers: {
              workMinutes: breach.workMinutes,
              capacityMinutes: breach.capacityMinutes,
              excessMinutes: breach.excessMinutes,
            },
          },
        },
      ];
      const movable = due
        .filter((task) => !input.index.isWip(task) && !input.index.isFeedback(task) && task.realStartDate === null)
        .sort(
          (a, b) =>
            dayOf(b.dueDate as string).localeCompare(dayOf(a.dueDate as string)) ||
            remainingMinutes(b) - remainingMinutes(a) ||
            input.index.label(a).localeCompare(input.index.label(b)),
        );
      const operations: DraftOperation[] = [];
      let moved = 0;
      for (const task of movable) {
        if (moved >= breach.excessMinutes) break;
        if (remainingMinutes(task) === 0) continue;
        const change = recentHumanChange(input, task.taskId, ['assignees']);
        if (change) {
          reasons.push({ text: leftOutText(input, task, change), evidence: { taskIds: [task.taskId] } });
          continue;
        }
        const departmentId = input.index.taskTypes.get(task.taskTypeId)?.department_id ?? null;
        const candidates = departmentMembers(input, departmentId)
          .filter((person) => !task.assigneeIds.includes(person.id))
          .map((person) => {
            const extra = proposed.get(person.id) ?? [];
            const load = workloadOf(input, person.id);
            const minutes = load.minutes + extra.reduce((sum, added) => sum + remainingMinutes(added), 0);
            const fits = !worstBreach(input, [...openTasksOf(input, person.id), ...extra, task]);
            return { person, minutes, fits };
          })
          .filter((candidate) => candidate.fits)
          .sort((a, b) => a.minutes - b.minutes || a.person.full_name.localeCompare(b.person.full_name));
        const target = candidates[0];
        if (!target) {
          reasons.push({
            text: `${input.index.label(task)}: nobody in its department has room for it before ${dayOf(task.dueDate as string)}.`,
            evidence: { taskIds: [task.taskId] },
          });
          continue;
        }
        reasons.push({
          text: `Move ${input.index.label(task)} (${formatWork(remainingMinutes(task), perDay)}, due ${dayOf(
            task.dueDate as string,
          )}) to ${target.person.full_name}, who has ${formatWork(target.minutes, perDay)} of open work and room for it.`,
          evidence: {
            taskIds: [task.taskId],
            personIds: [target.person.id],
            numbers: { taskMinutes: remainingMinutes(task), targetOpenMinutes: target.minutes },
          },
        });
        const label = input.index.label(task);
        operations.push(
          {
            kind: 'unassign',
            taskId: task.taskId,
            taskLabel: label,
            personId,
            assigneesBefore: [...task.assigneeIds],
            preconditions: { assigneeIds: [...task.assigneeIds] },
          },
          {
            kind: 'assign',
            taskId: task.taskId,
            taskLabel: label,
            personId: target.person.id,
            assigneesBefore: task.assigneeIds.filter((assignee) => assignee !== personId),
            // The executor replaces this with what the unassign left (its overlay).
            preconditions: { assigneeIds: [...task.assigneeIds] },
          },
        );
        proposed.set(target.person.id, [...(proposed.get(target.person.id) ?? []), task]);
        moved += remainingMinutes(task);
      }
      if (movable.length === 0) {
        reasons.push({
          text: 'Every task due by then has started: nothing is proposed to move.',
          evidence: {},
        });
      }
      const plan = rulePlan(input, RULE, id, `Rebalance ${name}'s work`, operations);
      suggestions.push({
        id,
        ruleId: RULE,
        severity: breach.excessMinutes >= breach.capacityMinutes ? 'critical' : 'warning',
        title: `${name} is overloaded by ${formatWork(breach.excessMinutes, perDay)} before ${breach.due}`,
        reasons,
        ...(plan ? { plan } : {}),
      });
    }
    return suggestions;
  },
};
