// The batch-publish plan: one publish-preview operation per file, built from
// the files the person matched and the tasks as Kitsu has them now. Pure.
import { t } from '../i18n/pure';
import type { Plan } from '../plans/model';
import { escapeMarkdown } from './markdown';

export const DEFAULT_COMMENT_TEMPLATE = 'New version: {file} (v{version})';

export interface PublishItem {
  file: { id: string; name: string; size: number; type: string };
  taskId: string;
  version: number | null;
}

export interface PublishTask {
  id: string;
  task_status_id: string;
  /** "E01 / SQ010 / SH0010 / Animation" */
  label: string;
}

export interface PublishPlanInput {
  planId: string;
  now: Date;
  host: string;
  projectId: string;
  items: readonly PublishItem[];
  tasks: ReadonlyMap<string, PublishTask>;
  /** "{file}" (its Markdown escaped), "{version}" and "{task}" are replaced; a part in parentheses about an unknown version is left out. */
  template: string;
  /** The status every comment sets; null keeps each task's status. */
  statusId: string | null;
}

export function commentText(template: string, item: { fileName: string; version: number | null; taskLabel: string }) {
  const withoutVersion =
    item.version === null
      ? template.replace(/\s*\([^()]*\{version\}[^()]*\)/g, '').replace(/\{version\}/g, '?')
      : template;
  // Replaced by functions: a "$&" in a name is text, not a replacement pattern.
  return withoutVersion
    .replace(/\{file\}/g, () => escapeMarkdown(item.fileName))
    .replace(/\{version\}/g, () => String(item.version).padStart(3, '0'))
    .replace(/\{task\}/g, () => item.taskLabel)
    .trim();
}

export class PublishPlanError extends Error {
  override name = 'PublishPlanError';
}

export function buildPublishPlan(input: PublishPlanInput): Plan {
  if (input.items.length === 0) throw new PublishPlanError(t('refusalPublishNoItem'));
  const operations = input.items.map((item, index) => {
    const task = input.tasks.get(item.taskId);
    if (!task) throw new PublishPlanError(t('refusalPublishTaskGone', { file: item.file.name }));
    const changes = input.statusId !== null && input.statusId !== task.task_status_id;
    const text = commentText(input.template, {
      fileName: item.file.name,
      version: item.version,
      taskLabel: task.label,
    });
    if (!text) throw new PublishPlanError(t('refusalPublishEmptyComment'));
    return {
      id: `publish-${index + 1}`,
      kind: 'publish-preview' as const,
      taskId: task.id,
      taskLabel: task.label,
      // A person who changed the status since the preview decided something: the file waits for them.
      preconditions: { statusId: task.task_status_id },
      file: item.file,
      text,
      ...(changes && input.statusId ? { statusBefore: task.task_status_id, statusAfter: input.statusId } : {}),
    };
  });
  const total = input.items.length;
  return {
    id: input.planId,
    title: `Publish ${total} preview${total > 1 ? 's' : ''}`,
    origin: { kind: 'publish', id: 'batch-publish' },
    createdAt: input.now.toISOString(),
    host: input.host,
    projectId: input.projectId,
    operations,
  };
}
