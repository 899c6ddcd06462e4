import type { KitsuRole } from './model';

/**
 * What a token's role allows, from zou's permission rules (reference zou-api.md §4, checked on
 * zou 1.0.97 by the stack's bot tests):
 * - reading a production needs team membership with any role but vendor/client, or admin;
 * - Sidekick's writes (comment with a status change, assign/unassign, dates, estimates, priority)
 *   pass for a supervisor with no department on every task of the production; a supervisor with
 *   departments only on tasks of those departments; a manager on everything, and more.
 */
export type FeatureNeed = 'read' | 'write';

export type TokenRights = { role: KitsuRole; departmentCount: number };

const ROLE_NAMES: Record<KitsuRole, string> = {
  vendor: 'Vendor',
  client: 'Client',
  user: 'Artist',
  supervisor: 'Supervisor',
  manager: 'Production Manager',
  admin: 'Studio Manager (admin)',
};

export type PrivilegeAdvice = {
  verdict: 'fits' | 'too-high' | 'too-low';
  message: string;
};

export function roleName(role: KitsuRole): string {
  return ROLE_NAMES[role];
}

const ENOUGH_FOR_WRITES = 'A Supervisor bot with no department, added to the productions you use, is enough.';
const ENOUGH_FOR_READS = 'An Artist bot added to the productions you use is enough.';

export function privilegeAdvice(
  { role, departmentCount }: TokenRights,
  needs: readonly FeatureNeed[],
): PrivilegeAdvice {
  const name = ROLE_NAMES[role];
  const needsWrites = needs.includes('write');
  if (role === 'vendor' || role === 'client') {
    return {
      verdict: 'too-low',
      message: `This token's role is ${name}: Kitsu shows it only part of a production (vendors see their own tasks, clients the client-visible comments).`,
    };
  }
  if (role === 'admin') {
    return {
      verdict: 'too-high',
      message: `This token is a studio admin: it can change every production and the studio settings. ${needsWrites ? ENOUGH_FOR_WRITES : ENOUGH_FOR_READS}`,
    };
  }
  if (!needsWrites) {
    return role === 'user'
      ? { verdict: 'fits', message: `This token's role (${name}) fits the enabled features.` }
      : {
          verdict: 'too-high',
          message: `This token's role is ${name}, but the enabled features only read. ${ENOUGH_FOR_READS}`,
        };
  }
  if (role === 'user') {
    return {
      verdict: 'too-low',
      message: `This token's role is ${name}: Kitsu will refuse the writes Sidekick plans (status changes, assignments, dates) on tasks it is not assigned to. ${ENOUGH_FOR_WRITES}`,
    };
  }
  if (role === 'supervisor' && departmentCount > 0) {
    return {
      verdict: 'too-low',
      message: `This token is a Supervisor of ${departmentCount} department${departmentCount > 1 ? 's' : ''}: Kitsu will refuse writes on tasks of other departments. ${ENOUGH_FOR_WRITES}`,
    };
  }
  if (role === 'manager') {
    return {
      verdict: 'too-high',
      message: `This token is a Production Manager: it can also create and delete tasks and edit the production. ${ENOUGH_FOR_WRITES}`,
    };
  }
  return { verdict: 'fits', message: `This token's role (${name}, all departments) fits the enabled features.` };
}
