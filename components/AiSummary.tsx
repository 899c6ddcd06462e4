import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { ask, failureText } from '../lib/messaging/client';
import type { AiPreparedSummary, AiSettingsAnswer } from '../lib/messaging/protocol';
import type { RedactableField } from '../lib/messaging/protocol/ai';
import { AiExclusions, AiOutgoing, SendPrompt, useModelAnswer } from './AiOutgoing';

/** `#summary/<Kitsu origin>/<task id>`: the window a task page's "Summarise thread" opens. */
export function summaryTarget(hash: string): { host: string; taskId: string } | null {
  const match = /^#summary\/([^/]+)\/([^/]+)$/.exec(hash);
  if (!match?.[1] || !match[2]) return null;
  return { host: decodeURIComponent(match[1]), taskId: decodeURIComponent(match[2]) };
}

/**
 * A summary of a task's thread by the configured model, on top of the extractive thread digest: the
 * prompt is shown first, sent on a click, and the answer is read-only text. It changes nothing in Kitsu.
 */
export function AiSummary({ host, taskId }: { host: string; taskId: string }) {
  const [settings, setSettings] = useState<AiSettingsAnswer | null>(null);
  const [exclude, setExclude] = useState<RedactableField[] | null>(null);
  const [prepared, setPrepared] = useState<AiPreparedSummary | null>(null);
  const answer = useModelAnswer(settings?.provider ?? 'off');

  useEffect(() => {
    ask({ type: 'ai/settings/get' })
      .then((current) => {
        setSettings(current);
        setExclude(current.exclude);
      })
      .catch((error: unknown) => answer.setMessage(failureText(error)));
  }, []);

  useEffect(() => {
    if (!exclude) return;
    setPrepared(null);
    ask({ type: 'ai/prepare-summary', host, taskId, exclude })
      .then(setPrepared)
      .catch((error: unknown) => answer.setMessage(failureText(error)));
  }, [exclude]);

  return (
    <main class="sk-confirm" data-testid="ai-summary">
      <h1>{prepared ? t('aiSummaryTitleOf', { task: prepared.taskLabel }) : t('aiSummaryTitle')}</h1>
      <p class="sk-muted">
        {t('aiSummaryOn', { host })} {prepared ? `${t('aiSummaryComments', { count: prepared.commentCount })} ` : ''}
        {t('aiSummaryNothingSent')}
      </p>
      {exclude ? <AiExclusions exclude={exclude} onChange={setExclude} testId="ai-summary" /> : null}
      <AiOutgoing prepared={prepared} testId="ai-summary" />
      <div class="sk-form__actions">
        <SendPrompt
          answer={answer}
          prepared={prepared}
          testId="ai-summary"
          label={t('aiSummarySend')}
          doneMessage={t('aiSummaryDone')}
          primary
        />
        <button type="button" onClick={() => window.close()}>
          {t('close')}
        </button>
      </div>
      <label for="sk-ai-summary">{t('aiSummaryLabel')}</label>
      <textarea
        id="sk-ai-summary"
        data-testid="ai-summary-text"
        style={{ display: 'block', width: '100%', boxSizing: 'border-box' }}
        rows={10}
        readOnly
        value={answer.text}
      />
      <p role="status" aria-live="polite" data-testid="ai-summary-message">
        {answer.message}
      </p>
    </main>
  );
}
