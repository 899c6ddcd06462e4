import { render } from 'preact';
import { browser } from 'wxt/browser';
import { AppInfo } from '../../components/AppInfo';
import { PopupStatus } from '../../components/PopupStatus';
import { interfaceLanguage, t } from '../../lib/i18n';
import { originOf } from '../../lib/messaging/sender';
import '../../components/page.css';

// The page is written in the interface's language (its HTML says English until then).
document.documentElement.lang = interfaceLanguage;

/** The tabs API only tells the URL of tabs on hosts Sidekick was granted: exactly the Kitsu ones. */
async function activeTabOrigin(): Promise<string | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const origin = originOf(tab?.url);
  return origin?.startsWith('http') ? origin : null;
}

const tabOrigin = activeTabOrigin();

function Popup() {
  return (
    <main style={{ minWidth: '300px' }}>
      <AppInfo />
      <PopupStatus tabOrigin={tabOrigin} />
      <button type="button" data-testid="open-options" onClick={() => browser.runtime.openOptionsPage()}>
        {t('popupSettings')}
      </button>
    </main>
  );
}

// A module script runs once the document is parsed: the body is there.
render(<Popup />, document.body);
