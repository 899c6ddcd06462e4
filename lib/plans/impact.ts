// Downstream impact of a plan, computed from data the background read:
// who zou will notify, which comments zou will copy to sibling tasks
// (hashtags), which status automations may fire, and which operations the
// token may not perform (skipped before confirming). Mirrors zou 1.0.97's
// comments_service / notifications_service rules (zou/app/services/).
import { t } from '../i18n/pure';
import { withMarker } from './marker';
import type { Operation, Plan } from './model';
import { refusalReason, type TokenIdentity } from './permissions';

export interface ImpactPerson {
  id: string;
  full_name: string;
  departments?: readonly string[];
  is_bot?: boolean;
}

export interface ImpactTask {
  id: string;
  entity_id: string;
  /** "asset" for any asset type, else the entity type's name ("shot", "edit"...). */
  entity_kind: string;
  task_type_id: string;
  task_status_id: string;
  assignees: readonly string[];
  /** Task watchers plus the sequence subscribers of this task type. */
  subscriber_ids?: readonly string[];
}

export interface StatusAutomation {
  entity_type: string;
  in_task_type_id: string;
  in_task_status_id: string;
  out_field_type: string;
  out_task_type_id: string;
  out_task_status_id: string | null;
  archived?: boolean;
}

export interface ImpactInput {
  plan: Plan;
  token: TokenIdentity;
  /** The production's team. */
  team: readonly ImpactPerson[];
  /** Everyone the plan may assign (departments, bot flag). */
  persons: readonly ImpactPerson[];
  departments: readonly { id: string; name: string }[];
  taskTypes: readonly { id: string; name: string; department_id: string | null }[];
  statuses: readonly {
    id: string;
    name: string;
    is_artist_allowed?: boolean | null;
    is_client_allowed?: boolean | null;
  }[];
  tasks: Readonly<Record<string, ImpactTask>>;
  /** Every task of each entity the plan touches, for hashtag copies. */
  entityTasks: Readonly<Record<string, readonly { id: string; task_type_id: string }[]>>;
  statusAutomations: readonly StatusAutomation[];
  /** The comments are judged as posted, marker included. */
  marker: { operator: string; template: string };
  botCollaboration?: boolean;
}

export type NotifyReason = 'assignee' | 'watcher' | 'mention' | 'department-mention' | 'assignation';

export interface Recipient {
  personId: string;
  name: string;
  reasons: NotifyReason[];
}

export interface OperationImpact {
  operationId: string;
  taskId: string;
  notified: Recipient[];
  /** Sibling tasks zou will post a copy of the comment on. */
  hashtagCopies: { taskId: string; taskTypeName: string }[];
  automations: string[];
  /** Set when the token may not perform the operation: it is skipped before confirming. */
  blocked?: string;
}

export interface PlanImpact {
  operations: OperationImpact[];
  /** operation id → reason, for the executor's `preSkipped`. */
  blocked: Record<string, string>;
  /** Distinct people notified by the whole plan. */
  notifiedPeople: number;
  warnings: string[];
}

export function computeImpact(input: ImpactInput): PlanImpact {
  const operations = input.plan.operations.map((op) => operationImpact(op, input));
  const blocked: Record<string, string> = {};
  for (const impact of operations) if (impact.blocked) blocked[impact.operationId] = impact.blocked;
  const people = new Set(operations.flatMap((impact) => impact.notified.map((recipient) => recipient.personId)));
  const copies = operations.filter((impact) => impact.hashtagCopies.length > 0).length;
  const automations = operations.filter((impact) => impact.automations.length > 0).length;
  const blockedCount = Object.keys(blocked).length;
  const warnings = [
    copies > 0 && t('noteHashtagCopies', { count: copies }),
    automations > 0 && t('noteAutomations', { count: automations }),
    blockedCount > 0 && t('noteBlockedOperations', { count: blockedCount }),
  ].filter((warning): warning is string => typeof warning === 'string');
  return { operations, blocked, notifiedPeople: people.size, warnings };
}

function operationImpact(op: Operation, input: ImpactInput): OperationImpact {
  const task = input.tasks[op.taskId];
  const impact: OperationImpact = {
    operationId: op.id,
    taskId: op.taskId,
    notified: [],
    hashtagCopies: [],
    automations: [],
  };
  if (!task) return { ...impact, blocked: t('noteTaskNotFound') };
  const taskType = input.taskTypes.find((type) => type.id === task.task_type_id);
  const commentStatusId =
    op.kind === 'comment' || op.kind === 'publish-preview' ? (op.statusAfter ?? task.task_status_id) : undefined;
  const blocked = refusalReason(op, {
    token: input.token,
    inTeam: input.team.some((person) => person.id === input.token.personId),
    taskDepartmentId: taskType?.department_id ?? null,
    assignees: task.assignees,
    commentStatus: input.statuses.find((status) => status.id === commentStatusId),
    target: 'personId' in op ? input.persons.find((person) => person.id === op.personId) : undefined,
    botCollaboration: input.botCollaboration,
  });
  if (blocked) return { ...impact, blocked };

  if (op.kind === 'assign' && op.personId !== input.token.personId) {
    impact.notified = [{ personId: op.personId, name: nameOf(op.personId, input), reasons: ['assignation'] }];
  }
  if (op.kind === 'delete-comment' && op.restoreText) {
    // Undo may post a comment setting the status back: the people it would notify are named too.
    const text = withMarker(op.restoreText, input.marker.operator, input.marker.template, '000000000000');
    impact.notified = commentRecipients(text, task, input);
  }
  if ((op.kind === 'comment' || op.kind === 'publish-preview') && commentStatusId) {
    const text = withMarker(op.text, input.marker.operator, input.marker.template, '000000000000');
    impact.notified = commentRecipients(text, task, input);
    impact.hashtagCopies = hashtagCopies(text, task, input);
    impact.automations = automationsFor(task, commentStatusId, input);
  }
  return impact;
}

function nameOf(personId: string, input: ImpactInput): string {
  return [...input.team, ...input.persons].find((person) => person.id === personId)?.full_name ?? personId;
}

function commentRecipients(text: string, task: ImpactTask, input: ImpactInput): Recipient[] {
  const recipients = new Map<string, Set<NotifyReason>>();
  const add = (personId: string, reason: NotifyReason) => {
    if (personId === input.token.personId) return;
    recipients.set(personId, (recipients.get(personId) ?? new Set()).add(reason));
  };
  for (const personId of task.assignees) add(personId, 'assignee');
  for (const personId of task.subscriber_ids ?? []) add(personId, 'watcher');
  for (const person of input.team) if (mentions(text, person.full_name)) add(person.id, 'mention');
  for (const department of input.departments) {
    if (!mentions(text, department.name)) continue;
    for (const person of input.team)
      if (person.departments?.includes(department.id)) add(person.id, 'department-mention');
  }
  return [...recipients].map(([personId, reasons]) => ({
    personId,
    name: nameOf(personId, input),
    reasons: [...reasons],
  }));
}

/** zou: `@<name>( |$)` with Python's `$`, which also matches before a final newline. */
export function mentions(text: string, name: string): boolean {
  return new RegExp(`@${escapeRegExp(name)}(?: |\\n?$)`).test(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The lowercased tags zou reads from a text (`#[a-zA-Z]*`); `#all` stands for every sibling. */
export function hashtagsOf(text: string): string[] {
  const tags = [...text.matchAll(/#([a-zA-Z]*)/g)].map((match) => (match[1] ?? '').toLowerCase());
  return tags.includes('all') ? ['all'] : [...new Set(tags.filter((tag) => tag !== ''))];
}

function hashtagCopies(text: string, task: ImpactTask, input: ImpactInput): OperationImpact['hashtagCopies'] {
  const tags = hashtagsOf(text);
  if (tags.length === 0) return [];
  const typeName = (id: string) => input.taskTypes.find((type) => type.id === id)?.name ?? '';
  const own = typeName(task.task_type_id).toLowerCase();
  return (input.entityTasks[task.entity_id] ?? [])
    .filter((sibling) => {
      const name = typeName(sibling.task_type_id).toLowerCase();
      return name !== own && (tags.includes('all') || tags.includes(name));
    })
    .map((sibling) => ({ taskId: sibling.id, taskTypeName: typeName(sibling.task_type_id) }));
}

/**
 * A zero-width space after "#" keeps the text readable while zou's `#[a-zA-Z]*`
 * then reads an empty tag, which names no task type.
 */
export function escapeHashtags(text: string): string {
  return text.replace(/#(?=[a-zA-Z])/g, '#\u200b');
}

/** zou runs the project's automations after every comment whose task ends in the trigger status, changed or not. */
function automationsFor(task: ImpactTask, statusId: string, input: ImpactInput): string[] {
  const typeName = (id: string) => input.taskTypes.find((type) => type.id === id)?.name ?? t('noteAnotherTaskType');
  const statusName = (id: string | null) =>
    input.statuses.find((status) => status.id === id)?.name ?? t('noteAnotherStatus');
  return input.statusAutomations
    .filter(
      (automation) =>
        !automation.archived &&
        automation.in_task_type_id === task.task_type_id &&
        automation.in_task_status_id === statusId &&
        automation.entity_type.toLowerCase() === task.entity_kind.toLowerCase(),
    )
    .map((automation) =>
      automation.out_field_type === 'ready_for'
        ? t('noteAutomationReadyFor', { taskType: typeName(automation.out_task_type_id) })
        : t('noteAutomationSetStatus', {
            taskType: typeName(automation.out_task_type_id),
            status: statusName(automation.out_task_status_id),
            entity: task.entity_kind,
          }),
    );
}
