import { useEffect, useState } from 'preact/hooks';
import { format, t } from '../lib/i18n';
import { KITSU_ROLE_NAMES } from '../lib/i18n/role-names';
import { ask, failureText } from '../lib/messaging/client';
import type { AnswerOf } from '../lib/messaging/protocol';
import { EmptyState, MiddleText, Skeleton } from './ui/chips';

type PopupState = AnswerOf<'popup/state'>;

/** The current tab's connection, the cache's figures, and the pause switch. */
export function PopupStatus({ tabOrigin }: { tabOrigin: Promise<string | null> }) {
  const [state, setState] = useState<PopupState | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    tabOrigin
      .then((origin) => ask({ type: 'popup/state', origin }))
      .then(setState)
      .catch((error: unknown) => setFailure(failureText(error)));
  }, [tabOrigin]);

  async function togglePause(paused: boolean) {
    const answer = await ask({ type: 'settings/set-paused', paused });
    setState((current) => (current ? { ...current, paused: answer.paused } : current));
  }

  if (failure) return <p role="alert">{failure}</p>;
  if (!state) return <Skeleton lines={4} label={t('popupReading')} />;
  const { connection } = state;
  return (
    <div class="sk-popup-status">
      {connection ? (
        <dl class="sk-facts" data-testid="popup-connection">
          <dt>{t('popupKitsu')}</dt>
          <dd>
            <MiddleText text={connection.label} max={34} />
            {connection.kitsuVersion ? ` ${t('popupKitsuVersion', { version: connection.kitsuVersion })}` : ''}
          </dd>
          <dt>{t('popupState')}</dt>
          <dd class={`sk-connection--${connection.state}`} data-testid="popup-connection-state">
            {connection.message}
          </dd>
          {connection.role ? (
            <>
              <dt>{t('popupRole')}</dt>
              <dd>{t(KITSU_ROLE_NAMES[connection.role])}</dd>
            </>
          ) : null}
          <dt>{t('popupLive')}</dt>
          <dd data-testid="popup-live">{liveLine(connection.live)}</dd>
          <dt>{t('popupCache')}</dt>
          <dd data-testid="popup-cache">{cacheLine(connection.cache)}</dd>
        </dl>
      ) : (
        <EmptyState testId="popup-no-connection" title={t('popupNoConnection')} action={t('popupNoConnectionAction')} />
      )}
      <label class="sk-switch">
        <input
          type="checkbox"
          data-testid="popup-pause"
          checked={state.paused}
          onChange={(event) => void togglePause(event.currentTarget.checked)}
        />{' '}
        {t('popupPause')}
      </label>
    </div>
  );
}

function cacheLine(cache: NonNullable<PopupState['connection']>['cache']): string {
  const reads = cache.hits + cache.staleServed + cache.misses;
  const size = storedSize(cache.storedBytes);
  if (reads === 0) return t('popupCacheEmpty', { count: cache.entries, size });
  const served = format.percent((cache.hits + cache.staleServed) / reads);
  return t('popupCacheFigures', { served, reads, requests: cache.requests, entries: cache.entries, size });
}

/** About this much: the cache measures its entries as JSON text. */
export function storedSize(bytes: number): string {
  if (bytes < 1_000_000) return t('aboutKilobytes', { amount: Math.max(1, Math.round(bytes / 1_000)) });
  return t('aboutMegabytes', { amount: format.number(Math.round(bytes / 100_000) / 10) });
}

const LIVE_STATES = {
  connecting: 'popupLiveConnecting',
  live: 'popupLiveOn',
  reconnecting: 'popupLiveReconnecting',
  off: 'popupLiveOff',
} as const;

function liveLine(live: NonNullable<PopupState['connection']>['live']): string {
  if (!live) return t('popupNoKitsuTab');
  const state = t(LIVE_STATES[live.state]);
  return live.lastEventAt ? t('popupLastEvent', { state, time: format.time(new Date(live.lastEventAt)) }) : state;
}
