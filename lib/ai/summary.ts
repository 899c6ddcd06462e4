// From a task as Kitsu gives it (the full task and its comments) to the input of a thread summary.
import type { Comment } from '../kitsu/schemas';
import type { FullTask } from '../kitsu/schemas-views';
import type { ThreadSummaryInput } from './prompts';

export function threadSummaryInput(
  task: Pick<FullTask, 'entity' | 'task_type' | 'task_status' | 'project'>,
  comments: readonly Comment[],
  names: { persons: readonly { id: string; full_name: string }[]; statuses: readonly { id: string; name: string }[] },
): ThreadSummaryInput {
  const person = new Map(names.persons.map((each) => [each.id, each.full_name]));
  const status = new Map(names.statuses.map((each) => [each.id, each.name]));
  return {
    taskLabel: `${task.entity.name} / ${task.task_type.name}`,
    status: task.task_status.name,
    production: task.project.name,
    comments: [...comments]
      .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id))
      .map((comment) => ({
        author: comment.person?.full_name ?? person.get(comment.person_id) ?? 'Someone',
        date: comment.created_at,
        status: comment.task_status?.name ?? status.get(comment.task_status_id) ?? '',
        text: comment.text?.trim() || '(status change, no text)',
      })),
  };
}
