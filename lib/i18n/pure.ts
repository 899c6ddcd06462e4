// t() for pure code (agent rules, bulk operations), which may reach no browser API even round about
// (.dependency-cruiser.cjs, pure-rules-and-operations): the catalog, in the language the runtime
// reports. In the extension's worker and pages, navigator.language is the browser's interface language.
import { MESSAGES } from './messages';
import { createTranslator } from './translate';

const translator = createTranslator(MESSAGES, {
  getMessage: () => '',
  uiLanguage: globalThis.navigator?.language ?? 'en',
});

export const t = translator.t;
export const interfaceLanguage = translator.language;
