import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { MAX_UPLOAD_LABEL } from '../lib/publish/formats';
import {
  DEFAULT_PUBLISH_SETTINGS,
  PublishSettingsError,
  readPublishSettings,
  savePublishSettings,
} from '../lib/publish/settings';
import { SettingsSection } from './ui/sections';

/** An empty box is a mistake to report, not a 0 (Number('') is 0). */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** Batch publish: the most one publish plan may upload in total (the background refuses a larger plan). */
export function PublishSettings() {
  const [gigabytes, setGigabytes] = useState(String(DEFAULT_PUBLISH_SETTINGS.maxPlanGigabytes));
  const [loaded, setLoaded] = useState(false);
  const [message, setMessage] = useState('');

  useEffect(() => {
    readPublishSettings()
      .then((settings) => {
        setGigabytes(String(settings.maxPlanGigabytes));
        setLoaded(true);
      })
      .catch((error: unknown) => setMessage(String(error)));
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    try {
      const saved = await savePublishSettings({ maxPlanGigabytes: numberOf(gigabytes) });
      setGigabytes(String(saved.maxPlanGigabytes));
      setMessage(t('publishSettingsSaved'));
    } catch (error) {
      setMessage(
        error instanceof PublishSettingsError ? t('notSavedBecause', { reason: error.message }) : String(error),
      );
    }
  }

  return (
    <SettingsSection titleId="sk-publish-settings-title" title={t('publishSettingsTitle')}>
      <form class="sk-form" onSubmit={save} data-loaded={loaded} data-testid="publish-settings-form">
        <label for="sk-publish-max">{t('publishSettingsMax')}</label>
        <input
          id="sk-publish-max"
          data-testid="publish-max-gigabytes"
          type="number"
          inputMode="decimal"
          min={0.1}
          max={1000}
          step="any"
          value={gigabytes}
          onInput={(event) => setGigabytes(event.currentTarget.value)}
        />
        <div class="sk-form__actions">
          <button type="submit" data-testid="publish-settings-save">
            {t('save')}
          </button>
        </div>
      </form>
      <p class="sk-muted">{t('publishSettingsHelp', { limit: MAX_UPLOAD_LABEL })}</p>
      <p role="status" data-testid="publish-settings-message">
        {message}
      </p>
    </SettingsSection>
  );
}
