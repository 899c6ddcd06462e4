// Invariant 4: every write re-checks what its plan relied on against a fresh
// read of the task; an item changed by someone since the preview is skipped.
import type { MessageName } from '../i18n/messages';
import { t } from '../i18n/pure';
import type { Operation, PreconditionField, Preconditions, TaskState } from './model';
import { observed, sameValue } from './values';

export interface PreconditionChange {
  field: PreconditionField;
  expected: unknown;
  actual: unknown;
}

export type PreconditionResult =
  | { ok: true }
  | { ok: false; changes: PreconditionChange[]; changedBy?: string; reason: string };

/** Display names; ids are shown when a name is unknown. */
export interface PreconditionNames {
  status?: (id: string) => string | undefined;
  person?: (id: string) => string | undefined;
}

export interface PreconditionContext extends PreconditionNames {
  /** The task's newest comment, when the caller read it: tells who changed the status. */
  latestComment?: { task_status_id: string; person_id: string; created_at: string };
  /** Values this plan's own earlier operations wrote on the task: they replace the preview's. */
  overlay?: Preconditions;
}

const FIELDS: readonly PreconditionField[] = [
  'statusId',
  'assigneeIds',
  'dueDate',
  'startDate',
  'estimation',
  'priority',
  'lastCommentDate',
];

export function expectedPreconditions(op: Operation, overlay: Preconditions = {}): Preconditions {
  const expected: Preconditions = { ...op.preconditions };
  for (const field of FIELDS) {
    if (field in expected && field in overlay) Object.assign(expected, { [field]: overlay[field] });
  }
  return expected;
}

export function checkPreconditions(
  op: Operation,
  task: TaskState,
  context: PreconditionContext = {},
): PreconditionResult {
  const expected = expectedPreconditions(op, context.overlay);
  const actual = observed(task);
  const changes: PreconditionChange[] = [];
  for (const field of FIELDS) {
    if (!(field in expected)) continue;
    if (!sameValue(field, expected[field], actual[field])) {
      changes.push({ field, expected: expected[field], actual: actual[field] });
    }
  }
  if (changes.length === 0) return { ok: true };
  const changedBy = whoChanged(changes, task, context);
  const described = changes.map((change) => describeChange(change, context)).join('; ');
  const reason = changedBy
    ? t('errorChangedSincePreviewBy', { changes: described, person: changedBy })
    : t('errorChangedSincePreview', { changes: described });
  return changedBy ? { ok: false, changes, changedBy, reason } : { ok: false, changes, reason };
}

function whoChanged(changes: PreconditionChange[], task: TaskState, context: PreconditionContext): string | undefined {
  const name = (personId: string) => context.person?.(personId) ?? personId;
  const comment = context.latestComment;
  const statusOrComment = changes.some((change) => change.field === 'statusId' || change.field === 'lastCommentDate');
  if (statusOrComment && comment && comment.task_status_id === task.task_status_id) return name(comment.person_id);
  // zou stamps assigner_id on assign only: it names who added someone, not who removed.
  const assigneeChange = changes.find((change) => change.field === 'assigneeIds');
  if (assigneeChange && task.assigner_id) {
    const added = (assigneeChange.actual as string[]).some(
      (person) => !(assigneeChange.expected as string[]).includes(person),
    );
    if (added) return name(task.assigner_id);
  }
  return undefined;
}

const LABELS: Record<PreconditionField, MessageName> = {
  statusId: 'fieldStatus',
  assigneeIds: 'fieldAssignees',
  dueDate: 'fieldDue',
  startDate: 'fieldStart',
  estimation: 'fieldEstimate',
  priority: 'fieldPriority',
  lastCommentDate: 'errorFieldLastComment',
};

function describeChange({ field, expected, actual }: PreconditionChange, names: PreconditionNames): string {
  const show = (value: unknown): string => {
    if (value === null || value === undefined) return t('errorValueNone');
    if (field === 'statusId') return names.status?.(String(value)) ?? String(value);
    if (field === 'assigneeIds') {
      const ids = value as string[];
      return ids.length === 0 ? t('confirmNobody') : ids.map((person) => names.person?.(person) ?? person).join(', ');
    }
    if (field === 'estimation') return `${value} min`;
    return String(value);
  };
  if (field === 'lastCommentDate') return t('errorNewComment');
  return t('errorFieldChanged', { field: t(LABELS[field]), before: show(expected), after: show(actual) });
}
