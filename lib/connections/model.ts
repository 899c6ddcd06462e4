import { z } from 'zod/mini';
import { connectionSchema } from '../messaging/protocol/connections';

/** A connection as the vault stores it: with its token, which never leaves the background. */
export const storedConnectionSchema = z.extend(connectionSchema, {
  token: /* @__PURE__ */ z.string().check(z.minLength(1)),
});
export type StoredConnection = z.infer<typeof storedConnectionSchema>;
