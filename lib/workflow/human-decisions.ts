// Human decisions read from Kitsu's event log: who changed what on which task, and when. zou saves
// every event with the person whose token made the request, but its "task:update" says only that a
// task changed. A comment, a status change, an assignment or time logged emit one too, in the same
// request: an update with none of those beside it (same person, same task, within a moment) is an
// edit of the task's own fields, dates, estimate or priority, without saying which.
//
// The guard answers whether a person decided something about a task recently, and the reason
// sentence names who and when, so that plans leave the task alone and say why.
import type { EventLogEntry } from '../kitsu';

export const HUMAN_DECISION_KINDS = ['assignees', 'status', 'task-fields'] as const;
export type HumanDecisionKind = (typeof HUMAN_DECISION_KINDS)[number];

export interface HumanDecision {
  taskId: string;
  kind: HumanDecisionKind;
  /** The person whose token made the change. */
  personId: string;
  /** zou's event date, "YYYY-MM-DDTHH:MM:SS" in UTC (of the newest event of the change). */
  at: string;
  /** For assignees: who was given the task, who was taken off it. */
  assigned: string[];
  unassigned: string[];
  /** For a status change: the status the task was moved to. */
  statusId?: string;
}

export interface DecisionReadOptions {
  /** False for bots and scripts, whose changes are not decisions; people the caller does not know count. */
  isHuman?: (personId: string) => boolean;
  /** Sidekick's own writes (a person's token may have made them): left out. */
  isOwnWrite?: (entry: EventLogEntry) => boolean;
}

/** Events of one request land within this many milliseconds of each other (zou dates them to the second). */
const SAME_REQUEST_MS = 2000;
/**
 * zou saves a comment's (or assignment's) own event first and the task's update at the end of the same
 * request; on a loaded server that end came 3 s later (seen on the real zou while seeding). An update
 * is explained by such an event up to this long before it, and SAME_REQUEST_MS after it.
 */
const REQUEST_TAIL_MS = 10_000;

/** Events that come with a "task:update" of the same request, and explain it. */
const EXPLAINING_PREFIXES = ['comment:', 'time-spent:', 'preview-file:'];
const EXPLAINING_NAMES = new Set(['task:status-changed', 'task:to-review', 'task:assign', 'task:unassign']);

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The instant of a zou event date, read as UTC; NaN for anything else. */
export function eventInstant(value: string): number {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(value) ? Date.parse(`${value.slice(0, 19)}Z`) : Number.NaN;
}

interface Row {
  entry: EventLogEntry;
  personId: string;
  taskId?: string;
  instant: number;
}

function isExplaining(name: string): boolean {
  return EXPLAINING_NAMES.has(name) || EXPLAINING_PREFIXES.some((prefix) => name.startsWith(prefix));
}

const secondKey = (personId: string, second: number) => `${personId}|${second}`;

/** The explaining events by person and second, so that each update is checked against its neighbours only. */
function explainingIndex(rows: readonly Row[]): Map<string, Row[]> {
  const index = new Map<string, Row[]>();
  for (const row of rows) {
    if (!isExplaining(row.entry.name)) continue;
    const key = secondKey(row.personId, Math.floor(row.instant / 1000));
    const bucket = index.get(key);
    if (bucket) bucket.push(row);
    else index.set(key, [row]);
  }
  return index;
}

function isExplained(update: Row, index: ReadonlyMap<string, readonly Row[]>): boolean {
  const second = Math.floor(update.instant / 1000);
  for (let nearby = second - REQUEST_TAIL_MS / 1000; nearby <= second + SAME_REQUEST_MS / 1000; nearby++) {
    const bucket = index.get(secondKey(update.personId, nearby)) ?? [];
    // Time-spent events carry no task id: the same person at the same moment is enough.
    if (bucket.some((row) => row.taskId === undefined || row.taskId === update.taskId)) return true;
  }
  return false;
}

function decisionOf(row: Row): Omit<HumanDecision, 'taskId'> | undefined {
  const base = { personId: row.personId, at: row.entry.created_at, assigned: [], unassigned: [] };
  const subject = text(row.entry.data?.person_id);
  switch (row.entry.name) {
    case 'task:assign':
      return { ...base, kind: 'assignees', assigned: subject ? [subject] : [] };
    case 'task:unassign':
      return { ...base, kind: 'assignees', unassigned: subject ? [subject] : [] };
    case 'task:status-changed':
      return { ...base, kind: 'status', statusId: text(row.entry.data?.new_task_status_id) };
    case 'task:update':
      return { ...base, kind: 'task-fields' };
    default:
      return undefined;
  }
}

/** Merges the events of one change (several assignees in one request, repeated updates) into one decision. */
function merge(byChange: Map<string, HumanDecision[]>, next: HumanDecision): void {
  const key = `${next.taskId}|${next.kind}|${next.personId}`;
  const earlier = byChange.get(key) ?? [];
  const same = earlier.find(
    (decision) => Math.abs(eventInstant(decision.at) - eventInstant(next.at)) <= SAME_REQUEST_MS,
  );
  if (!same) {
    byChange.set(key, [...earlier, next]);
    return;
  }
  if (next.at > same.at) same.at = next.at;
  same.assigned = [...new Set([...same.assigned, ...next.assigned])];
  same.unassigned = [...new Set([...same.unassigned, ...next.unassigned])];
  same.statusId ??= next.statusId;
}

/** The decisions people made on tasks, newest first, from rows of zou's event log in any order. */
export function humanDecisionsFromEvents(
  entries: readonly EventLogEntry[],
  { isHuman = () => true, isOwnWrite = () => false }: DecisionReadOptions = {},
): HumanDecision[] {
  const rows: Row[] = [];
  for (const entry of entries) {
    const personId = entry.user_id;
    const instant = eventInstant(entry.created_at);
    if (!personId || Number.isNaN(instant) || !isHuman(personId) || isOwnWrite(entry)) continue;
    rows.push({ entry, personId, taskId: text(entry.data?.task_id), instant });
  }
  const index = explainingIndex(rows);
  const byChange = new Map<string, HumanDecision[]>();
  for (const row of rows) {
    if (!row.taskId) continue;
    if (row.entry.name === 'task:update' && isExplained(row, index)) continue;
    const decision = decisionOf(row);
    if (decision) merge(byChange, { ...decision, taskId: row.taskId });
  }
  return [...byChange.values()].flat().sort((a, b) => eventInstant(b.at) - eventInstant(a.at));
}

/** Decisions by task id, newest first in each list. */
export function decisionsByTask(decisions: readonly HumanDecision[]): Map<string, HumanDecision[]> {
  const byTask = new Map<string, HumanDecision[]>();
  for (const decision of [...decisions].sort((a, b) => eventInstant(b.at) - eventInstant(a.at))) {
    const list = byTask.get(decision.taskId);
    if (list) list.push(decision);
    else byTask.set(decision.taskId, [decision]);
  }
  return byTask;
}

/** What a plan may be about to change on a task; each is guarded by the decisions of one kind. */
export const DECISION_CONCERNS = ['assignees', 'dates', 'estimation', 'priority', 'status'] as const;
export type DecisionConcern = (typeof DECISION_CONCERNS)[number];
const KIND_OF_CONCERN: Readonly<Record<DecisionConcern, HumanDecisionKind>> = {
  assignees: 'assignees',
  // The log does not say which field an edit changed: an edit guards all three.
  dates: 'task-fields',
  estimation: 'task-fields',
  priority: 'task-fields',
  status: 'status',
};

const MS_PER_DAY = 86_400_000;

/**
 * The newest decision a person made on the task about these concerns within the last `windowDays`
 * days (0: the guard is off). A decision dated in the future (clock skew) counts: the safe side.
 */
export function recentHumanDecision(
  byTask: ReadonlyMap<string, readonly HumanDecision[]>,
  taskId: string,
  concerns: readonly DecisionConcern[],
  { now, windowDays }: { now: Date; windowDays: number },
): HumanDecision | undefined {
  if (!(windowDays > 0)) return undefined;
  const kinds = new Set(concerns.map((concern) => KIND_OF_CONCERN[concern]));
  return (byTask.get(taskId) ?? []).find(
    (decision) => kinds.has(decision.kind) && now.getTime() - eventInstant(decision.at) < windowDays * MS_PER_DAY,
  );
}

export interface ReasonContext {
  personName: (personId: string) => string;
  statusName?: (statusId: string) => string;
  now: Date;
  /** The studio's time zone (IANA name): times are shown there. UTC when absent or unknown. */
  timeZone?: string;
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

function agoText(milliseconds: number): string {
  const minutes = Math.floor(milliseconds / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? `${plural(hours, 'hour')} ago` : `${plural(Math.floor(hours / 24), 'day')} ago`;
}

function dateText(instant: number, timeZone: string | undefined): string {
  const format = (zone: string) =>
    `${new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(instant)} ${zone}`;
  try {
    return format(timeZone ?? 'UTC');
  } catch {
    // An unknown zone name (a setting from another browser): UTC rather than nothing.
    return format('UTC');
  }
}

const names = (ids: readonly string[], personName: (id: string) => string) => {
  const list = ids.map(personName);
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
};

function whatText(decision: HumanDecision, context: ReasonContext): string {
  if (decision.kind === 'status') {
    return decision.statusId && context.statusName
      ? `moved it to ${context.statusName(decision.statusId)}`
      : 'changed its status';
  }
  if (decision.kind === 'task-fields')
    return 'changed its dates, estimate or priority (Kitsu’s log does not say which)';
  const given = decision.assigned.length > 0 ? `gave it to ${names(decision.assigned, context.personName)}` : '';
  const taken = decision.unassigned.length > 0 ? `took ${names(decision.unassigned, context.personName)} off it` : '';
  return [given, taken].filter(Boolean).join(' and ') || 'changed its assignees';
}

/** "Hélène Marchand took Bram de Vries off it 2 hours ago (6 Dec 2026, 23:27 Europe/Paris)". */
export function decisionReason(decision: HumanDecision, context: ReasonContext): string {
  const instant = eventInstant(decision.at);
  return `${context.personName(decision.personId)} ${whatText(decision, context)} ${agoText(
    context.now.getTime() - instant,
  )} (${dateText(instant, context.timeZone)})`;
}

/** The sentence a plan shows for a task it leaves out because of a recent decision. */
export function leftOutOfPlanText(
  label: string,
  decision: HumanDecision,
  context: ReasonContext & { windowDays: number },
): string {
  return `${label}: ${decisionReason(decision, context)}, within the last ${plural(
    context.windowDays,
    'day',
  )}: left out of the plan to respect that decision.`;
}
