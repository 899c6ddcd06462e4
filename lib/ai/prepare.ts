// The prompts a draft or a summary would send, built from what the session reads and shown to the
// person before anything is sent. Sends nothing.
import type { SessionReads } from '../connections/session';
import type { AiPreparedDraft, AiPreparedSummary, DraftKind, RedactableField } from '../messaging/protocol';
import type { PlanPreview } from '../messaging/protocol/plans';
import type { Plan } from '../plans/model';
import { commentDraftInput, endpointOriginOf } from './draft';
import { type BuiltPrompt, buildPrompt } from './prompts';
import type { AiSettings } from './settings';
import { threadSummaryInput } from './summary';

/** Where a prompt goes and what it carries, as the person sees it before sending. */
function promptView(settings: AiSettings, prompt: BuiltPrompt) {
  return {
    provider: settings.provider,
    destination: endpointOriginOf(settings),
    messages: prompt.messages,
    characters: prompt.characters,
    excluded: prompt.excluded,
    leftOut: prompt.leftOut,
    restorations: prompt.restorations,
  };
}

export type DraftRequest = { kind: DraftKind; instructions?: string; exclude: readonly RedactableField[] };

/** A comment draft for a pending plan's comment (AI must be on for the plan's Kitsu: checked before). */
export async function prepareDraft(
  pending: { plan: Plan; preview: PlanPreview },
  settings: AiSettings,
  reads: Pick<SessionReads, 'project' | 'persons'>,
  request: DraftRequest,
): Promise<AiPreparedDraft> {
  const { plan, preview } = pending;
  const [project, persons] = await Promise.all([reads.project('swr', plan.projectId), reads.persons('swr')]);
  const input = commentDraftInput(plan, preview, {
    kind: request.kind,
    instructions: request.instructions,
    production: project.name,
  });
  const prompt = buildPrompt(
    { purpose: 'comment-draft', input },
    { exclude: request.exclude, knownNames: persons.map((person) => person.full_name) },
  );
  return { host: plan.host, kind: request.kind, ...promptView(settings, prompt), currentText: input.currentText };
}

/** A summary of a task's thread (AI must be on for that Kitsu: checked before). */
export async function prepareSummary(
  host: string,
  taskId: string,
  settings: AiSettings,
  reads: Pick<SessionReads, 'fullTask' | 'taskComments' | 'persons' | 'taskStatuses'>,
  exclude: readonly RedactableField[],
): Promise<AiPreparedSummary> {
  const [task, comments, persons, statuses] = await Promise.all([
    reads.fullTask('swr', taskId),
    reads.taskComments('swr', taskId),
    reads.persons('swr'),
    reads.taskStatuses('swr'),
  ]);
  const input = threadSummaryInput(task, comments, { persons, statuses });
  const prompt = buildPrompt(
    { purpose: 'thread-summary', input },
    { exclude, knownNames: persons.map((person) => person.full_name) },
  );
  return {
    host,
    ...promptView(settings, prompt),
    taskLabel: input.taskLabel,
    commentCount: comments.length,
  };
}
