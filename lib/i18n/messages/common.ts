// Words every surface uses.
//
// What some keys of common.json are:
// - kitsuRole*: Kitsu's person roles, named as Kitsu's interface names them (lib/i18n/role-names.ts).
import { defineMessages } from '../catalog';
import messages from './common.json';

export const commonMessages = defineMessages(messages);
