// From a pending plan to the input of a comment draft, and from the settings form to stored
// settings. Pure: the background gives the plan, its preview and the names it read.
import { t } from '../i18n/pure';
import type { PlanPreview } from '../messaging/protocol';
import type { AiProviderKind, DraftKind, RedactableField } from '../messaging/protocol/ai';
import type { Plan } from '../plans/model';
import { AiError } from './errors';
import { chatCompletionsUrl } from './openai-compatible';
import type { CommentDraftInput } from './prompts';
import type { AiSettings } from './settings';

export function commentDraftInput(
  plan: Plan,
  preview: PlanPreview,
  options: { kind: DraftKind; instructions?: string; production?: string },
): CommentDraftInput {
  const comments = plan.operations.filter((op) => op.kind === 'comment');
  const first = comments[0];
  if (!first) throw new AiError('unavailable', t('errorAiNothingToDraft'));
  const commented = new Set(comments.map((op) => op.taskId));
  const changes = preview.tasks
    .filter((task) => commented.has(task.taskId))
    .flatMap((task) => task.lines.filter((line) => line.field !== 'comment').map((line) => line.text));
  return {
    kind: options.kind,
    taskLabels: [...new Set(comments.map((op) => op.taskLabel))],
    currentText: first.text,
    changes: [...new Set(changes)],
    recipients: preview.notifiedPeople.map((person) => person.name),
    ...(options.production ? { production: options.production } : {}),
    ...(options.instructions ? { instructions: options.instructions } : {}),
  };
}

export type AiSettingsForm = {
  provider: AiProviderKind;
  endpoint: string;
  model: string;
  key?: string;
  forgetKey?: boolean;
  enabledHosts: string[];
  exclude: RedactableField[];
  answerTimeoutSeconds: number;
};

/** The endpoint's origin the settings send to, or null (off, built-in). */
export function endpointOriginOf(settings: Pick<AiSettings, 'provider' | 'endpoint'>): string | null {
  if (settings.provider !== 'openai-compatible') return null;
  const endpoint = chatCompletionsUrl(settings.endpoint);
  return endpoint.ok ? endpoint.origin : null;
}

/** The settings a saved form makes; refuses an endpoint it cannot use. The key is kept unless replaced or forgotten. */
export function settingsFromForm(current: AiSettings, form: AiSettingsForm): AiSettings {
  let endpoint = form.endpoint;
  if (form.provider === 'openai-compatible') {
    const checked = chatCompletionsUrl(form.endpoint);
    if (!checked.ok) throw new AiError('unavailable', checked.reason);
    if (!form.model) throw new AiError('unavailable', t('errorAiModelMissing'));
    endpoint = checked.url;
  }
  const key = form.forgetKey ? undefined : form.key || current.key;
  return {
    provider: form.provider,
    endpoint,
    model: form.model,
    ...(key ? { key } : {}),
    enabledHosts: [...new Set(form.enabledHosts)].sort(),
    exclude: [...new Set(form.exclude)],
    answerTimeoutSeconds: form.answerTimeoutSeconds,
  };
}
