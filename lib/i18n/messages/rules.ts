// The suggestion rules as the options page and the dock name them (lib/agent/rules, lib/agent/settings).
import { defineMessages } from '../catalog';
import messages from './rules.json';

export const rulesMessages = defineMessages(messages);
