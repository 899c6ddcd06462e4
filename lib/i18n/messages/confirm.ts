// The confirm window: the plan's header and summary, its diff table, filters, controls, progress and report.
import { defineMessages } from '../catalog';
import messages from './confirm.json';

export const confirmMessages = defineMessages(messages);
