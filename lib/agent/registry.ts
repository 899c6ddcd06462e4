// The rules, in the order the panel lists them (and ties of severity are broken).
import { missingEstimatesDatesRule } from './rules/missing-estimates-dates';
import { overdueRule } from './rules/overdue';
import { overloadRule } from './rules/overload';
import { priorityDriftRule } from './rules/priority-drift';
import { retakeLoopRule } from './rules/retake-loop';
import { reviewBacklogRule } from './rules/review-backlog';
import { staleWipRule } from './rules/stale-wip';
import { startOnWipRule } from './rules/start-on-wip';
import { threadDigestRule } from './rules/thread-digest';
import { unassignedRule } from './rules/unassigned';
import type { Rule } from './types';

export const registry: readonly Rule[] = [
  overdueRule,
  reviewBacklogRule,
  staleWipRule,
  unassignedRule,
  overloadRule,
  retakeLoopRule,
  missingEstimatesDatesRule,
  startOnWipRule,
  threadDigestRule,
  priorityDriftRule,
];
