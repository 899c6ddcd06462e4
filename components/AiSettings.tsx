import { useEffect, useState } from 'preact/hooks';
import { type BuiltInAvailability, builtInModelApi, builtInState, downloadBuiltInModel } from '../lib/ai/built-in';
import { chatCompletionsUrl, endpointCleartextWarning } from '../lib/ai/openai-compatible';
import { askModel } from '../lib/ai/page-client';
import { aiPermissionsFor, browserPermissions, THIS_BROWSER } from '../lib/ai/permissions';
import { format, type MessageName, t } from '../lib/i18n';
import { ask, failureText } from '../lib/messaging/client';
import type { AiSettingsAnswer, ConnectionView } from '../lib/messaging/protocol';
import { type AiProviderKind, REDACTABLE_FIELDS, type RedactableField } from '../lib/messaging/protocol/ai';
import { REDACTABLE_FIELD_LABELS } from './AiOutgoing';
import { SettingsSection } from './ui/sections';

const PROVIDERS: { kind: AiProviderKind; label: MessageName }[] = [
  { kind: 'off', label: 'aiProviderOff' },
  { kind: 'built-in', label: 'aiProviderBuiltIn' },
  { kind: 'openai-compatible', label: 'aiProviderServer' },
];

/** What the settings say of the browser's own model, in each state it can be in. */
const BUILT_IN_STATES: Record<BuiltInAvailability | 'missing', MessageName> = {
  missing: 'aiBuiltInMissing',
  unavailable: 'aiBuiltInUnavailable',
  downloadable: 'aiBuiltInDownloadable',
  downloading: 'aiBuiltInDownloading',
  available: 'aiBuiltInAvailable',
};

/**
 * Optional AI assistance: off until a provider is picked, then only on the Kitsu hosts switched on.
 * Saving a model server asks the browser for that server's host only, from the click itself.
 */
export function AiSettings() {
  const [settings, setSettings] = useState<AiSettingsAnswer | null>(null);
  const [connections, setConnections] = useState<ConnectionView[]>([]);
  const [key, setKey] = useState('');
  const [forgetKey, setForgetKey] = useState(false);
  const [builtIn, setBuiltIn] = useState<BuiltInAvailability | 'missing'>('missing');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    ask({ type: 'ai/settings/get' })
      .then(setSettings)
      .catch((error: unknown) => setMessage(failureText(error)));
    ask({ type: 'connections/list' })
      .then((answer) => setConnections(answer.connections))
      .catch(() => {});
    void builtInState(builtInModelApi()).then(setBuiltIn);
  }, []);

  if (!settings) {
    return (
      <SettingsSection titleId="sk-ai-title" title={t('aiTitle')}>
        <p role="status">{message || t('loading')}</p>
      </SettingsSection>
    );
  }
  const current = settings;
  const cleartext = current.provider === 'openai-compatible' ? endpointCleartextWarning(current.endpoint) : null;
  const change = (fields: Partial<AiSettingsAnswer>) => setSettings({ ...current, ...fields });

  function save(event: Event) {
    event.preventDefault();
    saveFromClick(
      current,
      { key, forgetKey, cleartext },
      {
        setMessage,
        setBusy,
        saved: (answer) => {
          setSettings(answer);
          setKey('');
          setForgetKey(false);
        },
      },
    );
  }

  async function test() {
    setBusy(true);
    setMessage(t('aiTesting'));
    try {
      setMessage(await testAnswer(current.provider));
    } catch (error) {
      setMessage(failureText(error));
    } finally {
      setBusy(false);
    }
  }

  async function download() {
    const api = builtInModelApi();
    if (!api) return;
    setBuiltIn('downloading');
    try {
      await downloadBuiltInModel(api, (fraction) =>
        setMessage(t('aiDownloading', { percent: format.percent(fraction) })),
      );
      setBuiltIn(await builtInState(api));
      setMessage('');
    } catch (error) {
      setMessage(failureText(error));
      setBuiltIn(await builtInState(api));
    }
  }

  return (
    <SettingsSection titleId="sk-ai-title" title={t('aiTitle')} testId="ai-settings">
      <p class="sk-muted">{t('aiIntro')}</p>
      <form onSubmit={save} aria-label={t('aiFormLabel')}>
        <ProviderChoice current={current} change={change} builtIn={builtIn} onDownload={download} />
        {current.provider === 'openai-compatible' ? (
          <ModelServerFields
            current={current}
            change={change}
            keyText={key}
            setKey={setKey}
            forgetKey={forgetKey}
            setForgetKey={setForgetKey}
            cleartext={cleartext}
          />
        ) : null}
        <WhereAndWhat current={current} change={change} connections={connections} />
        <div class="sk-form">
          <label for="sk-ai-timeout">{t('aiTimeout')}</label>
          <input
            id="sk-ai-timeout"
            type="number"
            min={5}
            max={600}
            value={current.answerTimeoutSeconds}
            onInput={(event) => change({ answerTimeoutSeconds: Number(event.currentTarget.value) || 90 })}
          />
        </div>
        <div class="sk-form__actions">
          <button type="submit" data-testid="ai-save" disabled={busy}>
            {t('save')}
          </button>
          <button type="button" data-testid="ai-test" disabled={busy || current.provider === 'off'} onClick={test}>
            {t('aiTest')}
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite" data-testid="ai-message">
        {message}
      </p>
    </SettingsSection>
  );
}

type Change = (fields: Partial<AiSettingsAnswer>) => void;

const toggle = <T,>(list: T[], item: T, on: boolean) =>
  on ? [...new Set([...list, item])] : list.filter((each) => each !== item);

/** The settings page's test of what is saved: a one-word prompt, no Kitsu data; the answer in words. */
async function testAnswer(provider: AiProviderKind): Promise<string> {
  if (provider === 'built-in') {
    const started = Date.now();
    const reply = await askModel(
      'built-in',
      { host: '', messages: [{ role: 'user', content: 'Say: ready' }] },
      () => {},
    ).done;
    return t('aiBuiltInAnswered', { reply: reply.trim().slice(0, 80), milliseconds: Date.now() - started });
  }
  const answer = await ask({ type: 'ai/test' });
  return answer.ok
    ? t('aiModelAnswered', { model: answer.model, reply: answer.reply, milliseconds: answer.milliseconds })
    : answer.message;
}

type ModelServerFieldsProps = {
  current: AiSettingsAnswer;
  change: Change;
  keyText: string;
  setKey: (key: string) => void;
  forgetKey: boolean;
  setForgetKey: (forget: boolean) => void;
  /** Why the typed server address is risky (plain http), or null. */
  cleartext: string | null;
};

/** An OpenAI-compatible model server: its address, model and key. */
function ModelServerFields(props: ModelServerFieldsProps) {
  const { current, change, keyText, setKey, forgetKey, setForgetKey, cleartext } = props;
  return (
    <>
      <div class="sk-form">
        <label for="sk-ai-endpoint">{t('aiServerAddress')}</label>
        <input
          id="sk-ai-endpoint"
          data-testid="ai-endpoint"
          inputMode="url"
          value={current.endpoint}
          placeholder="http://127.0.0.1:11434/v1"
          onInput={(event) => change({ endpoint: event.currentTarget.value })}
          required
        />
        <label for="sk-ai-model">{t('aiModel')}</label>
        <input
          id="sk-ai-model"
          data-testid="ai-model"
          value={current.model}
          placeholder="llama3.2"
          onInput={(event) => change({ model: event.currentTarget.value })}
          required
        />
        <label for="sk-ai-key">{t('aiKey')}</label>
        <input
          id="sk-ai-key"
          data-testid="ai-key"
          type="password"
          autoComplete="off"
          value={keyText}
          placeholder={current.hasKey ? t('aiKeyStored') : t('aiKeyOnlyIfNeeded')}
          onInput={(event) => setKey(event.currentTarget.value)}
        />
      </div>
      {cleartext ? (
        <p class="sk-warning" role="alert" data-testid="ai-endpoint-cleartext">
          {cleartext}
        </p>
      ) : null}
      {current.hasKey ? (
        <label class="sk-settings__row">
          <input type="checkbox" checked={forgetKey} onChange={(event) => setForgetKey(event.currentTarget.checked)} />{' '}
          {t('aiForgetKey')}
        </label>
      ) : null}
      <p class="sk-muted">{t('aiServerHelp')}</p>
    </>
  );
}

/** Which Kitsu hosts AI may be used on, and what is left out of prompts by default. */
function WhereAndWhat({
  current,
  change,
  connections,
}: {
  current: AiSettingsAnswer;
  change: Change;
  connections: ConnectionView[];
}) {
  return (
    <>
      <fieldset>
        <legend>{t('aiUseOn')}</legend>
        {connections.length === 0 ? <p class="sk-muted">{t('aiNoConnection')}</p> : null}
        {connections.map((connection) => (
          <label key={connection.id} class="sk-settings__row">
            <input
              type="checkbox"
              data-testid="ai-host"
              value={connection.origin}
              checked={current.enabledHosts.includes(connection.origin)}
              onChange={(event) =>
                change({ enabledHosts: toggle(current.enabledHosts, connection.origin, event.currentTarget.checked) })
              }
            />{' '}
            {connection.label} <code>{connection.origin}</code>
          </label>
        ))}
        <p class="sk-muted">{t('aiHostsHint')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('aiLeaveOutByDefault')}</legend>
        {REDACTABLE_FIELDS.map((field: RedactableField) => (
          <label key={field} class="sk-settings__row">
            <input
              type="checkbox"
              data-testid={`ai-exclude-${field}`}
              checked={current.exclude.includes(field)}
              onChange={(event) => change({ exclude: toggle(current.exclude, field, event.currentTarget.checked) })}
            />{' '}
            {t(REDACTABLE_FIELD_LABELS[field])}
          </label>
        ))}
      </fieldset>
    </>
  );
}

type SaveUi = {
  setMessage: (message: string) => void;
  setBusy: (busy: boolean) => void;
  saved: (settings: AiSettingsAnswer) => void;
};

/**
 * Saves the form from the Save click. The browser's permission prompt shows only inside the click:
 * nothing is awaited before it.
 */
function saveFromClick(
  current: AiSettingsAnswer,
  { key, forgetKey, cleartext }: { key: string; forgetKey: boolean; cleartext: string | null },
  ui: SaveUi,
) {
  ui.setMessage('');
  const endpoint = current.provider === 'openai-compatible' ? chatCompletionsUrl(current.endpoint) : null;
  if (endpoint && !endpoint.ok) {
    ui.setMessage(endpoint.reason);
    return;
  }
  // The prompt shows only inside the click: nothing may be awaited before it. Exactly the server's
  // origin (as far as the browser's match patterns go) and, in Firefox, consent to the data it receives.
  const needed = aiPermissionsFor(current, THIS_BROWSER);
  const permission = needed ? browserPermissions.request(needed) : Promise.resolve(true);
  ui.setBusy(true);
  permission
    .then(async (granted) => {
      if (!granted) {
        ui.setMessage(t('aiPermissionDeclined', { origin: endpoint?.origin ?? '' }));
        return;
      }
      const saved = await ask({
        type: 'ai/settings/save',
        provider: current.provider,
        endpoint: current.endpoint,
        model: current.model,
        ...(key ? { key } : {}),
        forgetKey,
        enabledHosts: current.enabledHosts,
        exclude: current.exclude,
        answerTimeoutSeconds: current.answerTimeoutSeconds,
      });
      ui.saved(saved);
      ui.setMessage(cleartext ? t('aiSavedOverHttp') : t('saved'));
    })
    .catch((error: unknown) => ui.setMessage(failureText(error)))
    .finally(() => ui.setBusy(false));
}

type ProviderChoiceProps = {
  current: AiSettingsAnswer;
  change: Change;
  builtIn: BuiltInAvailability | 'missing';
  onDownload: () => void;
};

/** Which model, if any: and for the browser's own, whether it is there yet. */
function ProviderChoice({ current, change, builtIn, onDownload }: ProviderChoiceProps) {
  return (
    <>
      <fieldset>
        <legend>{t('aiProvider')}</legend>
        {PROVIDERS.map((provider) => (
          <label key={provider.kind} class="sk-settings__row">
            <input
              type="radio"
              name="sk-ai-provider"
              data-testid={`ai-provider-${provider.kind}`}
              checked={current.provider === provider.kind}
              onChange={() => change({ provider: provider.kind })}
            />{' '}
            {t(provider.label)}
          </label>
        ))}
      </fieldset>
      {current.provider === 'built-in' ? (
        <p data-testid="ai-built-in-state">
          {t(BUILT_IN_STATES[builtIn])}{' '}
          {builtIn === 'downloadable' ? (
            <button type="button" onClick={onDownload}>
              {t('aiDownload')}
            </button>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
