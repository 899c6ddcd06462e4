import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { askModel, type RunningAnswer } from '../lib/ai/page-client';
import { restoreNames } from '../lib/ai/redaction';
import type { ChatMessage } from '../lib/ai/types';
import { type MessageName, t } from '../lib/i18n';
import { ask, failureText } from '../lib/messaging/client';
import type { AiSettingsAnswer } from '../lib/messaging/protocol';
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
function AiExclusions({
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
function AiOutgoing({ prepared, testId }: { prepared: PreparedPrompt | null; testId: string }) {
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
type ModelAnswer = ReturnType<typeof useModelAnswer>;

function useModelAnswer(provider: AiProviderKind) {
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

/**
 * A page's prompt to the configured model: the AI settings, read once (a failure to read them is said
 * where the answer's messages go), the fields the prompt leaves out (the settings' choice until the
 * person changes it here; null until read) and the model's answer.
 */
export function useAiPrompt() {
  const [settings, setSettings] = useState<AiSettingsAnswer | null>(null);
  const [exclude, setExclude] = useState<RedactableField[] | null>(null);
  const answer = useModelAnswer(settings?.provider ?? 'off');
  useEffect(() => {
    ask({ type: 'ai/settings/get' })
      .then((current) => {
        setSettings(current);
        setExclude(current.exclude);
      })
      .catch((error: unknown) => answer.setMessage(failureText(error)));
  }, []);
  return { settings, exclude, setExclude, answer };
}

type SendProps = {
  answer: ModelAnswer;
  prepared: PreparedPrompt | null;
  /** `<testId>-send`, `<testId>-cancel`. */
  testId: string;
  label: string;
  /** Said once the answer is in. */
  doneMessage: string;
  primary?: boolean;
};

/** Sends the prompt shown above, on a person's click only; Cancel while the answer streams. */
function SendPrompt({ answer, prepared, testId, label, doneMessage, primary = false }: SendProps) {
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

type PromptReviewProps = Omit<SendProps, 'label' | 'answer'> & {
  prompt: ReturnType<typeof useAiPrompt>;
  sendLabel: string;
  /** More buttons after Send. */
  children?: ComponentChildren;
};

/** What the person reviews before a prompt leaves: what to leave out, what would be sent, and Send. */
export function PromptReview({ prompt, prepared, testId, sendLabel, children, ...send }: PromptReviewProps) {
  const { exclude, setExclude, answer } = prompt;
  return (
    <>
      {/* Null until the settings are read: there is no choice to show yet. */}
      {exclude ? <AiExclusions exclude={exclude} onChange={setExclude} testId={testId} /> : null}
      <AiOutgoing prepared={prepared} testId={testId} />
      <div class="sk-form__actions">
        <SendPrompt answer={answer} prepared={prepared} testId={testId} label={sendLabel} {...send} />
        {children}
      </div>
    </>
  );
}

type AnswerTextProps = {
  answer: ModelAnswer;
  id: string;
  /** `<testId>-text`. */
  testId: string;
  label: string;
  rows: number;
  /** The person may rework the answer once it is in (read-only while it streams). */
  editable?: boolean;
};

/** The model's answer, only ever as text in a text box. */
export function AnswerText({ answer, id, testId, label, rows, editable = false }: AnswerTextProps) {
  return (
    <>
      <label for={id}>{label}</label>
      <textarea
        id={id}
        data-testid={`${testId}-text`}
        style={{ display: 'block', width: '100%', boxSizing: 'border-box' }}
        rows={rows}
        readOnly={editable ? answer.streaming : true}
        value={answer.text}
        onInput={editable ? (event) => answer.setText(event.currentTarget.value) : undefined}
      />
    </>
  );
}
