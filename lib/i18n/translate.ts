// t(): a message in the browser's language. The text comes from the browser's i18n (the built
// _locales files); where there is none (unit tests, a page opened outside the extension), from the
// catalog in the language the browser asked for.
import { type Catalog, isPlural, type Language } from './catalog';
import { pluralMessageName } from './locale-files';

export type MessageValues = Record<string, string | number>;

export interface TranslatorPorts {
  /** browser.i18n.getMessage; '' when the browser has no such message. */
  getMessage: (name: string) => string;
  /** browser.i18n.getUILanguage, e.g. "fr-FR". */
  uiLanguage: string;
}

/** The catalog's language closest to the browser's: French for any French, English otherwise. */
export const languageOf = (uiLanguage: string): Language => (uiLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en');

/**
 * A message's text split at its {values}: literal, name, literal, name, …, literal. Parsed once per
 * text (the catalog's are a few thousand), as rules word tens of thousands of reasons at scale.
 */
const templates = new Map<string, string[]>();
function templateOf(text: string): string[] {
  let parts = templates.get(text);
  if (!parts) {
    parts = text.split(/\{(\w+)\}/);
    templates.set(text, parts);
  }
  return parts;
}

function fill(text: string, values: MessageValues, format: (value: number) => string): string {
  const parts = templateOf(text);
  let filled = parts[0] ?? '';
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index] ?? '';
    const value = values[name];
    filled += value === undefined ? `{${name}}` : typeof value === 'number' ? format(value) : value;
    filled += parts[index + 1] ?? '';
  }
  return filled;
}

/** What both translators share: the language, the browser's messages, plural categories, {values}. */
function translatorBasics(ports: TranslatorPorts) {
  const language = languageOf(ports.uiLanguage);
  const plurals = new Intl.PluralRules(language);
  const numbers = new Intl.NumberFormat(language);
  // Rules word tens of thousands of reasons at scale, most with a small count: a whole number below
  // 1,000 reads the same in both languages, and its plural form is looked up once.
  const isSmallCount = (value: number) => Number.isInteger(value) && value >= 0 && value < 1_000;
  const formatNumber = (value: number) => (isSmallCount(value) ? String(value) : numbers.format(value));
  const categories = new Map<number, 'one' | 'other'>();
  const categoryOfCount = (count: number): 'one' | 'other' => {
    const known = categories.get(count);
    if (known) return known;
    const category = plurals.select(count) === 'one' ? 'one' : 'other';
    if (isSmallCount(count)) categories.set(count, category);
    return category;
  };
  return {
    language,
    fromBrowser: (name: string): string => {
      try {
        return ports.getMessage(name);
      } catch {
        return '';
      }
    },
    /** The plural form `count` (a value, 0 when absent) takes in the language. */
    categoryOf: (values: MessageValues): 'one' | 'other' =>
      categoryOfCount(typeof values.count === 'number' ? values.count : 0),
    fill: (text: string, values: MessageValues) => fill(text, values, formatNumber),
  };
}

export function createTranslator<C extends Catalog>(catalog: C, ports: TranslatorPorts) {
  const { language, fromBrowser, categoryOf, fill } = translatorBasics(ports);

  /** The message `name` with its {values}; `count` picks the plural form. */
  function t(name: keyof C & string, values: MessageValues = {}): string {
    const text = catalog[name]?.[language];
    if (text === undefined) return name;
    if (!isPlural(text)) return fill(fromBrowser(name) || text, values);
    const category = categoryOf(values);
    return fill(fromBrowser(pluralMessageName(name, category)) || text[category], values);
  }
  return { t, language };
}

/**
 * t() from the browser's messages alone, without the catalog: for the scripts that run in Kitsu's pages,
 * whose size is a budget (the built extension always has its _locales files). A plural message is found
 * as its name__category forms.
 */
export function createBrowserTranslator<Name extends string>(ports: TranslatorPorts) {
  const { language, fromBrowser, categoryOf, fill } = translatorBasics(ports);
  function t(name: Name, values: MessageValues = {}): string {
    const text = fromBrowser(name);
    if (text) return fill(text, values);
    return fill(fromBrowser(pluralMessageName(name, categoryOf(values))) || name, values);
  }
  return { t, language };
}
