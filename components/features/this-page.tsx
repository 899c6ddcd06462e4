import { useEffect, useState } from 'preact/hooks';
import { defineFeature, type FeatureProps } from '../../lib/dock/feature';
import { t } from '../../lib/i18n/page';
import { askWith, failureText } from '../../lib/messaging/client';
import { type AnswerOf, pageOverviewAnswer } from '../../lib/messaging/protocol';

type Overview = AnswerOf<'page/overview'>;

/** What Sidekick understood of the page, with names from Kitsu, and how it is connected. */
function ThisPage({ context, signal, dataVersion, onReadFailed }: FeatureProps) {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    // askWith, not ask: the content script then bundles this one answer schema, not all of them.
    askWith(pageOverviewAnswer, { type: 'page/overview', url: location.href })
      .then((answer) => {
        if (signal.aborted) return;
        setOverview(answer);
        setFailure(null);
      })
      .catch((error: unknown) => {
        if (signal.aborted) return;
        setFailure(failureText(error));
        onReadFailed?.();
      });
  }, [signal, dataVersion]);

  const names = overview?.names;
  return (
    <div class="sk-this-page" data-testid="this-page" data-page-kind={context.kind}>
      <p class="sk-this-page__where" data-testid="this-page-where">
        {overview?.where ?? '…'}
      </p>
      {names ? (
        <dl class="sk-facts" data-testid="this-page-names">
          {names.production ? <Fact label={t('pageProduction')} value={names.production} /> : null}
          {names.episode ? <Fact label={t('pageEpisode')} value={names.episode} /> : null}
          {names.entity ? <Fact label={names.entityType ?? t('pageEntity')} value={names.entity} /> : null}
          {names.taskType ? <Fact label={t('pageTaskType')} value={names.taskType} /> : null}
          {names.taskStatus ? <Fact label={t('pageStatus')} value={names.taskStatus} /> : null}
        </dl>
      ) : null}
      <p
        class={`sk-connection sk-connection--${overview?.connection.state ?? 'unknown'}`}
        data-testid="connection-state"
      >
        {failure ?? overview?.connection.message ?? t('pageConnecting')}
      </p>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

export const thisPage = defineFeature({
  id: 'this-page',
  title: t('featureThisPage'),
  include: () => true,
  Panel: ThisPage,
});
