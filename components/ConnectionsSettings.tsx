import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { kitsuCleartextWarning, matchPatternFor, normalizeKitsuOrigin } from '../lib/connections/origins';
import { t } from '../lib/i18n';
import { ask, failureText } from '../lib/messaging/client';
import type { ConnectionTestAnswer, ConnectionView } from '../lib/messaging/protocol';
import { ConnectionTestResult } from './ConnectionTestResult';
import { EmptyState, Skeleton } from './ui/chips';
import { SettingsSection } from './ui/sections';

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

  const typed = normalizeKitsuOrigin(draft.address);
  const cleartext = typed.ok ? kitsuCleartextWarning(typed.origin) : null;

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
    setMessage(t('connectionsTesting', { origin }));
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
          setMessage(t('connectionsDeclined', { origin }));
          return;
        }
        await ask({ type: 'connections/save', label, origin, token: token || undefined });
        setDraft(EMPTY_DRAFT);
        setTestResult(null);
        setMessage(t('connectionsSaved', { origin }));
        await refresh();
      })
      .catch((error: unknown) => setMessage(failureText(error)))
      .finally(() => setBusy(false));
  }

  async function remove(connection: ConnectionView) {
    setBusy(true);
    try {
      await ask({ type: 'connections/remove', id: connection.id });
      setMessage(t('connectionsRemoved', { label: connection.label, origin: connection.origin }));
      await refresh();
    } catch (error) {
      setMessage(failureText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <SettingsSection titleId="sk-connections-title" title={t('connectionsTitle')}>
      <ConnectionList connections={connections} busy={busy} onRemove={remove} />
      <ConnectionForm draft={draft} edit={edit} cleartext={cleartext} busy={busy} onSave={save} onTest={test} />
      <p role="status" aria-live="polite" data-testid="connection-message">
        {message}
      </p>
      {testResult ? <ConnectionTestResult result={testResult} /> : null}
    </SettingsSection>
  );
}

type ConnectionListProps = {
  connections: ConnectionView[] | null;
  busy: boolean;
  onRemove: (connection: ConnectionView) => void;
};

function ConnectionList({ connections, busy, onRemove }: ConnectionListProps) {
  return connections === null ? (
    <Skeleton lines={2} label={t('connectionsReading')} />
  ) : connections.length === 0 ? (
    <EmptyState testId="connection-list-empty" title={t('connectionsEmpty')} action={t('connectionsEmptyAction')} />
  ) : (
    <ul class="sk-connections" data-testid="connection-list">
      {connections.map((connection) => (
        <li key={connection.id} data-testid="connection">
          <strong>{connection.label}</strong> <code>{connection.origin}</code>{' '}
          {connection.hostGranted ? null : <em>{t('connectionsPermissionMissing')}</em>}{' '}
          {kitsuCleartextWarning(connection.origin) ? (
            <em class="sk-warning" data-testid="connection-cleartext-listed">
              {t('connectionsCleartext')}
            </em>
          ) : null}{' '}
          <button
            type="button"
            disabled={busy}
            aria-label={t('connectionsRemoveLabel', { label: connection.label })}
            onClick={() => onRemove(connection)}
          >
            {t('connectionsRemove')}
          </button>
        </li>
      ))}
    </ul>
  );
}

type ConnectionFormProps = {
  draft: Draft;
  edit: (field: keyof Draft) => (event: Event) => void;
  /** Why the typed address is risky (plain http), or null. */
  cleartext: string | null;
  busy: boolean;
  onSave: (event: Event) => void;
  onTest: () => void;
};

function ConnectionForm({ draft, edit, cleartext, busy, onSave, onTest }: ConnectionFormProps) {
  return (
    <form onSubmit={onSave} class="sk-form" aria-label={t('connectionsAdd')}>
      <label for="sk-label">{t('connectionsName')}</label>
      <input
        id="sk-label"
        data-testid="connection-label"
        value={draft.label}
        onInput={edit('label')}
        placeholder="Studio Kitsu"
      />
      <label for="sk-address">{t('connectionsAddress')}</label>
      <input
        id="sk-address"
        data-testid="connection-address"
        inputMode="url"
        value={draft.address}
        onInput={edit('address')}
        placeholder="https://kitsu.studio.example"
        required
        aria-describedby={cleartext ? 'sk-address-cleartext' : undefined}
      />
      {cleartext ? (
        <p id="sk-address-cleartext" class="sk-warning" role="alert" data-testid="connection-cleartext">
          {cleartext}
        </p>
      ) : null}
      <label for="sk-token">{t('connectionsToken')}</label>
      <input
        id="sk-token"
        data-testid="connection-token"
        type="password"
        autoComplete="off"
        value={draft.token}
        onInput={edit('token')}
        placeholder={t('connectionsTokenHint')}
      />
      <div class="sk-form__actions">
        <button type="button" data-testid="connection-test" disabled={busy} onClick={onTest}>
          {t('connectionsTest')}
        </button>
        <button type="submit" data-testid="connection-save" disabled={busy}>
          {t('connectionsSave')}
        </button>
      </div>
    </form>
  );
}
