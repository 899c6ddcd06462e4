import { t } from '../i18n/pure';
import { KITSU_ROLE_NAMES } from '../i18n/role-names';
import type { KitsuRole } from '../shared/roles';

/**
 * What a token's role allows, from zou's permission rules (zou/app/services/permissions_service.py, checked on
 * zou 1.0.97 by the stack's bot tests):
 * - reading a production needs team membership with any role but vendor/client, or admin;
 * - Sidekick's writes (comment with a status change, assign/unassign, dates, estimates, priority)
 *   pass for a supervisor with no department on every task of the production; a supervisor with
 *   departments only on tasks of those departments; a manager on everything, and more.
 */
export type FeatureNeed = 'read' | 'write';

export type TokenRights = { role: KitsuRole; departmentCount: number };

export type PrivilegeAdvice = {
  verdict: 'fits' | 'too-high' | 'too-low';
  message: string;
};

/** Followed by what would be enough; said at call time, in the catalog's language. */
const withEnough = (message: string, needsWrites: boolean): string =>
  `${message} ${t(needsWrites ? 'errorTokenRoleEnoughForWrites' : 'errorTokenRoleEnoughForReads')}`;

export function privilegeAdvice(
  { role, departmentCount }: TokenRights,
  needs: readonly FeatureNeed[],
): PrivilegeAdvice {
  const name = t(KITSU_ROLE_NAMES[role]);
  const needsWrites = needs.includes('write');
  if (role === 'vendor' || role === 'client') {
    return {
      verdict: 'too-low',
      message: t('errorTokenRoleTooNarrow', { role: name }),
    };
  }
  if (role === 'admin') {
    return {
      verdict: 'too-high',
      message: withEnough(t('errorTokenRoleAdmin'), needsWrites),
    };
  }
  if (!needsWrites) {
    return role === 'user'
      ? { verdict: 'fits', message: t('errorTokenRoleFits', { role: name }) }
      : {
          verdict: 'too-high',
          message: withEnough(t('errorTokenRoleOnlyReads', { role: name }), false),
        };
  }
  if (role === 'user') {
    return {
      verdict: 'too-low',
      message: withEnough(t('errorTokenRoleAssignedOnly', { role: name }), true),
    };
  }
  if (role === 'supervisor' && departmentCount > 0) {
    return {
      verdict: 'too-low',
      message: withEnough(t('errorTokenRoleDepartments', { count: departmentCount }), true),
    };
  }
  if (role === 'manager') {
    return {
      verdict: 'too-high',
      message: withEnough(t('errorTokenRoleManager'), true),
    };
  }
  return { verdict: 'fits', message: t('errorTokenRoleFitsAllDepartments', { role: name }) };
}
