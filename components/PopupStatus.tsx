import { useEffect, useState } from 'preact/hooks';
import { roleName } from '../lib/connections/privilege';
import { ask, failureText } from '../lib/messaging/client';
import type { AnswerOf } from '../lib/messaging/protocol';

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
  if (!state) return <p>Loading…</p>;
  const { connection } = state;
  return (
    <div class="sk-popup-status">
      {connection ? (
        <dl class="sk-facts" data-testid="popup-connection">
          <dt>Kitsu</dt>
          <dd>
            {connection.label}
            {connection.kitsuVersion ? ` (Kitsu ${connection.kitsuVersion})` : ''}
          </dd>
          <dt>State</dt>
          <dd class={`sk-connection--${connection.state}`} data-testid="popup-connection-state">
            {connection.message}
          </dd>
          {connection.role ? (
            <>
              <dt>Role</dt>
              <dd>{roleName(connection.role)}</dd>
            </>
          ) : null}
          <dt>Live</dt>
          <dd data-testid="popup-live">{liveLine(connection.live)}</dd>
          <dt>Cache</dt>
          <dd data-testid="popup-cache">{cacheLine(connection.cache)}</dd>
        </dl>
      ) : (
        <p data-testid="popup-no-connection">This tab is not a Kitsu page Sidekick is connected to.</p>
      )}
      <label class="sk-switch">
        <input
          type="checkbox"
          data-testid="popup-pause"
          checked={state.paused}
          onChange={(event) => void togglePause(event.currentTarget.checked)}
        />{' '}
        Pause Sidekick on every page
      </label>
    </div>
  );
}

function cacheLine(cache: NonNullable<PopupState['connection']>['cache']): string {
  const reads = cache.hits + cache.staleServed + cache.misses;
  if (reads === 0) return `${cache.entries} entries, no reads yet since the background started`;
  const served = Math.round(((cache.hits + cache.staleServed) / reads) * 100);
  return `${served}% of ${reads} reads served from cache, ${cache.requests} requests to Kitsu, ${cache.entries} entries`;
}

const LIVE_STATES = {
  connecting: 'connecting to Kitsu’s live updates…',
  live: 'live updates on',
  reconnecting: 'reconnecting to live updates…',
  off: 'live updates off: panels refresh when their data gets old',
} as const;

function liveLine(live: NonNullable<PopupState['connection']>['live']): string {
  if (!live) return 'no Kitsu tab open';
  const last = live.lastEventAt ? `, last event at ${new Date(live.lastEventAt).toLocaleTimeString()}` : '';
  return `${LIVE_STATES[live.state]}${last}`;
}
