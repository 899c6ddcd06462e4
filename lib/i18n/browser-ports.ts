// The browser's side of t(): its messages (the built _locales files) and its interface language.
import { browser } from 'wxt/browser';
import type { TranslatorPorts } from './translate';

const uiLanguage = (): string => {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return globalThis.navigator?.language ?? 'en';
  }
};

export const browserPorts = (): TranslatorPorts => ({
  // WXT types getMessage's name as the generated keys it knows of; ours are written by our own hook.
  getMessage: (name) => browser.i18n.getMessage(name as Parameters<typeof browser.i18n.getMessage>[0]),
  uiLanguage: uiLanguage(),
});
