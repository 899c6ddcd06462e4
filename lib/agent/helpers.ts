// Shared pieces of the rules: stable ids, plan building, workloads and the guard that keeps plans off
// what people decided recently.

import { selectionLabels } from '../bulk/labels';
import { interfaceLanguage, t } from '../i18n/pure';
import type { Operation, Plan } from '../plans/model';
import { dayOf, daysBetween, millisecondsOf } from '../shared/dates';
import { fnv1a } from '../shared/hash';
import type { TaskLabel } from '../workflow/labels';
import { assigneeCandidates, isWorkingPerson } from '../workflow/people';
import { isOpenRole, statusRoles } from '../workflow/status-roles';
import type {
  AgentPerson,
  AgentSnapshot,
  AgentTask,
  HumanChange,
  HumanChangeField,
  Reason,
  RuleId,
  RuleInput,
  SnapshotIndex,
} from './types';

/** "overdue:1a2b3c4d5e6f7a8b": the rule id and a hash of its sorted, de-duplicated evidence ids. */
export function suggestionId(ruleId: RuleId, evidenceIds: readonly string[]): string {
  const key = [...new Set(evidenceIds)].sort().join('|');
  return `${ruleId}:${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x9e3779b9)}`;
}

export type DraftOperation = Operation extends infer O ? (O extends Operation ? Omit<O, 'id'> : never) : never;

/**
 * Plans rulePlan built. Their fields come from the parsed snapshot and input, their operations from typed
 * drafts; PlanSchema checks them where they cross a boundary (proposed, stored, executed), so the engine
 * does not check each again: at 75,000 tasks that was a fifth of the rules' time.
 */
const plansBuiltByRules = new WeakSet<Plan>();

export const isRulePlan = (plan: unknown): plan is Plan =>
  typeof plan === 'object' && plan !== null && plansBuiltByRules.has(plan as Plan);

/** A rule's plan: numbered operations; the id adds the time so a confirmed plan is never proposed again under its id. */
export function rulePlan(
  input: RuleInput,
  ruleId: RuleId,
  suggestion: string,
  title: string,
  operations: readonly DraftOperation[],
): Plan | undefined {
  if (operations.length === 0) return undefined;
  const plan: Plan = {
    id: `${suggestion}@${input.now.getTime().toString(36)}`,
    title,
    origin: { kind: 'rule', id: ruleId },
    createdAt: input.now.toISOString(),
    host: input.snapshot.host,
    projectId: input.snapshot.project.id,
    operations: operations.map((op, index) => ({ ...op, id: `op-${index + 1}` }) as Operation),
  };
  plansBuiltByRules.add(plan);
  return plan;
}

// The fallbacks of labels and names stay English: they also go into comments posted to Kitsu, which
// are not translated.
const UNNAMED: TaskLabel = { full: 'a task', text: 'a task', parts: ['a task'] };

export function buildIndex(snapshot: AgentSnapshot): SnapshotIndex {
  const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((row) => [row.id, row]));
  const tasks = new Map(snapshot.tasks.map((task) => [task.taskId, task]));
  const statuses = byId(snapshot.statuses);
  const taskTypes = byId(snapshot.taskTypes);
  const persons = byId(snapshot.persons);
  const departments = byId(snapshot.departments);
  const roles = statusRoles(snapshot.statuses, snapshot.statusRoleOverrides);
  const statusRole = (statusId: string) => roles.get(statusId)?.role ?? 'todo';
  const typeName = (taskTypeId: string) => taskTypes.get(taskTypeId)?.name ?? 'task';
  const taskTypeName = (task: AgentTask) => typeName(task.taskTypeId);
  // Labels are unique within the production, so within any list drawn from it; built on first use.
  let labels: ReadonlyMap<string, TaskLabel> | undefined;
  const taskLabel = (task: AgentTask): TaskLabel => {
    labels ??= selectionLabels(snapshot.tasks, typeName);
    // A task from outside the snapshot (an alternative plan's) is labelled alone.
    return labels.get(task.taskId) ?? selectionLabels([task], typeName).get(task.taskId) ?? UNNAMED;
  };
  return {
    tasks,
    statuses,
    taskTypes,
    persons,
    departments,
    statusName: (task) => statuses.get(task.statusId)?.name ?? t('reasonUnknownStatus'),
    taskTypeName,
    personName: (personId) => persons.get(personId)?.full_name ?? 'someone',
    label: (task) => taskLabel(task).full,
    taskLabel,
    statusRole,
    isOpen: (task) => isOpenRole(statusRole(task.statusId)),
    isWip: (task) => statusRole(task.statusId) === 'wip',
    isFeedback: (task) => statusRole(task.statusId) === 'review',
  };
}

// Lookups over the whole production, built on first use and shared by the rules of one run (the run's
// index identifies it): a rule asking "the open tasks of Ana" for each of thousands of tasks must not
// scan every task each time.
const runLookups = new WeakMap<SnapshotIndex, { snapshot: AgentSnapshot; values: Map<string, unknown> }>();

function perRun<T>(input: RuleInput, key: string, compute: () => T): T {
  let lookups = runLookups.get(input.index);
  if (lookups?.snapshot !== input.snapshot) {
    lookups = { snapshot: input.snapshot, values: new Map() };
    runLookups.set(input.index, lookups);
  }
  if (!lookups.values.has(key)) lookups.values.set(key, compute());
  return lookups.values.get(key) as T;
}

function groupTasks(tasks: readonly AgentTask[], keysOf: (task: AgentTask) => Iterable<string>) {
  const groups = new Map<string, AgentTask[]>();
  for (const task of tasks) {
    for (const key of keysOf(task)) {
      const group = groups.get(key);
      if (!group) groups.set(key, [task]);
      // A key listed twice for a task (a person assigned twice) still holds the task once.
      else if (group[group.length - 1] !== task) group.push(task);
    }
  }
  return groups;
}

const NO_TASKS: readonly AgentTask[] = [];

/** The open tasks of the production a person is assigned to, in snapshot order. */
export function openTasksOf(input: RuleInput, personId: string): readonly AgentTask[] {
  const byPerson = perRun(input, 'open tasks by person', () =>
    groupTasks(
      input.snapshot.tasks.filter((task) => input.index.isOpen(task)),
      (task) => task.assigneeIds,
    ),
  );
  return byPerson.get(personId) ?? NO_TASKS;
}

/** Every task of an entity (shot, asset) in the production, in snapshot order. */
export function tasksOfEntity(input: RuleInput, entityId: string): readonly AgentTask[] {
  const byEntity = perRun(input, 'tasks by entity', () => groupTasks(input.snapshot.tasks, (task) => [task.entityId]));
  return byEntity.get(entityId) ?? NO_TASKS;
}

/** Every task of the production with this task type and entity type, in snapshot order. */
export function tasksOfKind(input: RuleInput, taskTypeId: string, entityType: string): readonly AgentTask[] {
  const byKind = perRun(input, 'tasks by kind', () =>
    groupTasks(input.snapshot.tasks, (task) => [`${task.taskTypeId}|${task.entityType}`]),
  );
  return byKind.get(`${taskTypeId}|${entityType}`) ?? NO_TASKS;
}

/** The newest change a person made to these fields of the task within the recent-change window. */
export function recentHumanChange(
  input: RuleInput,
  taskId: string,
  fields: readonly HumanChangeField[],
): HumanChange | undefined {
  const window = input.settings.recentHumanChangeDays * 86_400_000;
  if (window === 0) return undefined;
  const recent = (input.snapshot.recentChanges[taskId] ?? []).filter(
    (change) =>
      fields.includes(change.field) &&
      // A change stamped in the future (clock skew) counts as recent: the safe side.
      input.now.getTime() - millisecondsOf(change.at) < window,
  );
  return recent.sort((a, b) => millisecondsOf(b.at) - millisecondsOf(a.at))[0];
}

const CHANGED_MESSAGES = {
  status: 'reasonChangedStatus',
  assignees: 'reasonChangedAssignees',
  dates: 'reasonChangedDates',
  estimation: 'reasonChangedEstimation',
  priority: 'reasonChangedPriority',
} as const satisfies Record<HumanChangeField, string>;

/** The reason text saying a task was left out of a plan because a person changed it recently. */
export function leftOutText(input: RuleInput, task: AgentTask, change: HumanChange): string {
  const ago = daysBetween(change.at, input.today);
  return t('reasonLeftOut', {
    task: input.index.label(task),
    what: t(change.inexact ? 'reasonChangedInexact' : CHANGED_MESSAGES[change.field]),
    person: change.personId ? input.index.personName(change.personId) : t('reasonSomeone'),
    when: ago <= 0 ? t('reasonToday') : ago === 1 ? t('reasonYesterday') : t('reasonDaysAgo', { count: ago }),
    date: dayOf(change.at),
    count: input.settings.recentHumanChangeDays,
  });
}

/** Estimated minutes still to do on an open task: estimate minus time logged, never below 0 (null estimate = 0). */
export function remainingMinutes(task: AgentTask): number {
  return task.estimation === null ? 0 : Math.max(task.estimation - (task.duration ?? 0), 0);
}

export interface Workload {
  personId: string;
  /** Remaining estimated minutes of open tasks. */
  minutes: number;
  openTasks: number;
  unestimated: number;
}

/** Open estimated work of a person over every task of the snapshot. */
export function workloadOf(input: RuleInput, personId: string): Workload {
  const load = perRun(input, `workload ${personId}`, () => {
    const sum: Workload = { personId, minutes: 0, openTasks: 0, unestimated: 0 };
    for (const task of openTasksOf(input, personId)) {
      sum.openTasks++;
      sum.minutes += remainingMinutes(task);
      if (task.estimation === null) sum.unestimated++;
    }
    return sum;
  });
  // A copy: callers count proposals into it.
  return { ...load };
}

/**
 * People who may take a task of this department: active, not bots, not clients or vendors, in the
 * department or in none (they work everywhere); anyone of them for a task type without department.
 */
export function departmentMembers(input: RuleInput, departmentId: string | null): readonly AgentPerson[] {
  return perRun(input, `members ${departmentId ?? 'none'}`, () =>
    assigneeCandidates(input.snapshot.persons, departmentId).filter(
      (person) => person.role !== 'client' && person.role !== 'vendor',
    ),
  );
}

/** Active people, not bots: only they carry a workload (a departed person's tasks weigh on nobody). */
export function isWorking(input: RuleInput, personId: string): boolean {
  const person = input.index.persons.get(personId);
  // Someone the snapshot does not know is counted: the safe side for an overload warning.
  return person === undefined || isWorkingPerson(person);
}

// Work amounts print without a thousands separator, as they always have ("1260 h"), with the
// language's decimal mark ("1,5 j" in French).
const workNumber = new Intl.NumberFormat(interfaceLanguage, { useGrouping: false, maximumFractionDigits: 1 });

/** "6 h", "1.5 d (12 h)" with the configured day length. */
export function formatWork(minutes: number, minutesPerDay: number): string {
  const hours = workNumber.format(Math.round((minutes / 60) * 10) / 10);
  if (minutes < minutesPerDay) return t('reasonWorkHours', { hours });
  return t('reasonWorkDays', { days: workNumber.format(Math.round((minutes / minutesPerDay) * 10) / 10), hours });
}

/** The reason that names who the task is assigned to; null when nobody is. */
export function assignedToReason(input: RuleInput, task: AgentTask): Reason | null {
  if (task.assigneeIds.length === 0) return null;
  return {
    text: t('reasonAssignedTo', { people: task.assigneeIds.map(input.index.personName).join(', ') }),
    evidence: { personIds: [...task.assigneeIds] },
  };
}

/**
 * "@Ana Lopez and @Ben Ito": zou turns "@Full Name" of a team member into a mention. Not translated:
 * it only goes into comments posted to Kitsu, which stay in the operator's language by design.
 */
export function mentionList(input: RuleInput, personIds: readonly string[]): string {
  const names = personIds.map((personId) => `@${input.index.personName(personId)}`);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Earliest due date first, tasks without a due date last, then by label: a deterministic order. */
export function byDueThenLabel(input: RuleInput) {
  return (a: AgentTask, b: AgentTask): number => {
    const due = (a.dueDate ? dayOf(a.dueDate) : '9999').localeCompare(b.dueDate ? dayOf(b.dueDate) : '9999');
    return due || input.index.label(a).localeCompare(input.index.label(b)) || a.taskId.localeCompare(b.taskId);
  };
}
