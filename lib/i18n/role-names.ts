// Kitsu's person roles (zou's ids, lib/shared/roles.ts) by the names Kitsu's interface gives them, as
// catalog messages: the options page, the popup and the token advice say them in the person's language.
import type { MessageName } from './messages';

export const KITSU_ROLE_NAMES = {
  vendor: 'kitsuRoleVendor',
  client: 'kitsuRoleClient',
  user: 'kitsuRoleArtist',
  supervisor: 'kitsuRoleSupervisor',
  manager: 'kitsuRoleManager',
  admin: 'kitsuRoleAdmin',
} as const satisfies Record<string, MessageName>;
