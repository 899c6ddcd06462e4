import { useEffect, useRef, useState } from 'preact/hooks';
import { askModel, type RunningAnswer } from '../lib/ai/page-client';
import { REDACTABLE_FIELDS, REDACTABLE_LABELS, type RedactableField, restoreNames } from '../lib/ai/redaction';
import type { AiProviderKind, ChatMessage } from '../lib/ai/types';
import { failureText } from '../lib/messaging/client';

/** What a prompt prepared by the background holds, whatever it is for. */
export type PreparedPrompt = {
  host: string;
  destination: string | null;
  messages: ChatMessage[];
  characters: number;
  excluded: string[];
  leftOut: string[];
  restorations: Record<string, string>;
};

/** The fields the person leaves out of this prompt. */
export function AiExclusions({
  exclude,
  onChange,
  testId,
}: {
  exclude: RedactableField[];
  onChange: (exclude: RedactableField[]) => void;
  testId: string;
}) {
  return (
    <fieldset>
      <legend>Leave out</legend>
      {REDACTABLE_FIELDS.map((field) => (
        <label key={field} class="sk-settings__row">
          <input
            type="checkbox"
            data-testid={`${testId}-exclude-${field}`}
            checked={exclude.includes(field)}
            onChange={(event) =>
              onChange(event.currentTarget.checked ? [...exclude, field] : exclude.filter((each) => each !== field))
            }
          />{' '}
          {REDACTABLE_LABELS[field]}
        </label>
      ))}
    </fieldset>
  );
}

/** Exactly what will be sent, where, its size and what was kept back: shown before the first call. */
export function AiOutgoing({ prepared, testId }: { prepared: PreparedPrompt | null; testId: string }) {
  return (
    <div data-testid={`${testId}-outgoing`}>
      <h3>What will be sent</h3>
      {prepared ? (
        <>
          <p data-testid={`${testId}-size`}>
            {prepared.characters} characters in {prepared.messages.length} messages, to{' '}
            {prepared.destination ?? 'the browser’s built-in model, on this computer'}.
          </p>
          <p class="sk-muted">
            Left out: {prepared.excluded.length > 0 ? prepared.excluded.join(', ') : 'nothing'}.
            {prepared.leftOut.length > 0 ? ` Not sent, to keep it short: ${prepared.leftOut.join(', ')}.` : ''}
          </p>
          <pre data-testid={`${testId}-prompt`} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {prepared.messages.map((each) => `[${each.role}]\n${each.content}`).join('\n\n')}
          </pre>
        </>
      ) : (
        <p role="status">Preparing…</p>
      )}
    </div>
  );
}

/**
 * A model's answer to a prepared prompt, streamed into text (names given back on this side); only a
 * click sends, and the answer is only ever text in the page.
 */
export function useModelAnswer(provider: AiProviderKind) {
  const [text, setText] = useState('');
  const [streaming, setStreaming] = useState(false);
  const [message, setMessage] = useState('');
  const running = useRef<RunningAnswer | null>(null);
  useEffect(() => () => running.current?.cancel(), []);

  function send(prepared: PreparedPrompt, doneMessage: string) {
    let raw = '';
    setText('');
    setMessage('');
    setStreaming(true);
    const answer = askModel(provider, { host: prepared.host, messages: prepared.messages }, (delta) => {
      raw += delta;
      setText(restoreNames(raw, prepared.restorations));
    });
    running.current = answer;
    answer.done
      .then((whole) => {
        setText(restoreNames(whole, prepared.restorations).trim());
        setMessage(doneMessage);
      })
      .catch((error: unknown) => setMessage(failureText(error)))
      .finally(() => {
        running.current = null;
        setStreaming(false);
      });
  }
  return { text, setText, streaming, message, setMessage, send, cancel: () => running.current?.cancel() };
}
