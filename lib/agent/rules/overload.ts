// 5. Overload: people whose open estimated work due by some date exceeds their working time until
// that date (working days from today to the due date, both included, × minutes per day; a past due
// date counts as today). The worst date is reported. Plan: move not-yet-started tasks due by that date,
// latest due first, until the excess is covered, each to the member of the task's department with the
// least open work who still has room for it. The user picks which moves to keep in the preview.

import { t } from '../../i18n/pure';
import { dayOf, workdaysBetween, workdaysOffBetween } from '../../shared/dates';
import { defineRule } from '../define-rule';
import {
  type DraftOperation,
  departmentMembers,
  formatWork,
  isWorking,
  leftOutText,
  openTasksOf,
  recentHumanChange,
  remainingMinutes,
  rulePlan,
  suggestionId,
  workloadOf,
} from '../helpers';
import type { AgentTask, Reason, RuleInput, RuleSuggestion } from '../types';

const RULE = 'overload' as const;

export interface Breach {
  /** The due date at which the work exceeds the time most. */
  due: string;
  workMinutes: number;
  capacityMinutes: number;
  excessMinutes: number;
  /** Working days until the due date, the person's days off in Kitsu taken out. */
  workdays: number;
  daysOff: number;
}

interface DueWork {
  /** Due day; a past one counts as today. */
  due: string;
  minutes: number;
}

/** The estimated work still to do of the tasks with a due date (a past due date counts as today). */
function dueWorkOf(input: RuleInput, tasks: readonly AgentTask[]): DueWork[] {
  return tasks
    .filter((task) => task.dueDate !== null && remainingMinutes(task) > 0)
    .map((task) => {
      const due = dayOf(task.dueDate as string);
      // A past due date counts as today (strings: Math.max does not apply).
      return { due: due.localeCompare(input.today) < 0 ? input.today : due, minutes: remainingMinutes(task) };
    });
}

/** The person's working days from today to `due`, both included, and how many days off Kitsu took out of them. */
function workdaysUntil(input: RuleInput, personId: string, due: string): { workdays: number; daysOff: number } {
  const { workdays } = input.settings;
  const periods = input.snapshot.dayOffs[personId] ?? [];
  const daysOff = periods.length ? workdaysOffBetween(input.today, due, workdays, periods) : 0;
  return { workdays: workdaysBetween(input.today, due, workdays) - daysOff, daysOff };
}

const capacityUntil = (input: RuleInput, personId: string, due: string) =>
  workdaysUntil(input, personId, due).workdays * input.settings.minutesPerDay;

/** The worst date at which the open work due by then exceeds the working time until then, if any. */
export function worstBreach(input: RuleInput, personId: string, tasks: readonly AgentTask[]): Breach | undefined {
  const rows = dueWorkOf(input, tasks).sort((a, b) => a.due.localeCompare(b.due));
  let work = 0;
  let worst: Breach | undefined;
  rows.forEach((row, position) => {
    work += row.minutes;
    if (rows[position + 1]?.due === row.due) return;
    const { workdays, daysOff } = workdaysUntil(input, personId, row.due);
    const capacity = workdays * input.settings.minutesPerDay;
    const excess = work - capacity;
    if (excess > 0 && (!worst || excess > worst.excessMinutes)) {
      worst = { due: row.due, workMinutes: work, capacityMinutes: capacity, excessMinutes: excess, workdays, daysOff };
    }
  });
  return worst;
}

/**
 * A person's open work by due day, to answer "does this task still fit?" for every movable task
 * without rebuilding the person's whole schedule each time: the work due by each of their due days,
 * its excess over the working time until then, and range maxima of that excess (a sparse table).
 */
interface WorkProfile {
  /** Distinct due days, ascending (YYYY-MM-DD strings order as the days do). */
  days: string[];
  /** Work due by each day (cumulative). */
  work: number[];
  /** maxima[level][i] = the greatest excess of days i … i + 2^level − 1. */
  maxima: number[][];
  /** 0 when the minutes are whole (their sums are exact), else how far rounding may move a total. */
  tolerance: number;
}

/** 0 when whole minutes add up exactly to `total`, else a bound (generous) of what summing in another order moves. */
function roundingTolerance(rows: readonly DueWork[], total: number): number {
  return rows.every((row) => Number.isInteger(row.minutes)) && Number.isSafeInteger(total)
    ? 0
    : 1e-9 * Math.max(1, total);
}

function workProfile(input: RuleInput, personId: string, tasks: readonly AgentTask[]): WorkProfile {
  const rows = dueWorkOf(input, tasks).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const days: string[] = [];
  const work: number[] = [];
  const excess: number[] = [];
  let sum = 0;
  rows.forEach((row, position) => {
    sum += row.minutes;
    if (rows[position + 1]?.due === row.due) return;
    days.push(row.due);
    work.push(sum);
    excess.push(sum - capacityUntil(input, personId, row.due));
  });
  const maxima = [excess];
  for (let width = 2; width <= excess.length; width *= 2) {
    const below = maxima[maxima.length - 1] as number[];
    maxima.push(
      excess
        .slice(0, excess.length - width + 1)
        .map((_, start) => Math.max(below[start] as number, below[start + width / 2] as number)),
    );
  }
  return { days, work, maxima, tolerance: roundingTolerance(rows, sum) };
}

/** Greatest excess of the profile's days from `from` (included) to `to` (excluded), `from` < `to`. */
function greatestExcess(profile: WorkProfile, from: number, to: number): number {
  const level = 31 - Math.clz32(to - from);
  const row = profile.maxima[level] as number[];
  return Math.max(row[from] as number, row[to - (1 << level)] as number);
}

/** How many of the profile's days come before `day` (or up to it, with `orEqual`). */
function daysBefore(profile: WorkProfile, day: string, orEqual: boolean): number {
  let low = 0;
  let high = profile.days.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const current = profile.days[middle] as string;
    if (current < day || (orEqual && current === day)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Adds a row to work sorted by due day, after those of the same day. */
function insertByDay(work: DueWork[], row: DueWork) {
  const at = work.findIndex((other) => other.due > row.due);
  work.splice(at < 0 ? work.length : at, 0, row);
}

/**
 * Whether a person's own work plus what this run proposed them (sorted by due day) plus a task's leaves
 * no day where the work due by then exceeds the working time until then, i.e. `worstBreach` of the
 * whole list is undefined. Adding work only raises the work due by each day from its own due day on,
 * so only the added days and the profile's days after them need a look, through the range maxima.
 * Whole minutes add up the same in any order; fractional ones may not, so a total within rounding of
 * the limit answers 'unsure' and the caller asks `worstBreach` itself.
 */
function fitsProfile(
  input: RuleInput,
  personId: string,
  profile: WorkProfile,
  proposedWork: readonly DueWork[],
  taskWork: readonly DueWork[],
): boolean | 'unsure' {
  const days = profile.days.length;
  const ownWork = days > 0 ? (profile.work[days - 1] as number) : 0;
  let unsure = false;
  // An excess of exactly 0 fits, as in worstBreach.
  const over = (excess: number, tolerance: number) => {
    if (tolerance > 0 && Math.abs(excess) <= tolerance) {
      unsure = true;
      return false;
    }
    return excess > 0;
  };
  if (days > 0 && over(greatestExcess(profile, 0, days), profile.tolerance)) return false;
  const added = [...proposedWork];
  for (const row of taskWork) insertByDay(added, row);
  const addedTotal = added.reduce((sum, row) => sum + row.minutes, 0);
  const tolerance = Math.max(profile.tolerance, roundingTolerance(added, ownWork + addedTotal));
  let addedWork = 0;
  for (let position = 0; position < added.length; ) {
    const day = (added[position] as DueWork).due;
    while (added[position]?.due === day) addedWork += (added[position++] as DueWork).minutes;
    const upTo = daysBefore(profile, day, true);
    const work = (upTo > 0 ? (profile.work[upTo - 1] as number) : 0) + addedWork;
    if (over(work - capacityUntil(input, personId, day), tolerance)) return false;
    const next = added[position]?.due;
    const until = next === undefined ? days : daysBefore(profile, next, false);
    if (upTo < until && over(greatestExcess(profile, upTo, until) + addedWork, tolerance)) return false;
  }
  return unsure ? 'unsure' : true;
}

/** What this run proposed to each person so far, so that one person is not offered everyone's excess. */
function proposalBook(input: RuleInput) {
  /** Tasks proposed to each person by earlier suggestions of this run. */
  const proposed = new Map<string, AgentTask[]>();
  /** The same tasks as due work sorted by day (for the fit test), and their minutes summed in proposal order. */
  const proposedWork = new Map<string, DueWork[]>();
  const proposedMinutes = new Map<string, number>();
  const profiles = new Map<string, WorkProfile>();
  /** Whether the person's open work, what this run proposed them and `task` leave no breach. */
  const hasRoomFor = (personId: string, task: AgentTask) => {
    let profile = profiles.get(personId);
    if (!profile) {
      profile = workProfile(input, personId, openTasksOf(input, personId));
      profiles.set(personId, profile);
    }
    const fits = fitsProfile(input, personId, profile, proposedWork.get(personId) ?? [], dueWorkOf(input, [task]));
    if (fits !== 'unsure') return fits;
    return !worstBreach(input, personId, [...openTasksOf(input, personId), ...(proposed.get(personId) ?? []), task]);
  };
  return {
    hasRoomFor,
    minutesProposed: (personId: string) => proposedMinutes.get(personId) ?? 0,
    record(targetId: string, task: AgentTask) {
      const alreadyProposed = proposed.get(targetId);
      if (alreadyProposed) alreadyProposed.push(task);
      else proposed.set(targetId, [task]);
      const work = proposedWork.get(targetId) ?? [];
      for (const row of dueWorkOf(input, [task])) insertByDay(work, row);
      proposedWork.set(targetId, work);
      proposedMinutes.set(targetId, (proposedMinutes.get(targetId) ?? 0) + remainingMinutes(task));
    },
  };
}

/** Moves of the person's movable tasks to people with room, until the excess is covered. */
function movesFor(
  input: RuleInput,
  personId: string,
  movable: readonly AgentTask[],
  excessMinutes: number,
  book: ReturnType<typeof proposalBook>,
  reasons: Reason[],
): DraftOperation[] {
  const perDay = input.settings.minutesPerDay;
  const operations: DraftOperation[] = [];
  let moved = 0;
  for (const task of movable) {
    if (moved >= excessMinutes) break;
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
        const minutes = workloadOf(input, person.id).minutes + book.minutesProposed(person.id);
        return { person, minutes, fits: book.hasRoomFor(person.id, task) };
      })
      .filter((candidate) => candidate.fits)
      .sort((a, b) => a.minutes - b.minutes || a.person.full_name.localeCompare(b.person.full_name));
    const target = candidates[0];
    if (!target) {
      reasons.push({
        text: t('reasonOverloadNoRoom', { task: input.index.label(task), date: dayOf(task.dueDate as string) }),
        evidence: { taskIds: [task.taskId] },
      });
      continue;
    }
    reasons.push({
      text: t('reasonOverloadMove', {
        task: input.index.label(task),
        work: formatWork(remainingMinutes(task), perDay),
        date: dayOf(task.dueDate as string),
        person: target.person.full_name,
        load: formatWork(target.minutes, perDay),
      }),
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
    book.record(target.person.id, task);
    moved += remainingMinutes(task);
  }
  return operations;
}

export const overloadRule = defineRule({
  id: RULE,
  name: t('ruleOverloadName'),
  description: t('ruleOverloadDescription'),
  pageKinds: ['entity-list', 'task-type', 'production-page', 'team-schedule', 'person'],
  needsRole: 'supervisor',
  settings: {},
  fields: [],
  run(input) {
    const perDay = input.settings.minutesPerDay;
    const people = new Set<string>();
    if (input.context.kind === 'person') people.add(input.context.personId);
    for (const task of input.scope)
      if (input.index.isOpen(task)) for (const person of task.assigneeIds) people.add(person);
    const book = proposalBook(input);
    const suggestions: RuleSuggestion[] = [];
    for (const personId of [...people].sort()) {
      // Inactive people and bots do no work: their tasks are no load on anyone (unassigned covers them).
      if (!isWorking(input, personId)) continue;
      const own = openTasksOf(input, personId);
      const breach = worstBreach(input, personId, own);
      if (!breach) continue;
      const name = input.index.personName(personId);
      const id = suggestionId(RULE, [personId]);
      const due = own.filter((task) => task.dueDate !== null && dayOf(task.dueDate) <= breach.due);
      const reasons: Reason[] = [
        {
          text: t('reasonOverloadBreach', {
            person: name,
            work: formatWork(breach.workMinutes, perDay),
            date: breach.due,
            capacity: formatWork(breach.capacityMinutes, perDay),
            count: breach.workdays,
            off: breach.daysOff ? t('reasonOverloadDaysOff', { count: breach.daysOff }) : '',
            excess: formatWork(breach.excessMinutes, perDay),
          }),
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
      const operations = movesFor(input, personId, movable, breach.excessMinutes, book, reasons);
      if (movable.length === 0) {
        reasons.push({
          text: t('reasonOverloadAllStarted'),
          evidence: {},
        });
      }
      const plan = rulePlan(input, RULE, id, t('reasonOverloadPlan', { person: name }), operations);
      suggestions.push({
        id,
        ruleId: RULE,
        severity: breach.excessMinutes >= breach.capacityMinutes ? 'critical' : 'warning',
        title: t('reasonOverloadTitle', {
          person: name,
          excess: formatWork(breach.excessMinutes, perDay),
          date: breach.due,
        }),
        reasons,
        ...(plan ? { plan } : {}),
      });
    }
    return suggestions;
  },
});
