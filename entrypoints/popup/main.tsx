import { render } from 'preact';
import { browser } from 'wxt/browser';
import { AppInfo } from '../../components/AppInfo';
import '../../components/page.css';

function Popup() {
  return (
    <main style={{ minWidth: '260px' }}>
      <AppInfo />
      <p class="sk-settings__placeholder" data-testid="popup-placeholder">
        Suggestions and bulk helpers appear on your Kitsu pages.
      </p>
      <button type="button" data-testid="open-options" onClick={() => browser.runtime.openOptionsPage()}>
        Settings
      </button>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Popup />, root);
