import { z } from 'zod/mini';

// zod/mini: the content script bundles the protocol, which names roles, and has a size budget.

/** Zou's person roles (zou/app/models/person.py ROLE_TYPES); a production's team may override a person's. */
export const KITSU_ROLES = ['admin', 'manager', 'supervisor', 'user', 'client', 'vendor'] as const;
export const kitsuRoleSchema = z.enum(KITSU_ROLES);
export type KitsuRole = (typeof KITSU_ROLES)[number];

/** The role a Kitsu answer names, or undefined for one Sidekick does not know (it is then offered nothing). */
export function knownRole(value: unknown): KitsuRole | undefined {
  return (KITSU_ROLES as readonly unknown[]).includes(value) ? (value as KitsuRole) : undefined;
}

const ROLE_RANK: Record<KitsuRole, number> = { admin: 4, manager: 3, supervisor: 2, user: 1, client: 0, vendor: 0 };

/**
 * Whether a token with `role` may run plans needing `needed` (null: nothing to run); zou still checks
 * departments per operation.
 */
export function roleAllows(role: KitsuRole | undefined, needed: KitsuRole | null): boolean {
  if (needed === null) return false;
  return role !== undefined && ROLE_RANK[role] >= ROLE_RANK[needed];
}
