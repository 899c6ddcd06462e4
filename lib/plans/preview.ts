// A plan's preview, computed from fresh Kitsu data: every change per task, who Kitsu will notify, the
// copies and automations it triggers, and what the token may not do. This is what the confirm window shows.
import type { Session } from '../connections/session';
import type { PlanPreview } from '../messaging/protocol';
import type { KitsuRole } from '../shared/roles';
import { type PersonFacts, personState, willNotSeeText } from '../workflow/people';
import { diffPlan } from './diff';
import { computeImpact, type ImpactInput, type ImpactTask, type Recipient } from './impact';
import { withMarker } from './marker';
import type { Plan } from './model';
import type { FrozenOperator } from './pending';

async function impactInput(plan: Plan, current: Session, operator: FrozenOperator) {
  const { client, reads } = current;
  const [authenticated, project, team, persons, departments, taskTypes, statuses, shots, assets] = await Promise.all([
    reads.authenticated('fresh'),
    reads.project('fresh', plan.projectId),
    client.projectTeam(plan.projectId),
    reads.persons('fresh'),
    reads.departments('fresh'),
    reads.taskTypes('fresh'),
    reads.taskStatuses('fresh'),
    reads.shotsWithTasks('fresh', plan.projectId),
    reads.assetsWithTasks('fresh', plan.projectId),
  ]);
  const tasks: Record<string, ImpactTask> = {};
  const urls = new Map<string, string>();
  const entityTasks: Record<string, { id: string; task_type_id: string }[]> = {};
  for (const [kind, entities] of [
    ['shot', shots],
    ['asset', assets],
  ] as const) {
    for (const entity of entities) {
      entityTasks[entity.id] = entity.tasks.map((task) => ({ id: task.id, task_type_id: task.task_type_id }));
      const episode = 'episode_id' in entity && entity.episode_id ? `episodes/${entity.episode_id}/` : '';
      for (const task of entity.tasks) {
        urls.set(task.id, `${plan.host}/productions/${plan.projectId}/${episode}${kind}s/tasks/${task.id}`);
        tasks[task.id] = {
          id: task.id,
          entity_id: entity.id,
          entity_kind: kind,
          task_type_id: task.task_type_id,
          task_status_id: task.task_status_id,
          assignees: task.assignees,
        };
      }
    }
  }
  const { user } = authenticated;
  const input: ImpactInput = {
    plan,
    token: { personId: user.id, role: user.role as KitsuRole, departmentIds: user.departments },
    team,
    persons,
    departments,
    taskTypes: taskTypes.map((taskType) => ({ ...taskType, department_id: taskType.department_id ?? null })),
    statuses,
    tasks,
    entityTasks,
    // Status automations are readable by studio managers only: the preview says so instead.
    statusAutomations: [],
    marker: { operator: operator.operatorName, template: operator.markerTemplate },
    botCollaboration: project.is_bot_collaboration_enabled ?? false,
  };
  return { input, persons, statuses, urls };
}

type PreviewNames = Awaited<ReturnType<typeof impactInput>>;

/** The task as the confirm window shows it: its status and assignees now, and its page in Kitsu. */
function taskNow(taskId: string, { input, persons, statuses, urls }: PreviewNames) {
  const task = input.tasks[taskId];
  const personName = (id: string) => persons.find((person) => person.id === id)?.full_name ?? id;
  return {
    status: statuses.find((status) => status.id === task?.task_status_id)?.name ?? null,
    assignees: (task?.assignees ?? []).map(personName),
    url: urls.get(taskId) ?? null,
  };
}

/**
 * How a recipient is named in the preview: inactive people and bots get "(inactive: will not see it)",
 * so the confirm window lists them apart from the people who will read the notification.
 */
function recipientNames(persons: readonly PersonFacts[]) {
  const byId = new Map(persons.map((person) => [person.id, person]));
  return (recipient: Recipient): string => {
    const person = byId.get(recipient.personId);
    const state = person ? personState(person) : 'active';
    return person && state !== 'active' ? willNotSeeText({ person, state }) : recipient.name;
  };
}

const WILL_NOT_SEE = /\((inactive|bot): will not see it\)$/;
/** People who will see it first, those who will not after them; otherwise the order stays. */
const byWillSee = (a: string, b: string) => Number(WILL_NOT_SEE.test(a)) - Number(WILL_NOT_SEE.test(b));

export async function buildPreview(
  plan: Plan,
  current: Session,
  operator: FrozenOperator,
  at: { createdAt: number; expiresAt: number },
): Promise<{ preview: PlanPreview; preSkipped: Record<string, string> }> {
  const names = await impactInput(plan, current, operator);
  const { input, persons, statuses } = names;
  const impact = computeImpact(input);
  const diff = diffPlan(plan, { statuses, persons });
  const impactByTask = new Map<string, (typeof impact.operations)[number][]>();
  for (const item of impact.operations) impactByTask.set(item.taskId, [...(impactByTask.get(item.taskId) ?? []), item]);
  const shownName = recipientNames(persons);
  const notified = new Map<string, number>();
  for (const item of impact.operations) {
    for (const recipient of item.notified) {
      const name = shownName(recipient);
      notified.set(name, (notified.get(name) ?? 0) + 1);
    }
  }
  return {
    preSkipped: impact.blocked,
    preview: {
      planId: plan.id,
      title: plan.title,
      host: plan.host,
      origin: plan.origin,
      createdAt: new Date(at.createdAt).toISOString(),
      expiresAt: new Date(at.expiresAt).toISOString(),
      state: 'pending',
      operator: operator.operatorName,
      markerExample: withMarker('…', operator.operatorName, operator.markerTemplate, '000000000000'),
      operationCount: diff.operationCount,
      tasks: diff.tasks.map((task) => {
        const impacts = impactByTask.get(task.taskId) ?? [];
        return {
          taskId: task.taskId,
          taskLabel: task.taskLabel,
          ...taskNow(task.taskId, names),
          lines: task.lines.map(({ field, text, before, after, people }) => ({
            field,
            text,
            ...(before === undefined ? {} : { before }),
            ...(after === undefined ? {} : { after }),
            ...(people ? { people } : {}),
          })),
          blocked: impacts.find((item) => item.blocked)?.blocked ?? null,
          notified: [...new Set(impacts.flatMap((item) => item.notified.map(shownName)))].sort(byWillSee),
          hashtagCopies: impacts.flatMap((item) => item.hashtagCopies.map((copy) => copy.taskTypeName)),
          automations: impacts.flatMap((item) => item.automations),
        };
      }),
      notifiedPeople: [...notified]
        .map(([name, operations]) => ({ name, operations }))
        .sort((a, b) => byWillSee(a.name, b.name)),
      blockedCount: Object.keys(impact.blocked).length,
      warnings: [
        ...impact.warnings,
        'Status automations of the production are not shown: Kitsu lets only studio managers read them.',
      ],
      statuses: statuses.map((status) => ({
        name: status.name,
        shortName: status.short_name,
        color: status.color,
      })),
    },
  };
}
