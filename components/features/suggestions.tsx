import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { FeatureProps } from '../../lib/dock/feature';
import { t } from '../../lib/i18n/page';
import { askWith, failureText } from '../../lib/messaging/client';
import {
  type AnswerOf,
  agentDismissAnswer,
  agentSuggestionsAnswer,
  planProposalAnswer,
} from '../../lib/messaging/protocol';
import { EmptyState, MiddleText, Skeleton } from '../ui/chips';
import { useReadFailure } from './read-failure';

type View = AnswerOf<'agent/suggestions'>;

/**
 * What the agent's rules found on this page, grouped by rule. It only shows and proposes: "Review
 * plan…" opens the plan in Sidekick's confirm window; dismissals are kept per Kitsu by the background.
 * A lazy panel (./lazy-panels.ts): it re-reads when live events change the page's data (dataVersion).
 */
export function Suggestions({ signal, dataVersion, onCount, onReadFailed }: FeatureProps) {
  const [view, setView] = useState<View | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [reads, setReads] = useState(0);
  const read = useReadFailure(setMessage, onReadFailed);

  useEffect(() => {
    askWith(agentSuggestionsAnswer, { type: 'agent/suggestions', url: location.href })
      .then((answer) => {
        if (signal.aborted) return;
        setView(answer);
        read.succeeded();
        onCount?.(answer.groups.reduce((total, group) => total + group.count, 0));
      })
      .catch((error: unknown) => !signal.aborted && read.failed(error));
  }, [signal, dataVersion, reads]);

  async function act(work: () => Promise<string | undefined>) {
    setBusy(true);
    try {
      const done = await work();
      if (done !== undefined) setMessage(done);
    } catch (error) {
      setMessage(failureText(error));
    } finally {
      setBusy(false);
    }
  }

  // Read the panel again from the background (its reads are cached): the dismissed one is gone.
  const hide = (id: string, days: number | null) =>
    act(async () => {
      await askWith(agentDismissAnswer, { type: 'agent/dismiss', url: location.href, suggestionId: id, days });
      setReads((count) => count + 1);
      return undefined;
    });

  const review = (id: string) =>
    act(async () => {
      setMessage(t('readingTasks'));
      const { operationCount } = await askWith(planProposalAnswer, {
        type: 'agent/review-plan',
        url: location.href,
        suggestionId: id,
      });
      return t('planWaiting', { count: operationCount });
    });

  if (!view)
    return message ? <p class="sk-muted">{message}</p> : <Skeleton lines={3} label={t('suggestionsReading')} />;
  return (
    <div class="sk-suggestions" data-testid="suggestions">
      {view.groups.length === 0 ? (
        <EmptyState title={t('suggestionsNone')} action={t('suggestionsNoneAction')} />
      ) : null}
      {view.groups.map((group) => (
        <section key={group.ruleId} data-testid="suggestion-group" data-rule={group.ruleId}>
          <h4 class="sk-section__title">
            {group.name} <span data-testid="suggestion-count">{group.count}</span>
          </h4>
          {view.suggestions
            .filter((s) => s.ruleId === group.ruleId)
            .map((s) => (
              <details key={s.id} data-testid="suggestion" data-suggestion-id={s.id} data-severity={s.severity}>
                <summary>
                  {s.severity === 'info' ? '' : s.severity === 'critical' ? '‼ ' : '! '}
                  {s.title}
                </summary>
                <ul>
                  {s.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                  {s.reasonCount > s.reasons.length ? (
                    <li class="sk-muted">{t('andMore', { count: s.reasonCount - s.reasons.length })}</li>
                  ) : null}
                </ul>
                {s.tasks.length ? (
                  <p data-testid="suggestion-tasks">
                    {s.tasks.map((task, position) => (
                      <Fragment key={task.url}>
                        {position ? ', ' : `${t('suggestionsTasks')} `}
                        <a href={task.url} data-testid="suggestion-task">
                          <MiddleText text={task.label} max={48} />
                        </a>
                      </Fragment>
                    ))}
                    {s.taskCount > s.tasks.length ? ` ${t('andMore', { count: s.taskCount - s.tasks.length })}` : ''}
                  </p>
                ) : null}
                <p>
                  {s.hasPlan && s.actionable ? (
                    <button type="button" disabled={busy} onClick={() => review(s.id)} data-testid="suggestion-review">
                      {t('reviewPlan')}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => hide(s.id, null)}
                    data-testid="suggestion-dismiss"
                  >
                    {t('suggestionsDismiss')}
                  </button>
                  <button type="button" disabled={busy} onClick={() => hide(s.id, 1)}>
                    {t('suggestionsSnoozeDay')}
                  </button>
                  <button type="button" disabled={busy} onClick={() => hide(s.id, 7)}>
                    {t('suggestionsSnoozeWeek')}
                  </button>
                </p>
              </details>
            ))}
          {group.count > 20 ? <p class="sk-muted">{t('andMore', { count: group.count - 20 })}</p> : null}
        </section>
      ))}
      {view.humanDecisionsUnchecked ? (
        <p class="sk-muted" data-testid="suggestions-human-unchecked">
          {t('suggestionsHumanUnchecked', { reason: view.humanDecisionsUnchecked })}
        </p>
      ) : null}
      <p role="status" class="sk-muted" data-testid="suggestions-message">
        {message}
        {view.hidden ? ` ${t('suggestionsHidden', { count: view.hidden })}` : ''}
      </p>
    </div>
  );
}
