// Every bulk operation, in the order the panel offers them. Adding one = its file and one line here.
import { assignOperation } from './assign';
import { commentOperation } from './comment';
import { commentStatusOperation } from './comment-status';
import { replaceAssigneeOperation } from './replace-assignee';
import { setDatesOperation } from './set-dates';
import { setEstimateOperation } from './set-estimate';
import { setPriorityOperation } from './set-priority';
import type { BulkOperation } from './shared';
import { startWipOperation } from './start-wip';
import { unassignOperation } from './unassign';

export { type BulkContext, BulkInputError, type BulkOperation } from './shared';

export const bulkOperations: readonly BulkOperation[] = [
  commentStatusOperation,
  commentOperation,
  assignOperation,
  unassignOperation,
  replaceAssigneeOperation,
  setDatesOperation,
  startWipOperation,
  setEstimateOperation,
  setPriorityOperation,
];
