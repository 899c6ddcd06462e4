import { browser } from 'wxt/browser';
import { t } from '../lib/i18n';

/** Name and version as the installed manifest states them. */
export function AppInfo() {
  const manifest = browser.runtime.getManifest();
  return (
    <header class="sk-app-info">
      <h1 data-testid="app-name">{manifest.name}</h1>
      <p class="sk-app-info__version" data-testid="app-version">
        {t('appVersion', { version: manifest.version })}
      </p>
    </header>
  );
}
