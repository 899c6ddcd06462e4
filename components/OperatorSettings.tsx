import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { ask, failureText } from '../lib/messaging/client';
import { MARKER_TEMPLATES, type MarkerLanguage, markerLanguageOf, markerLine } from '../lib/plans/marker';
import { SettingsSection } from './ui/sections';

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
      setMessage(t('saved'));
    } catch (error) {
      setMessage(failureText(error));
    }
  }

  return (
    <SettingsSection titleId="sk-operator-title" title={t('operatorTitle')}>
      <form class="sk-form" onSubmit={save} data-loaded={loaded} data-testid="operator-form">
        <label for="sk-operator">{t('operatorName')}</label>
        <input
          id="sk-operator"
          data-testid="operator-name"
          value={operatorName}
          onInput={(event) => setOperatorName(event.currentTarget.value)}
          required
        />
        <label for="sk-marker">{t('operatorMarker')}</label>
        <input
          id="sk-marker"
          data-testid="marker-template"
          value={markerTemplate}
          onInput={(event) => setMarkerTemplate(event.currentTarget.value)}
        />
        <label for="sk-marker-language">{t('operatorMarkerLanguage')}</label>
        <select
          id="sk-marker-language"
          data-testid="marker-language"
          value={markerLanguageOf(markerTemplate) ?? ''}
          onChange={(event) => {
            const language = event.currentTarget.value as MarkerLanguage | '';
            if (language) setMarkerTemplate(MARKER_TEMPLATES[language]);
          }}
        >
          {markerLanguageOf(markerTemplate) ? null : <option value="">{markerTemplate}</option>}
          <option value="en">{t('languageEnglish')}</option>
          <option value="fr">{t('languageFrench')}</option>
        </select>
        <div class="sk-form__actions">
          <button type="submit" data-testid="operator-save">
            {t('save')}
          </button>
        </div>
      </form>
      <p class="sk-muted" data-testid="marker-preview">
        {t('operatorMarkerPreview', { marker: markerLine(markerTemplate, operatorName) })}
      </p>
      <p class="sk-muted">{t('operatorMarkerHelp', { operator: '{operator}' })}</p>
      <p role="status" data-testid="operator-message">
        {message}
      </p>
    </SettingsSection>
  );
}
