// Which operations the token may perform, from zou's permission checks
// (zou 1.0.97: zou/app/services/permissions_service.py). An operation zou
// would refuse is shown as "skipped before confirming" instead of failing,
// or being silently skipped by a bulk route, during execution.
import { t } from '../i18n/pure';
import type { KitsuRole } from '../shared/roles';
import type { Operation } from './model';

export interface TokenIdentity {
  personId: string;
  /** The role on this production: the project override when there is one, else the global role. */
  role: KitsuRole;
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
  if (!facts.inTeam) return t('notePermissionNotInTeam');
  const manager = token.role === 'manager';
  const departmentFree = token.departmentIds.length === 0;
  const inTaskDepartment = facts.taskDepartmentId !== null && token.departmentIds.includes(facts.taskDepartmentId);
  const supervises = token.role === 'supervisor' && (departmentFree || inTaskDepartment);
  const notSupervisor = t('notePermissionNotSupervisor');

  switch (op.kind) {
    // zou checks add-preview and the upload like the comment itself (check_task_action_access).
    case 'comment':
    case 'publish-preview': {
      const mayComment = manager || token.role === 'client' || facts.assignees.includes(token.personId) || supervises;
      if (!mayComment) return t('notePermissionNotAssignee');
      const status = facts.commentStatus;
      if (status && token.role === 'user' && !status.is_artist_allowed) {
        return t('notePermissionArtistStatus', { status: status.name });
      }
      if (status && token.role === 'client' && !status.is_client_allowed) {
        return t('notePermissionClientStatus', { status: status.name });
      }
      return undefined;
    }
    case 'assign': {
      if (facts.target?.is_bot && !facts.botCollaboration) return t('notePermissionBot');
      if (manager || (token.role === 'supervisor' && departmentFree)) return undefined;
      const sharesDepartment = (facts.target?.departments ?? []).some((id) => token.departmentIds.includes(id));
      if (token.role === 'supervisor' && inTaskDepartment && sharesDepartment) return undefined;
      if (inTaskDepartment && op.personId === token.personId) return undefined;
      return t('notePermissionNoSharedDepartment');
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
