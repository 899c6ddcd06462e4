// The preview: readable lines per task, grouped, with counts so a UI can
// render large plans collapsed ("SH010 / Animation — 3 changes").

import { PRIORITY_NAMES } from '../i18n/priority-names';
import { t } from '../i18n/pure';
import type { Operation, OperationKind, Plan } from './model';

/** A priority level by the name Kitsu gives it; a level Kitsu does not define, by its number. */
export function priorityLabel(priority: number): string {
  const name = PRIORITY_NAMES[priority];
  return name ? t(name) : `Priority ${priority}`;
}

export interface DiffNames {
  statuses: readonly { id: string; name: string }[];
  persons: readonly { id: string; full_name: string }[];
  /** The studio's working day, for estimates (zou organisation.hours_by_day). */
  hoursPerDay?: number;
}

export type DiffField = 'status' | 'comment' | 'assignees' | 'start' | 'due' | 'estimate' | 'priority' | 'file';

export interface DiffLine {
  operationId: string;
  kind: OperationKind;
  field: DiffField;
  text: string;
  before?: string;
  after?: string;
  /** Assignee changes: who is assigned before and after, by name (for avatars). */
  people?: { before: string[]; after: string[] };
}

export interface TaskDiff {
  taskId: string;
  taskLabel: string;
  lines: DiffLine[];
  operationCount: number;
}

export interface PlanDiff {
  tasks: TaskDiff[];
  operationCount: number;
  countsByKind: Partial<Record<OperationKind, number>>;
}

/** Minutes as Kitsu shows estimates: days and hours of the studio's working day. */
export function formatEstimate(minutes: number | null, hoursPerDay = 8): string {
  if (minutes === null) return 'none';
  if (minutes < 60) return `${minutes} min`;
  const totalHours = minutes / 60;
  const days = Math.floor(totalHours / hoursPerDay);
  const hours = Math.round((totalHours - days * hoursPerDay) * 10) / 10;
  return [days > 0 && `${days} d`, hours > 0 && `${hours} h`].filter(Boolean).join(' ');
}

/** Bytes as people read them: "820 KB", "14.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value >= 100 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`;
}

const joinPeople = (names: readonly string[]) => (names.length === 0 ? 'nobody' : names.join(', '));

export function formatDay(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : 'none';
}

export function diffPlan(plan: Plan, names: DiffNames): PlanDiff {
  const byTask = new Map<string, TaskDiff>();
  const countsByKind: PlanDiff['countsByKind'] = {};
  for (const op of plan.operations) {
    const entry = byTask.get(op.taskId) ?? { taskId: op.taskId, taskLabel: op.taskLabel, lines: [], operationCount: 0 };
    entry.lines.push(...diffLines(op, names));
    entry.operationCount += 1;
    byTask.set(op.taskId, entry);
    countsByKind[op.kind] = (countsByKind[op.kind] ?? 0) + 1;
  }
  return { tasks: [...byTask.values()], operationCount: plan.operations.length, countsByKind };
}

/** The lines of one operation: `line` says something, `change` shows a value before → after. */
function linesOf(op: Operation) {
  const line = (field: DiffField, text: string, before?: string, after?: string): DiffLine => ({
    operationId: op.id,
    kind: op.kind,
    field,
    text,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  });
  const change = (field: DiffField, label: string, before: string, after: string) =>
    line(field, `${label}: ${before} → ${after}`, before, after);
  const assignees = (text: string, before: string[], after: string[]): DiffLine => ({
    ...line('assignees', text, joinPeople(before), joinPeople(after)),
    people: { before, after },
  });
  return { line, change, assignees };
}

export function diffLines(op: Operation, names: DiffNames): DiffLine[] {
  const status = (id: string | undefined) => names.statuses.find((item) => item.id === id)?.name ?? id ?? 'unknown';
  const person = (id: string) => names.persons.find((item) => item.id === id)?.full_name ?? id;
  const people = (ids: readonly string[]) => ids.map(person);
  const { line, change, assignees } = linesOf(op);

  switch (op.kind) {
    case 'comment':
      return [
        ...(op.statusAfter ? [change('status', 'Status', status(op.statusBefore), status(op.statusAfter))] : []),
        line('comment', `Comment: ${op.text}`, undefined, op.text),
      ];
    case 'assign':
      return [
        assignees(
          `Assign ${person(op.personId)}`,
          people(op.assigneesBefore),
          people([...new Set([...op.assigneesBefore, op.personId])]),
        ),
      ];
    case 'unassign':
      return [
        assignees(
          `Unassign ${person(op.personId)}`,
          people(op.assigneesBefore),
          people(op.assigneesBefore.filter((id) => id !== op.personId)),
        ),
      ];
    case 'clear-assignation': {
      const before = people(op.assigneesBefore);
      return [assignees(`Assignees: ${joinPeople(before)} → nobody`, before, [])];
    }
    case 'set-dates':
      return [
        ...(op.start ? [change('start', 'Start date', formatDay(op.start.before), formatDay(op.start.after))] : []),
        ...(op.due ? [change('due', 'Due date', formatDay(op.due.before), formatDay(op.due.after))] : []),
      ];
    case 'set-estimate':
      return [
        change(
          'estimate',
          'Estimate',
          formatEstimate(op.before, names.hoursPerDay),
          formatEstimate(op.after, names.hoursPerDay),
        ),
      ];
    case 'set-priority':
      return [change('priority', 'Priority', priorityLabel(op.before), priorityLabel(op.after))];
    case 'publish-preview':
      return [
        ...(op.statusAfter ? [change('status', 'Status', status(op.statusBefore), status(op.statusAfter))] : []),
        line('comment', `Comment: ${op.text}`, undefined, op.text),
        line('file', `Preview: ${op.file.name} (${formatBytes(op.file.size)})`, undefined, op.file.name),
      ];
    case 'delete-comment':
      return [
        line('comment', `Delete Sidekick's comment: ${op.text}`, op.text, undefined),
        ...(op.statusBefore && op.restoreText
          ? [
              line(
                'status',
                `Status back to ${status(op.statusBefore)}: Kitsu recomputes it from the remaining comments; if it lands elsewhere, Sidekick posts “${op.restoreText}” to set it back`,
                undefined,
                status(op.statusBefore),
              ),
            ]
          : op.statusBefore
            ? [
                line(
                  'status',
                  `Status recomputed by Kitsu from the remaining comments (was ${status(op.statusBefore)})`,
                ),
              ]
            : []),
      ];
  }
}
