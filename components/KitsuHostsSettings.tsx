import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { currentHostPatterns } from '../lib/connections/content-script-registration';
import { matchPatternFor, normalizeKitsuOrigin } from '../lib/connections/origins';

/**
 * The hosts Sidekick may run on. Permission is asked for exactly one host, from the click itself:
 * browsers only show the prompt when `permissions.request` runs inside the user gesture.
 */
export function KitsuHostsSettings() {
  const [address, setAddress] = useState('');
  const [patterns, setPatterns] = useState<string[] | null>(null);
  const [message, setMessage] = useState('');

  const refresh = () => currentHostPatterns().then(setPatterns);
  useEffect(() => {
    void refresh();
  }, []);

  function allow(event: Event) {
    event.preventDefault();
    const result = normalizeKitsuOrigin(address);
    if (!result.ok) {
      setMessage(result.reason);
      return;
    }
    const pattern = matchPatternFor(result.origin);
    browser.permissions
      .request({ origins: [pattern] })
      .then((granted) => {
        setMessage(
          granted ? `Sidekick now runs on ${result.origin}.` : `Permission for ${result.origin} was declined.`,
        );
        if (granted) setAddress('');
        return refresh();
      })
      .catch((error: unknown) => setMessage(`Could not ask for permission: ${String(error)}`));
  }

  async function remove(pattern: string) {
    await browser.permissions.remove({ origins: [pattern] });
    setMessage(`Sidekick no longer runs on ${pattern.replace('/*', '')}.`);
    await refresh();
  }

  return (
    <section class="sk-settings" aria-labelledby="sk-hosts-title">
      <h2 id="sk-hosts-title">Kitsu hosts</h2>
      <form onSubmit={allow} class="sk-settings__row">
        <label for="sk-host-address">Kitsu address</label>
        <input
          id="sk-host-address"
          data-testid="host-address"
          type="text"
          inputMode="url"
          placeholder="https://kitsu.studio.example"
          value={address}
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
        <button type="submit" data-testid="host-allow">
          Allow Sidekick here
        </button>
      </form>
      <p role="status" data-testid="host-message">
        {message}
      </p>
      {patterns === null ? (
        <p>Loading…</p>
      ) : patterns.length === 0 ? (
        <p data-testid="host-list-empty">No Kitsu host yet: Sidekick runs nowhere.</p>
      ) : (
        <ul data-testid="host-list">
          {patterns.map((pattern) => (
            <li key={pattern}>
              <code>{pattern}</code>{' '}
              <button type="button" onClick={() => remove(pattern)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="sk-settings__placeholder">Tokens, features and limits will be configured here.</p>
    </section>
  );
}
