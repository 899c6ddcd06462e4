// Kitsu's task priority levels (0 normal … 3 emergency) as catalog messages: the bulk filter, the
// set-priority operation and the confirm window name them alike, each with the `t` of its side.
import type { MessageName } from './messages';

export const PRIORITY_NAMES = [
  'priorityNormal',
  'priorityHigh',
  'priorityVeryHigh',
  'priorityEmergency',
] as const satisfies readonly MessageName[];
