import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';

// Only the suites that run in a DOM (@vitest-environment happy-dom) render components to clean up.
if (typeof document !== 'undefined') {
  const { cleanup } = await import('@testing-library/preact');
  afterEach(cleanup);
}

// The built extension has its _locales files; here the browser answers from the same catalog, in English
// (lib/i18n/page reads the browser's messages only).
const { fakeBrowser } = await import('wxt/testing/fake-browser');
const { browserMessages } = await import('../../lib/i18n/locale-files');
const { MESSAGES } = await import('../../lib/i18n/messages');
const english = browserMessages(MESSAGES, 'en');
fakeBrowser.i18n.getMessage = ((name: string) =>
  english[name]?.message.replaceAll('$$', '$') ?? '') as typeof fakeBrowser.i18n.getMessage;
