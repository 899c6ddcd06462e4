import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { ask, failureText } from '../lib/messaging/client';
import type { AiPreparedSummary } from '../lib/messaging/protocol';
import { AnswerText, PromptReview, useAiPrompt } from './AiOutgoing';

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
  const prompt = useAiPrompt();
  const { exclude, answer } = prompt;
  const [prepared, setPrepared] = useState<AiPreparedSummary | null>(null);

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
      <PromptReview
        prompt={prompt}
        prepared={prepared}
        testId="ai-summary"
        sendLabel={t('aiSummarySend')}
        doneMessage={t('aiSummaryDone')}
        primary
      >
        <button type="button" onClick={() => window.close()}>
          {t('close')}
        </button>
      </PromptReview>
      <AnswerText answer={answer} id="sk-ai-summary" testId="ai-summary" label={t('aiSummaryLabel')} rows={10} />
      <p role="status" aria-live="polite" data-testid="ai-summary-message">
        {answer.message}
      </p>
    </main>
  );
}
