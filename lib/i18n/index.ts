// The interface's strings and formats in the browser's language (see translate.ts, format.ts). Scripts
// that run in Kitsu's pages import ./page instead (no catalog in the content script).
import { browserPorts } from './browser-ports';
import { createFormatters } from './format';
import { MESSAGES } from './messages';
import { createTranslator } from './translate';

const translator = createTranslator(MESSAGES, browserPorts());

export const t = translator.t;
export const interfaceLanguage = translator.language;
export const format = createFormatters(translator.language);
export type { MessageName } from './messages';
