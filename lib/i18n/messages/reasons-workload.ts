// The reasons of the workload rules (unassigned, overload), beside reasons.ts for the file's size; the
// same rules apply: panel text only, never the comments posted to Kitsu.
import { defineMessages } from '../catalog';
import messages from './reasons-workload.json';

export const workloadReasonMessages = defineMessages(messages);
