import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  BUILT_IN_STATES,
  type BuiltInAvailability,
  builtInModelApi,
  builtInState,
  downloadBuiltInModel,
} from '../lib/ai/built-in';
import { chatCompletionsUrl } from '../lib/ai/openai-compatible';
import { askModel } from '../lib/ai/page-client';
import { REDACTABLE_FIELDS, REDACTABLE_LABELS, type RedactableField } from '../lib/ai/redaction';
import type { AiProviderKind } from '../lib/ai/types';
import { matchPatternFor } from '../lib/connections/origins';
import { ask, failureText } from '../lib/messaging/client';
import type { AiSettingsAnswer, ConnectionView } from '../lib/messaging/protocol';

const PROVIDERS: { kind: AiProviderKind; label: string }[] = [
  { kind: 'off', label: 'Off' },
  { kind: 'built-in', label: 'The browser’s built-in model (Chrome)' },
  { kind: 'openai-compatible', label: 'A model server with an OpenAI-compatible API (Ollama, llama.cpp, vLLM…)' },
];

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
      <section class="sk-settings" aria-labelledby="sk-ai-title">
        <h2 id="sk-ai-title">AI assistance (optional)</h2>
        <p role="status">{message || 'Loading…'}</p>
      </section>
    );
  }
  const current = settings;
  const change = (fields: Partial<AiSettingsAnswer>) => setSettings({ ...current, ...fields });
  const toggle = <T,>(list: T[], item: T, on: boolean) =>
    on ? [...new Set([...list, item])] : list.filter((each) => each !== item);

  function save(event: Event) {
    event.preventDefault();
    setMessage('');
    const endpoint = current.provider === 'openai-compatible' ? chatCompletionsUrl(current.endpoint) : null;
    if (endpoint && !endpoint.ok) {
      setMessage(endpoint.reason);
      return;
    }
    // The prompt shows only inside the click: nothing may be awaited before it.
    const permission = endpoint
      ? browser.permissions.request({ origins: [matchPatternFor(endpoint.origin)] })
      : Promise.resolve(true);
    setBusy(true);
    permission
      .then(async (granted) => {
        if (!granted) {
          setMessage(`Permission for ${endpoint?.origin} was declined: Sidekick cannot reach the model server.`);
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
        setSettings(saved);
        setKey('');
        setForgetKey(false);
        setMessage('Saved.');
      })
      .catch((error: unknown) => setMessage(failureText(error)))
      .finally(() => setBusy(false));
  }

  async function test() {
    setBusy(true);
    setMessage('Testing…');
    try {
      if (current.provider === 'built-in') {
        const started = Date.now();
        const reply = await askModel(
          'built-in',
          { host: '', messages: [{ role: 'user', content: 'Say: ready' }] },
          () => {},
        ).done;
        setMessage(`The built-in model answered “${reply.trim().slice(0, 80)}” in ${Date.now() - started} ms.`);
        return;
      }
      const answer = await ask({ type: 'ai/test' });
      setMessage(
        answer.ok ? `${answer.model} answered “${answer.reply}” in ${answer.milliseconds} ms.` : answer.message,
      );
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
        setMessage(`Downloading the model: ${Math.round(fraction * 100)} %`),
      );
      setBuiltIn(await builtInState(api));
      setMessage('');
    } catch (error) {
      setMessage(failureText(error));
      setBuiltIn(await builtInState(api));
    }
  }

  return (
    <section class="sk-settings" aria-labelledby="sk-ai-title" data-testid="ai-settings">
      <h2 id="sk-ai-title">AI assistance (optional)</h2>
      <p class="sk-muted">
        A model can draft comments inside a plan and summarise threads. It never posts anything: each draft is text you
        read, edit and confirm like any plan. Before the first call Sidekick shows exactly what will be sent — the text
        and its size — and where; you can leave out names, e-mail addresses, links and the production’s name. Nothing is
        sent for a Kitsu you have not switched on below.
      </p>
      <form onSubmit={save} aria-label="AI assistance">
        <fieldset>
          <legend>Provider</legend>
          {PROVIDERS.map((provider) => (
            <label key={provider.kind} class="sk-settings__row">
              <input
                type="radio"
                name="sk-ai-provider"
                data-testid={`ai-provider-${provider.kind}`}
                checked={current.provider === provider.kind}
                onChange={() => change({ provider: provider.kind })}
              />{' '}
              {provider.label}
            </label>
          ))}
        </fieldset>
        {current.provider === 'built-in' ? (
          <p data-testid="ai-built-in-state">
            {BUILT_IN_STATES[builtIn]}{' '}
            {builtIn === 'downloadable' ? (
              <button type="button" onClick={download}>
                Download the model
              </button>
            ) : null}
          </p>
        ) : null}
        {current.provider === 'openai-compatible' ? (
          <>
            <div class="sk-form">
              <label for="sk-ai-endpoint">Server address</label>
              <input
                id="sk-ai-endpoint"
                data-testid="ai-endpoint"
                inputMode="url"
                value={current.endpoint}
                placeholder="http://127.0.0.1:11434/v1"
                onInput={(event) => change({ endpoint: event.currentTarget.value })}
                required
              />
              <label for="sk-ai-model">Model</label>
              <input
                id="sk-ai-model"
                data-testid="ai-model"
                value={current.model}
                placeholder="llama3.2"
                onInput={(event) => change({ model: event.currentTarget.value })}
                required
              />
              <label for="sk-ai-key">Key (optional)</label>
              <input
                id="sk-ai-key"
                data-testid="ai-key"
                type="password"
                autoComplete="off"
                value={key}
                placeholder={current.hasKey ? 'A key is stored: type to replace it' : 'Only if the server needs one'}
                onInput={(event) => setKey(event.currentTarget.value)}
              />
            </div>
            {current.hasKey ? (
              <label class="sk-settings__row">
                <input
                  type="checkbox"
                  checked={forgetKey}
                  onChange={(event) => setForgetKey(event.currentTarget.checked)}
                />{' '}
                Forget the stored key
              </label>
            ) : null}
            <p class="sk-muted">
              The key stays in Sidekick’s background, like Kitsu tokens. Saving asks the browser to allow this server’s
              host only. Ollama refuses browser extensions unless allowed: start it with
              OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*.
            </p>
          </>
        ) : null}
        <fieldset>
          <legend>Use AI on</legend>
          {connections.length === 0 ? <p class="sk-muted">No Kitsu connection yet.</p> : null}
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
          <p class="sk-muted">
            Leave a Kitsu unticked if its studio does not allow sending production data to a model.
          </p>
        </fieldset>
        <fieldset>
          <legend>Leave out by default</legend>
          {REDACTABLE_FIELDS.map((field: RedactableField) => (
            <label key={field} class="sk-settings__row">
              <input
                type="checkbox"
                data-testid={`ai-exclude-${field}`}
                checked={current.exclude.includes(field)}
                onChange={(event) => change({ exclude: toggle(current.exclude, field, event.currentTarget.checked) })}
              />{' '}
              {REDACTABLE_LABELS[field]}
            </label>
          ))}
        </fieldset>
        <div class="sk-form">
          <label for="sk-ai-timeout">Wait for an answer (seconds)</label>
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
            Save
          </button>
          <button type="button" data-testid="ai-test" disabled={busy || current.provider === 'off'} onClick={test}>
            Test the saved settings
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite" data-testid="ai-message">
        {message}
      </p>
    </section>
  );
}
