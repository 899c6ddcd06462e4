// The suggestions' titles, reasons and plan titles as the Suggestions panel shows them (lib/agent/rules,
// lib/agent/helpers). The comments the rules' plans post to Kitsu are not here: they stay as written.
//
// What some keys of reasons.json are:
// - reasonDays … reasonUnknownStatus: shared by several rules.
// - reasonLeftOut … reasonDaysAgo: a task left out of a plan because a person changed it recently
//   (helpers.leftOutText).
// - reasonGuard*: why the recent-human-decisions guard could not run (lib/agent/human-changes), shown on the panel.
// - reasonRefused*: why the panel refuses a request (lib/agent/handlers).
import { defineMessages } from '../catalog';
import messages from './reasons.json';

export const reasonMessages = defineMessages(messages);
