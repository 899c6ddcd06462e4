import { z } from 'zod/mini';

// The roles a task status can play in a studio's workflow (lib/workflow/status-roles.ts derives them).
// Here because messages name them too, and the messaging layer reads only shared modules.

export const STATUS_ROLES = ['todo', 'wip', 'review', 'retake', 'done', 'on-hold', 'omitted'] as const;
export const statusRoleSchema = z.enum(STATUS_ROLES);
export type StatusRole = (typeof STATUS_ROLES)[number];
