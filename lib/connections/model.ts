import { z } from 'zod/mini';

// zod/mini, not classic zod: the content script bundles these schemas and has a size budget (mini is
// tree-shakable). `/* @__PURE__ */` marks schemas built with a method call (`.check`, `.brand`) as free of
// side effects, so a bundle that does not use them can drop them.

/** What Sidekick keeps about one Kitsu: the token lives only in the background's vault. */
export const connectionSchema = z.object({
  id: /* @__PURE__ */ z.string().check(z.minLength(1)),
  label: /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  origin: /* @__PURE__ */ z.string().check(z.url()),
  createdAt: z.string(),
});
export type Connection = z.infer<typeof connectionSchema>;

export const storedConnectionSchema = z.extend(connectionSchema, {
  token: /* @__PURE__ */ z.string().check(z.minLength(1)),
});
export type StoredConnection = z.infer<typeof storedConnectionSchema>;

/** Zou's global roles (zou/app/models/person.py ROLE_TYPES). */
export const kitsuRoleSchema = z.enum(['user', 'supervisor', 'manager', 'admin', 'client', 'vendor']);
export type KitsuRole = z.infer<typeof kitsuRoleSchema>;
