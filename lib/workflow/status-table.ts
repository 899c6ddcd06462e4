// The options page's table of one Kitsu host's task statuses: each status's role as Sidekick uses it,
// where that role comes from, and how many tasks of the open productions hold the status, so a person
// sees what a change of role affects before saving it. Pure: the service reads, this shapes.
import type { OpenTasksStats, TaskStatus } from '../kitsu';
import {
  deriveStatusRole,
  type RoleSource,
  type StatusRole,
  type StatusRoleOverrides,
  statusRole,
} from './status-roles';

export interface StatusRoleRow {
  statusId: string;
  name: string;
  shortName: string;
  color: string;
  /** The role rules and bulk filters use now. */
  role: StatusRole;
  source: RoleSource;
  /** What Kitsu's flags and names give, without the person's choice: what "from Kitsu" restores. */
  derivedRole: StatusRole;
  /** Tasks of the open productions with this status; null when Kitsu did not say. */
  tasks: number | null;
}

/** Tasks per status id, summed over the productions and task types of zou's open-task totals. */
export function tasksPerStatus(stats: OpenTasksStats): ReadonlyMap<string, number> {
  const totals = new Map<string, number>();
  for (const production of Object.values(stats)) {
    for (const { task_status_id, amount } of production.task_types) {
      totals.set(task_status_id, (totals.get(task_status_id) ?? 0) + amount);
    }
  }
  return totals;
}

/** One row per status, in Kitsu's order (by its priority, then name, as its status lists show them). */
export function statusRoleRows(
  statuses: readonly TaskStatus[],
  overrides: StatusRoleOverrides,
  tasks: ReadonlyMap<string, number> | null,
): StatusRoleRow[] {
  return [...statuses]
    .sort((a, b) => (a.priority ?? 1) - (b.priority ?? 1) || a.name.localeCompare(b.name))
    .map((status) => {
      const current = statusRole(status, overrides);
      return {
        statusId: status.id,
        name: status.name,
        shortName: status.short_name,
        color: status.color,
        role: current.role,
        source: current.source,
        derivedRole: deriveStatusRole(status).role,
        tasks: tasks ? (tasks.get(status.id) ?? 0) : null,
      };
    });
}

/**
 * The overrides to store from the roles a person chose: only where the choice differs from what
 * Kitsu's data gives, so a status left alone follows Kitsu if the studio changes its flags later.
 * Choices for statuses the host no longer has are dropped.
 */
export function overridesFromChoices(
  statuses: readonly TaskStatus[],
  choices: Readonly<Record<string, StatusRole>>,
): StatusRoleOverrides {
  const overrides: StatusRoleOverrides = {};
  for (const status of statuses) {
    const chosen = choices[status.id];
    if (chosen && chosen !== deriveStatusRole(status).role) overrides[status.id] = chosen;
  }
  return overrides;
}
