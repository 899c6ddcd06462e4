import type { KitsuRole } from './model';

/**
 * What a token's role allows, from zou's permission rules (reference zou-api.md §4):
 * - reading a production needs team membership (any role) or admin;
 * - commenting with a status change, assigning, and setting dates/estimates/priority on any task
 *   of the production need a project manager (a supervisor only within their departments).
 */
export type FeatureNeed = 'read' | 'write';

const RANK: Record<KitsuRole, number> = { vendor: 0, client: 0, user: 1, supervisor: 2, manager: 3, admin: 4 };
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

export function privilegeAdvice(role: KitsuRole, needs: readonly FeatureNeed[]): PrivilegeAdvice {
  const needsWrites = needs.includes('write');
  const needed: KitsuRole = needsWrites ? 'manager' : 'user';
  const name = ROLE_NAMES[role];
  if (RANK[role] < RANK[needed]) {
    return {
      verdict: 'too-low',
      message: needsWrites
        ? `This token's role is ${name}: Kitsu will refuse most of the writes Sidekick plans (status changes, assignments, dates). Use a bot with the Production Manager role in its productions.`
        : `This token's role is ${name}: Kitsu shows it only part of a production (vendors see their own tasks, clients the client-visible comments).`,
    };
  }
  if (role === 'admin') {
    return {
      verdict: 'too-high',
      message: needsWrites
        ? 'This token is a studio admin: it can change every production and the studio settings. A bot with the Production Manager role, added to the productions you use, is enough.'
        : 'This token is a studio admin, but the enabled features only read. An Artist bot added to the productions you use is enough.',
    };
  }
  if (!needsWrites && RANK[role] > RANK.user) {
    return {
      verdict: 'too-high',
      message: `This token's role is ${name}, but the enabled features only read. An Artist bot added to the productions you use is enough.`,
    };
  }
  return { verdict: 'fits', message: `This token's role (${name}) fits the enabled features.` };
}
