// The notes pure lib code writes for people: the confirm window's impact notes (lib/plans/impact), what
// undo cannot take back (lib/plans/undo) and the read-back lines of the audit log (lib/plans/executor,
// lib/plans/read-back-report). The comments Sidekick posts to Kitsu are not here: they stay as written.
//
// What some keys of notes.json are:
// - noteHashtagCopies, noteAutomations, noteBlockedOperations: the confirm window's warnings about the whole plan
//   (impact.computeImpact).
// - noteTaskNotFound … noteAutomationSetStatus: each operation's impact (impact.operationImpact,
//   impact.automationsFor).
// - notePermission*: why zou would refuse an operation to the token (lib/plans/permissions): the operation is skipped.
// - noteUndo*: what undo cannot take back (undo.notUndoable).
// - noteReadBack*: the audit log's read-back line (executor.reportRecord, read-back-report).
// - noteKind*, noteMatch*: why a file to publish matched a task, or did not (lib/publish/match).
// - setting*: why the agent's settings are refused (lib/agent/types wholeNumber, lib/agent/settings
//   settingsProblems).
import { defineMessages } from '../catalog';
import messages from './notes.json';

export const noteMessages = defineMessages(messages);
