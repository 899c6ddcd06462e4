// The catalog as the browser's _locales/<language>/messages.json files (written at build time, see
// wxt.config.ts). A plural message becomes one browser message per category: name__one, name__other.
import { type Catalog, isPlural, LANGUAGES, type Language, MESSAGE_NAME } from './catalog';

export type BrowserMessages = Record<string, { message: string }>;

export const pluralMessageName = (name: string, category: string): string => `${name}__${category}`;

/** The browser treats "$" as a placeholder's start; written "$$" it is a dollar sign. */
const escapeForBrowser = (text: string): string => text.replaceAll('$', '$$$$');

export function browserMessages(catalog: Catalog, language: Language): BrowserMessages {
  const files: BrowserMessages = {};
  for (const [name, message] of Object.entries(catalog)) {
    if (!MESSAGE_NAME.test(name) || name.includes('__')) throw new Error(`"${name}" is not a valid message name`);
    const text = message[language];
    if (isPlural(text)) {
      for (const [category, form] of Object.entries(text)) {
        files[pluralMessageName(name, category)] = { message: escapeForBrowser(form) };
      }
    } else {
      files[name] = { message: escapeForBrowser(text) };
    }
  }
  return files;
}

/** Every language's file, keyed by its path in the built extension. */
export function localeFiles(catalog: Catalog): Record<string, string> {
  return Object.fromEntries(
    LANGUAGES.map((language) => [
      `_locales/${language}/messages.json`,
      `${JSON.stringify(browserMessages(catalog, language), null, 2)}\n`,
    ]),
  );
}
