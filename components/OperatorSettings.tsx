import { useEffect, useState } from 'preact/hooks';
import { ask, failureText } from '../lib/messaging/client';

/** Who confirms plans: named in the marker every Sidekick comment carries, and in the audit log. */
export function OperatorSettings() {
  const [operatorName, setOperatorName] = useState('');
  const [markerTemplate, setMarkerTemplate] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [message, setMessage] = useState('');

  useEffect(() => {
    ask({ type: 'settings/get' })
      .then((settings) => {
        setOperatorName(settings.operatorName);
        setMarkerTemplate(settings.markerTemplate);
        setLoaded(true);
      })
      .catch((error: unknown) => setMessage(String(error)));
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    try {
      const saved = await ask({ type: 'settings/save', operatorName, markerTemplate });
      setMarkerTemplate(saved.markerTemplate);
      setMessage('Saved.');
    } catch (error) {
      setMessage(failureText(error));
    }
  }

  return (
    <section class="sk-settings" aria-labelledby="sk-operator-title">
      <h2 id="sk-operator-title">Who confirms</h2>
      <form class="sk-form" onSubmit={save} data-loaded={loaded} data-testid="operator-form">
        <label for="sk-operator">Your name</label>
        <input
          id="sk-operator"
          data-testid="operator-name"
          value={operatorName}
          onInput={(event) => setOperatorName(event.currentTarget.value)}
          required
        />
        <label for="sk-marker">Comment marker</label>
        <input
          id="sk-marker"
          data-testid="marker-template"
          value={markerTemplate}
          onInput={(event) => setMarkerTemplate(event.currentTarget.value)}
        />
        <div class="sk-form__actions">
          <button type="submit" data-testid="operator-save">
            Save
          </button>
        </div>
      </form>
      <p class="sk-muted">
        Every comment Sidekick posts ends with this marker; it must name Sidekick and {'{operator}'}.
      </p>
      <p role="status" data-testid="operator-message">
        {message}
      </p>
    </section>
  );
}
