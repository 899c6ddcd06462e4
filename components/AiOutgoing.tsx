import { useEffect, useRef, useState } from 'preact/hooks';
import { askModel, type RunningAnswer } from '../lib/ai/page-client';
import { restoreNames } from '../lib/ai/redaction';
import type { ChatMessage } from '../lib/ai/types';
import { type MessageName, t } from '../lib/i18n';
import { failureText } from '../lib/messaging/client';
import { type AiProviderKind, REDACTABLE_FIELDS, type RedactableField } from '../lib/messaging/protocol/ai';

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

/** How each field a prompt can leave out is named, in the settings and before sending. */
export const REDACTABLE_FIELD_LABELS: Record<RedactableField, MessageName> = {
  names: 'aiFieldNames',
  emails: 'aiFieldEmails',
  links: 'aiFieldLinks',
  production: 'aiFieldProduction',
  labels: 'aiFieldLabels',
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
      <legend>{t('aiLeaveOut')}</legend>
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
          {t(REDACTABLE_FIELD_LABELS[field])}
        </label>
      ))}
    </fieldset>
  );
}

/** Exactly what will be sent, where, its size and what was kept back: shown before the first call. */
export function AiOutgoing({ prepared, testId }: { prepared: PreparedPrompt | null; testId: string }) {
  return (
    <div data-testid={`${testId}-outgoing`}>
      <h3>{t('aiOutgoingTitle')}</h3>
      {prepared ? (
        <>
          <p data-testid={`${testId}-size`}>
            {t('aiOutgoingSize', {
              characters: prepared.characters,
              count: prepared.messages.length,
              destination: prepared.destination ?? t('aiOutgoingBuiltIn'),
            })}
          </p>
          <p class="sk-muted">
            {t('aiOutgoingLeftOut', {
              fields: prepared.excluded.length > 0 ? prepared.excluded.join(', ') : t('aiOutgoingNothing'),
            })}
            {prepared.leftOut.length > 0 ? ` ${t('aiOutgoingShortened', { items: prepared.leftOut.join(', ') })}` : ''}
          </p>
          <pre data-testid={`${testId}-prompt`} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {prepared.messages.map((each) => `[${each.role}]\n${each.content}`).join('\n\n')}
          </pre>
        </>
      ) : (
        <p role="status">{t('aiPreparing')}</p>
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

type SendProps = {
  answer: ReturnType<typeof useModelAnswer>;
  prepared: PreparedPrompt | null;
  /** `<testId>-send`, `<testId>-cancel`. */
  testId: string;
  label: string;
  /** Said once the answer is in. */
  doneMessage: string;
  primary?: boolean;
};

/** Sends the prompt shown above, on a person's click only; Cancel while the answer streams. */
export function SendPrompt({ answer, prepared, testId, label, doneMessage, primary = false }: SendProps) {
  return (
    <>
      <button
        type="button"
        class={primary ? 'sk-primary' : undefined}
        data-testid={`${testId}-send`}
        disabled={!prepared || answer.streaming}
        onClick={(event) => {
          if (event.isTrusted && prepared) answer.send(prepared, doneMessage);
        }}
      >
        {label}
      </button>
      {answer.streaming ? (
        <button type="button" data-testid={`${testId}-cancel`} onClick={answer.cancel}>
          {t('cancel')}
        </button>
      ) : null}
    </>
  );
}
