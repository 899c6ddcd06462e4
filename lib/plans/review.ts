// The confirm window's table, as data: one row per task with its changes per field, the filters a person
// can pick (change kind, status, person), the groups, and the plan's summary. Pure: the window renders it.
import { t } from '../i18n';
import type { PlanPreview } from '../messaging/protocol';

type PreviewTask = PlanPreview['tasks'][number];
export type ReviewCell = PreviewTask['lines'][number];

/** The fields a plan changes, in Kitsu's reading order, with their column names. */
const FIELDS = {
  status: 'fieldStatus',
  assignees: 'fieldAssignees',
  comment: 'fieldComment',
  start: 'fieldStart',
  due: 'fieldDue',
  estimate: 'fieldEstimate',
  priority: 'fieldPriority',
  file: 'fieldFile',
} as const;
const FIELD_ORDER: string[] = Object.keys(FIELDS);

export const fieldName = (field: string): string => (field in FIELDS ? t(FIELDS[field as keyof typeof FIELDS]) : field);

export interface ReviewRow {
  taskId: string;
  label: string;
  url: string | null;
  /** The task's status now, and the one the plan sets (null: unchanged). */
  status: string | null;
  statusAfter: string | null;
  /** Who is assigned once the plan ran (the assignees now when it does not change them). */
  assignees: string[];
  /** Everyone the row concerns: assignees before and after, people Kitsu notifies. */
  people: string[];
  fields: string[];
  cells: Record<string, ReviewCell[]>;
  blocked: string | null;
  notified: string[];
  hashtagCopies: string[];
  automations: string[];
}

const fieldRank = (field: string) => {
  const rank = FIELD_ORDER.indexOf(field);
  return rank === -1 ? FIELD_ORDER.length : rank;
};
const byFieldOrder = (a: string, b: string) => fieldRank(a) - fieldRank(b) || a.localeCompare(b);

export function reviewRow(task: PreviewTask): ReviewRow {
  const cells: Record<string, ReviewCell[]> = {};
  for (const line of task.lines) cells[line.field] = [...(cells[line.field] ?? []), line];
  const statusAfter = cells.status?.findLast((line) => line.after !== undefined)?.after ?? null;
  const assigneeChange = cells.assignees?.findLast((line) => line.people)?.people;
  const assignees = assigneeChange?.after ?? task.assignees ?? [];
  const people = new Set([
    ...(task.assignees ?? []),
    ...assignees,
    ...(assigneeChange?.before ?? []),
    ...task.notified,
  ]);
  return {
    taskId: task.taskId,
    label: task.taskLabel,
    url: task.url ?? null,
    status: task.status ?? null,
    statusAfter,
    assignees,
    people: [...people].sort((a, b) => a.localeCompare(b)),
    fields: Object.keys(cells).sort(byFieldOrder),
    cells,
    blocked: task.blocked,
    notified: task.notified,
    hashtagCopies: task.hashtagCopies,
    automations: task.automations,
  };
}

export const reviewRows = (preview: PlanPreview): ReviewRow[] => preview.tasks.map(reviewRow);

/** The table's columns: every field some task changes, in Kitsu's reading order. */
export function planColumns(rows: readonly ReviewRow[]): string[] {
  return [...new Set(rows.flatMap((row) => row.fields))].sort(byFieldOrder);
}

export interface ReviewFilter {
  kind: string | null;
  status: string | null;
  person: string | null;
}
export const NO_FILTER: ReviewFilter = { kind: null, status: null, person: null };

const statusesOf = (row: ReviewRow) => [row.status, row.statusAfter].filter((name): name is string => name !== null);

export function filterRows(rows: readonly ReviewRow[], filter: ReviewFilter): ReviewRow[] {
  return rows.filter(
    (row) =>
      (filter.kind === null || row.fields.includes(filter.kind)) &&
      (filter.status === null || statusesOf(row).includes(filter.status)) &&
      (filter.person === null || row.people.includes(filter.person)),
  );
}

export interface Choice {
  value: string;
  count: number;
}

function countChoices(values: Iterable<string[]>, order: (a: string, b: string) => number): Choice[] {
  const counts = new Map<string, number>();
  for (const list of values) for (const value of new Set(list)) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => order(a.value, b.value));
}

/** What each filter offers, with how many tasks each choice keeps. */
export function filterChoices(rows: readonly ReviewRow[]) {
  const byName = (a: string, b: string) => a.localeCompare(b);
  return {
    kinds: countChoices(
      rows.map((row) => row.fields),
      byFieldOrder,
    ),
    statuses: countChoices(rows.map(statusesOf), byName),
    people: countChoices(
      rows.map((row) => row.people),
      byName,
    ),
  };
}

export const GROUPINGS = ['none', 'kind', 'status', 'person'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface RowGroup {
  key: string;
  label: string;
  rows: ReviewRow[];
}

function groupKey(row: ReviewRow, by: Exclude<Grouping, 'none'>): string {
  if (by === 'kind') return row.fields.map(fieldName).join(' + ');
  const status = row.status ?? t('confirmUnknownStatus');
  if (by === 'status') return row.statusAfter ? `${status} → ${row.statusAfter}` : status;
  if (row.assignees.length === 0) return t('confirmUnassigned');
  return [...row.assignees].sort((a, b) => a.localeCompare(b)).join(', ');
}

/** Rows in groups, each task once, groups in the order their first task comes (the plan's order). */
export function groupRows(rows: readonly ReviewRow[], by: Grouping): RowGroup[] {
  if (by === 'none') return [{ key: '', label: '', rows: [...rows] }];
  const groups = new Map<string, RowGroup>();
  for (const row of rows) {
    const key = groupKey(row, by);
    const group = groups.get(key) ?? { key, label: key, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export interface PlanSummary {
  tasks: number;
  comments: number;
  statusChanges: number;
  peopleNotified: number;
  /** What Kitsu does on top of the writes: comments copied by hashtags, status automations. */
  sideEffects: number;
  skipped: number;
}

export function planSummary(preview: PlanPreview): PlanSummary {
  const lines = preview.tasks.flatMap((task) => task.lines);
  return {
    tasks: preview.tasks.length,
    comments: lines.filter((line) => line.field === 'comment').length,
    statusChanges: lines.filter((line) => line.field === 'status').length,
    peopleNotified: preview.notifiedPeople.length,
    sideEffects: preview.tasks.reduce((sum, task) => sum + task.hashtagCopies.length + task.automations.length, 0),
    skipped: preview.blockedCount,
  };
}

const RESULT_WEIGHT: Record<string, number> = { failed: 5, skipped: 4, started: 3, pending: 2, applied: 1 };

/** A task's result from its items: the one that needs the person's eye first (failed, then skipped...). */
export function resultsByTask(
  items: readonly { taskId?: string | undefined; state: string; reason: string | null }[],
): Map<string, { state: string; reason: string | null }> {
  const results = new Map<string, { state: string; reason: string | null }>();
  for (const { taskId, state, reason } of items) {
    if (!taskId) continue;
    const known = results.get(taskId);
    if (!known || (RESULT_WEIGHT[state] ?? 0) > (RESULT_WEIGHT[known.state] ?? 0))
      results.set(taskId, { state, reason });
  }
  return results;
}
