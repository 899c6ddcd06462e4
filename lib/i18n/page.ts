// t() for the dock and everything else that runs in Kitsu's pages: the browser's messages only, so the
// content script does not carry the catalog (its size is a budget; see scripts/report-sizes.mjs).
import { browserPorts } from './browser-ports';
import type { MessageName } from './messages';
import { createBrowserTranslator } from './translate';

const translator = createBrowserTranslator<MessageName>(browserPorts());

export const t = translator.t;
export const interfaceLanguage = translator.language;
