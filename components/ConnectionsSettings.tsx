import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { matchPatternFor, normalizeKitsuOrigin } from '../lib/connections/origins';
import { ask, failureText } from '../lib/messaging/client';
import type { ConnectionTestAnswer, ConnectionView } from '../lib/messaging/protocol';
import { ConnectionTestResult } from './ConnectionTestResult';

type Draft = { label: string; address: string; token: string };
const EMPTY_DRAFT: Draft = { label: '', address: '', token: '' };

/**
 * Kitsu connections: a label, the Kitsu address and a bot token. Saving asks the browser for
 * exactly that host, from the click itself: the prompt only shows inside the user gesture, so
 * nothing may be awaited before `permissions.request`.
 */
export function ConnectionsSettings() {
  const [connections, setConnections] = useState<ConnectionView[] | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [message, setMessage] = useState('');
  const [testResult, setTestResult] = useState<ConnectionTestAnswer | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () =>
    ask({ type: 'connections/list' })
      .then((answer) => setConnections(answer.connections))
      .catch((error: unknown) => setMessage(failureText(error)));
  useEffect(() => {
    void refresh();
  }, []);

  const edit = (field: keyof Draft) => (event: Event) =>
    setDraft({ ...draft, [field]: (event.currentTarget as HTMLInputElement).value });

  function checkedOrigin(): string | null {
    const result = normalizeKitsuOrigin(draft.address);
    if (!result.ok) {
      setMessage(result.reason);
      return null;
    }
    return result.origin;
  }

  async function test() {
    const origin = checkedOrigin();
    if (!origin) return;
    setBusy(true);
    setMessage(`Testing ${origin}…`);
    setTestResult(null);
    try {
      const answer = await ask({ type: 'connections/test', origin, token: draft.token || undefined });
      setTestResult(answer);
      setMessage('');
    } catch (error) {
      setMessage(failureText(error));
    } finally {
      setBusy(false);
    }
  }

  function save(event: Event) {
    event.preventDefault();
    const origin = checkedOrigin();
    if (!origin) return;
    const label = draft.label.trim() || new URL(origin).host;
    const token = draft.token.trim();
    const permission = browser.permissions.request({ origins: [matchPatternFor(origin)] });
    setBusy(true);
    permission
      .then(async (granted) => {
        if (!granted) {
          setMessage(`Permission for ${origin} was declined: Sidekick cannot run there.`);
          return;
        }
        await ask({ type: 'connections/save', label, origin, token: token || undefined });
        setDraft(EMPTY_DRAFT);
        setTestResult(null);
        setMessage(`Saved. Sidekick now runs on ${origin}.`);
        await refresh();
      })
      .catch((error: unknown) => setMessage(failureText(error)))
      .finally(() => setBusy(false));
  }

  async function remove(connection: ConnectionView) {
    setBusy(true);
    try {
      await ask({ type: 'connections/remove', id: connection.id });
      setMessage(
        `Removed ${connection.label}: its token, its cache and the permission for ${connection.origin} are gone.`,
      );
      await refresh();
    } catch (error) {
      setMessage(failureText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="sk-settings" aria-labelledby="sk-connections-title">
      <h2 id="sk-connections-title">Kitsu connections</h2>
      {connections === null ? (
        <p>Loading…</p>
      ) : connections.length === 0 ? (
        <p data-testid="connection-list-empty">No connection yet: Sidekick runs nowhere.</p>
      ) : (
        <ul class="sk-connections" data-testid="connection-list">
          {connections.map((connection) => (
            <li key={connection.id} data-testid="connection">
              <strong>{connection.label}</strong> <code>{connection.origin}</code>{' '}
              {connection.hostGranted ? null : <em>(permission missing: save it again to allow this host)</em>}{' '}
              <button type="button" disabled={busy} onClick={() => remove(connection)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={save} class="sk-form" aria-label="Add a Kitsu connection">
        <label for="sk-label">Name</label>
        <input
          id="sk-label"
          data-testid="connection-label"
          value={draft.label}
          onInput={edit('label')}
          placeholder="Studio Kitsu"
        />
        <label for="sk-address">Kitsu address</label>
        <input
          id="sk-address"
          data-testid="connection-address"
          inputMode="url"
          value={draft.address}
          onInput={edit('address')}
          placeholder="https://kitsu.studio.example"
          required
        />
        <label for="sk-token">Bot token</label>
        <input
          id="sk-token"
          data-testid="connection-token"
          type="password"
          autoComplete="off"
          value={draft.token}
          onInput={edit('token')}
          placeholder="From Kitsu's Bots page"
        />
        <div class="sk-form__actions">
          <button type="button" data-testid="connection-test" disabled={busy} onClick={test}>
            Test connection
          </button>
          <button type="submit" data-testid="connection-save" disabled={busy}>
            Save and allow this host
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite" data-testid="connection-message">
        {message}
      </p>
      {testResult ? <ConnectionTestResult result={testResult} /> : null}
    </section>
  );
}
