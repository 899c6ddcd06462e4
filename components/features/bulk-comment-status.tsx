import { useEffect, useState } from 'preact/hooks';
import { askWith, failureText } from '../../lib/messaging/client';
import { type AnswerOf, bulkChoicesAnswer, planProposalAnswer } from '../../lib/messaging/protocol';
import type { FeatureProps } from './types';

type Choices = AnswerOf<'bulk/choices'>;

/**
 * "Comment and set status" on the tasks of this list that match a filter. It only proposes: the
 * plan opens in Sidekick's confirm window, where a person reviews and confirms it.
 */
export function BulkCommentStatus({ context, signal }: FeatureProps) {
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
      .catch((error: unknown) => !signal.aborted && setMessage(failureText(error)));
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
      setMessage(failureText(error));
    } finally {
      setBusy(false);
    }
  }

  if (!choices) return <p class="sk-muted">{message || 'Loading…'}</p>;
  return (
    <form class="sk-bulk" onSubmit={propose} data-testid="bulk-comment-status" data-page-kind={context.kind}>
      <Choice
        label="Task type"
        testId="bulk-task-type"
        value={taskTypeId}
        onChange={setTaskTypeId}
        none={choices.taskTypes.length > 1 ? 'All task types' : null}
        options={choices.taskTypes}
      />
      <Choice
        label="Only tasks in"
        testId="bulk-from-status"
        value={fromStatusId}
        onChange={setFromStatusId}
        none="any status"
        options={choices.statuses}
      />
      <label>
        Name contains
        <input
          value={nameFilter}
          onInput={(event) => setNameFilter(event.currentTarget.value)}
          data-testid="bulk-name"
        />
      </label>
      <Choice
        label="Set status"
        testId="bulk-to-status"
        value={toStatusId}
        onChange={setToStatusId}
        none="keep each task’s status"
        options={choices.statuses}
      />
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

/** A labelled select over named Kitsu things; `none` is the empty choice's wording (null: no empty choice). */
function Choice(props: {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  none: string | null;
  options: readonly { id: string; name: string }[];
}) {
  return (
    <label>
      {props.label}
      <select
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value)}
        data-testid={props.testId}
      >
        {props.none === null ? null : <option value="">{props.none}</option>}
        {props.options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}
