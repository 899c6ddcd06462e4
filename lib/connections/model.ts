import { z } from 'zod';

/** What Sidekick keeps about one Kitsu: the token lives only in the background's vault. */
export const connectionSchema = z.object({
  id: z.string().min(1),
  label: z.string().trim().min(1).max(80),
  origin: z.string().url(),
  createdAt: z.string(),
});
export type Connection = z.infer<typeof connectionSchema>;

export const storedConnectionSchema = connectionSchema.extend({
  token: z.string().min(1),
});
export type StoredConnection = z.infer<typeof storedConnectionSchema>;

/** Zou's global roles (zou/app/models/person.py ROLE_TYPES). */
export const kitsuRoleSchema = z.enum(['user', 'supervisor', 'manager', 'admin', 'client', 'vendor']);
export type KitsuRole = z.infer<typeof kitsuRoleSchema>;
