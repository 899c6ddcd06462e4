// Which operations the token may perform, from zou's permission checks
// (zou-api.md §4; permissions_service.py of zou 1.0.97). An operation zou
// would refuse is shown as "skipped before confirming" instead of failing,
// or being silently skipped by a bulk route, during execution.
import type { Operation } from './model';

export type ProjectRole = 'admin' | 'manager' | 'supervisor' | 'user' | 'client' | 'vendor';

export interface TokenIdentity {
  personId: string;
  /** The role on this production: the project override when there is one, else the global role. */
  role: ProjectRole;
  departmentIds: readonly string[];
}

export interface PermissionFacts {
  token: TokenIdentity;
  inTeam: boolean;
  /** Department of the task's task type (null = none). */
  taskDepartmentId: string | null;
  assignees: readonly string[];
  /** Status the comment will carry, for the artist/client status gate. */
  commentStatus?: { name: string; is_artist_allowed?: boolean | null; is_client_allowed?: boolean | null };
  /** The person an assign/unassign targets. */
  target?: { id: string; departments?: readonly string[]; is_bot?: boolean };
  botCollaboration?: boolean;
}

/** Why zou would refuse the operation, or undefined when it allows it. */
export function refusalReason(op: Operation, facts: PermissionFacts): string | undefined {
  const { token } = facts;
  if (token.role === 'admin') return undefined;
  if (!facts.inTeam) return "the token's account is not in this production's team";
  const manager = token.role === 'manager';
  const departmentFree = token.departmentIds.length === 0;
  const inTaskDepartment = facts.taskDepartmentId !== null && token.departmentIds.includes(facts.taskDepartmentId);
  const supervises = token.role === 'supervisor' && (departmentFree || inTaskDepartment);
  const notSupervisor = "the token is neither a manager nor a supervisor of this task's department";

  switch (op.kind) {
    // zou checks add-preview and the upload like the comment itself (check_task_action_access).
    case 'comment':
    case 'publish-preview': {
      const mayComment = manager || token.role === 'client' || facts.assignees.includes(token.personId) || supervises;
      if (!mayComment) return `${notSupervisor}, and not an assignee`;
      const status = facts.commentStatus;
      if (status && token.role === 'user' && !status.is_artist_allowed) {
        return `artists may not set the status ${status.name}`;
      }
      if (status && token.role === 'client' && !status.is_client_allowed) {
        return `clients may not set the status ${status.name}`;
      }
      return undefined;
    }
    case 'assign': {
      if (facts.target?.is_bot && !facts.botCollaboration) return 'bots cannot be assigned in this production';
      if (manager || (token.role === 'supervisor' && departmentFree)) return undefined;
      const sharesDepartment = (facts.target?.departments ?? []).some((id) => token.departmentIds.includes(id));
      if (token.role === 'supervisor' && inTaskDepartment && sharesDepartment) return undefined;
      if (inTaskDepartment && op.personId === token.personId) return undefined;
      return `${notSupervisor} (or does not share a department with the assignee)`;
    }
    case 'unassign':
    case 'clear-assignation': {
      if (manager || supervises) return undefined;
      const selfRemoval =
        op.kind === 'unassign' && op.personId === token.personId && facts.assignees.includes(token.personId);
      return selfRemoval ? undefined : notSupervisor;
    }
    case 'set-dates':
    case 'set-estimate':
    case 'set-priority':
      return manager || supervises ? undefined : notSupervisor;
    case 'delete-comment':
      // Undo only deletes comments this token posted, and authors may delete their comments.
      return undefined;
  }
}
