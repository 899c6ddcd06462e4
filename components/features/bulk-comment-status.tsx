import { useEffect, useState } from 'preact/hooks';
import { askWith } from '../../lib/messaging/client';
import { type AnswerOf, bulkChoicesAnswer, planProposalAnswer } from '../../lib/messaging/protocol';
import { defineFeature, type FeatureProps } from './types';

type Choices = AnswerOf<'bulk/choices'>;

/**
 * "Comment and set status" on the tasks of this list that match a filter. It only proposes: the
 * plan opens in Sidekick's confirm window, where a person reviews and confirms it.
 */
function BulkCommentStatus({ context, signal }: FeatureProps) {
  const [choices, setChoices] = useState<Choices | null>(null);
  const [taskTypeId, setTaskTypeId] = useState('');
  const [fromStatusId, setFromStatusId] = useState('');
  const [toStatusId, setToStatusId] = useState('');
  const [nameFilter, setNameFilter] = useState('');
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    askWith(bulkChoicesAnswer, { type: 'bulk/choices', url: location.href })
      .then((answer) => {
        if (signal.aborted) return;
        setChoices(answer);
        if (answer.taskTypes.length === 1) setTaskTypeId(answer.taskTypes[0]?.id ?? '');
      })
      .catch((error: unknown) => !signal.aborted && setMessage(errorText(error)));
  }, [signal]);

  async function propose(event: Event) {
    event.preventDefault();
    setBusy(true);
    setMessage('Reading the tasks from Kitsu…');
    try {
      const answer = await askWith(planProposalAnswer, {
        type: 'bulk/comment-status',
        url: location.href,
        filter: {
          ...(taskTypeId ? { taskTypeId } : {}),
          ...(fromStatusId ? { statusId: fromStatusId } : {}),
          ...(nameFilter.trim() ? { text: nameFilter.trim() } : {}),
        },
        statusId: toStatusId || null,
        text,
      });
      setMessage(
        `A plan of ${answer.operationCount} change${answer.operationCount > 1 ? 's' : ''} is waiting for your confirmation in Sidekick’s window.`,
      );
    } catch (error) {
      setMessage(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  if (!choices) return <p class="sk-muted">{message || 'Loading…'}</p>;
  return (
    <form class="sk-bulk" onSubmit={propose} data-testid="bulk-comment-status" data-page-kind={context.kind}>
      <label>
        Task type
        <select
          value={taskTypeId}
          onChange={(event) => setTaskTypeId(event.currentTarget.value)}
          data-testid="bulk-task-type"
        >
          {choices.taskTypes.length > 1 ? <option value="">All task types</option> : null}
          {choices.taskTypes.map((taskType) => (
            <option key={taskType.id} value={taskType.id}>
              {taskType.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Only tasks in
        <select
          value={fromStatusId}
          onChange={(event) => setFromStatusId(event.currentTarget.value)}
          data-testid="bulk-from-status"
        >
          <option value="">any status</option>
          {choices.statuses.map((status) => (
            <option key={status.id} value={status.id}>
              {status.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Name contains
        <input
          value={nameFilter}
          onInput={(event) => setNameFilter(event.currentTarget.value)}
          data-testid="bulk-name"
        />
      </label>
      <label>
        Set status
        <select
          value={toStatusId}
          onChange={(event) => setToStatusId(event.currentTarget.value)}
          data-testid="bulk-to-status"
        >
          <option value="">keep each task’s status</option>
          {choices.statuses.map((status) => (
            <option key={status.id} value={status.id}>
              {status.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Comment
        <textarea
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
          rows={3}
          required
          data-testid="bulk-text"
        />
      </label>
      <button type="submit" class="sk-dock__action" disabled={busy || !text.trim()} data-testid="bulk-preview">
        Preview the plan…
      </button>
      <p role="status" class="sk-muted" data-testid="bulk-message">
        {message}
      </p>
    </form>
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const bulkCommentStatus = defineFeature({
  id: 'bulk-comment-status',
  title: 'Comment and set status',
  include: (context) =>
    (context.kind === 'entity-list' || context.kind === 'task-type') &&
    (context.entityType === 'shot' || context.entityType === 'asset'),
  Panel: BulkCommentStatus,
});
