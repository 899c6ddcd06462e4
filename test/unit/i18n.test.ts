import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Catalog, isPlural, LANGUAGES, type MessageText } from '../../lib/i18n/catalog';
import { createFormatters } from '../../lib/i18n/format';
import { browserMessages, localeFiles } from '../../lib/i18n/locale-files';
import { MESSAGES } from '../../lib/i18n/messages';
import { createBrowserTranslator, createTranslator, languageOf } from '../../lib/i18n/translate';

const placeholders = (text: MessageText): string[] =>
  (isPlural(text) ? [text.one, text.other] : [text])
    .flatMap((form) => [...form.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))
    .filter((name, index, all) => all.indexOf(name) === index)
    .sort();

/** The same check the catalog gets, run on any catalog (so it can be seen to fail). */
function catalogProblems(catalog: Catalog): string[] {
  const problems: string[] = [];
  for (const [name, message] of Object.entries(catalog)) {
    for (const language of LANGUAGES) {
      const text = message[language] as MessageText | undefined;
      const forms = text === undefined ? [] : isPlural(text) ? [text.one, text.other] : [text];
      if (forms.length === 0 || forms.some((form) => typeof form !== 'string' || form.trim() === '')) {
        problems.push(`${name}: no ${language} text`);
      }
    }
    if (message.en && message.fr && placeholders(message.en).join() !== placeholders(message.fr).join()) {
      problems.push(`${name}: English and French use different {values}`);
    }
    if (message.en && message.fr && isPlural(message.en) !== isPlural(message.fr)) {
      problems.push(`${name}: plural in one language only`);
    }
  }
  return problems;
}

describe('the catalog', () => {
  it('has every message in English and French, with the same {values}', () => {
    expect(catalogProblems(MESSAGES)).toEqual([]);
  });

  it('declares each message name in one surface only (a second one would silently replace the first)', () => {
    const folder = path.join(import.meta.dirname, '../../lib/i18n/messages');
    const surfacesOf = new Map<string, string[]>();
    for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.json'))) {
      for (const name of Object.keys(JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')))) {
        surfacesOf.set(name, [...(surfacesOf.get(name) ?? []), file]);
      }
    }
    expect([...surfacesOf].filter(([, files]) => files.length > 1)).toEqual([]);
    expect([...surfacesOf.keys()].sort()).toEqual(Object.keys(MESSAGES).sort());
  });

  it('finds a missing French text, an empty one and a lost {value}', () => {
    const broken = {
      missingFrench: { en: 'Save' },
      emptyFrench: { en: 'Close', fr: ' ' },
      lostValue: { en: '{count} tasks', fr: 'tâches' },
    } as unknown as Catalog;
    expect(catalogProblems(broken)).toEqual([
      'missingFrench: no fr text',
      'emptyFrench: no fr text',
      'lostValue: English and French use different {values}',
    ]);
  });

  it('becomes the browser’s messages.json files, plurals as name__one and name__other, $ escaped', () => {
    const catalog = {
      price: { en: 'Costs $5', fr: 'Coûte 5 $' },
      tasks: {
        en: { one: '{count} task', other: '{count} tasks' },
        fr: { one: '{count} tâche', other: '{count} tâches' },
      },
    };
    expect(browserMessages(catalog, 'fr')).toEqual({
      price: { message: 'Coûte 5 $$' },
      tasks__one: { message: '{count} tâche' },
      tasks__other: { message: '{count} tâches' },
    });
    expect(Object.keys(localeFiles(MESSAGES))).toEqual(['_locales/en/messages.json', '_locales/fr/messages.json']);
    expect(() => browserMessages({ 'bad-name': { en: 'x', fr: 'x' } }, 'en')).toThrow('not a valid message name');
  });
});

describe('t()', () => {
  const catalog = {
    tasks: {
      en: { one: '{count} task', other: '{count} tasks' },
      fr: { one: '{count} tâche', other: '{count} tâches' },
    },
    hello: { en: 'Hello {name}', fr: 'Bonjour {name}' },
  };
  const noBrowser = { getMessage: () => '' };

  it('picks the plural form by the language’s rules: French says 0 tâche, English 0 tasks', () => {
    const fr = createTranslator(catalog, { ...noBrowser, uiLanguage: 'fr-FR' });
    const en = createTranslator(catalog, { ...noBrowser, uiLanguage: 'en-GB' });
    expect([0, 1, 2].map((count) => fr.t('tasks', { count }))).toEqual(['0 tâche', '1 tâche', '2 tâches']);
    expect([0, 1, 2].map((count) => en.t('tasks', { count }))).toEqual(['0 tasks', '1 task', '2 tasks']);
    expect(fr.t('tasks', { count: 1234 })).toBe('1\u202f234 tâches');
  });

  it('takes the browser’s text first, the catalog’s when the browser has none', () => {
    const fromBrowser = createTranslator(catalog, {
      getMessage: (name) => (name === 'hello' ? 'Salut {name}' : ''),
      uiLanguage: 'fr',
    });
    expect(fromBrowser.t('hello', { name: 'Hélène' })).toBe('Salut Hélène');
    expect(fromBrowser.t('tasks', { count: 3 })).toBe('3 tâches');
    const throwing = createTranslator(catalog, {
      getMessage: () => {
        throw new Error('not implemented');
      },
      uiLanguage: 'de',
    });
    expect(throwing.t('hello', { name: 'Jo' })).toBe('Hello Jo');
    expect(languageOf('de-DE')).toBe('en');
  });
});

describe('t() in Kitsu pages (browser messages only, no catalog)', () => {
  it('reads plain and plural messages from the browser’s files, in the language’s plural rules', () => {
    const files = browserMessages(
      {
        tasks: {
          en: { one: '{count} task', other: '{count} tasks' },
          fr: { one: '{count} tâche', other: '{count} tâches' },
        },
      },
      'fr',
    );
    const page = createBrowserTranslator<'tasks' | 'missing'>({
      getMessage: (name) => files[name]?.message ?? '',
      uiLanguage: 'fr-FR',
    });
    expect([0, 2].map((count) => page.t('tasks', { count }))).toEqual(['0 tâche', '2 tâches']);
    expect(page.t('missing')).toBe('missing');
  });
});

describe('formats', () => {
  it('writes numbers, days and lists in the language', () => {
    const fr = createFormatters('fr');
    const en = createFormatters('en');
    expect(fr.number(1234.5)).toBe('1\u202f234,5');
    expect(en.number(1234.5)).toBe('1,234.5');
    expect(fr.list(['Hélène', 'Ana', 'Jo'])).toBe('Hélène, Ana et Jo');
    expect(fr.percent(0.42)).toBe('42\u00a0%');
    expect(en.percent(0.42)).toBe('42%');
    expect(fr.weekday(Date.UTC(2026, 0, 5))).toBe('lun.');
    expect(en.fromNow(Date.UTC(2026, 0, 1, 0, 3), Date.UTC(2026, 0, 1))).toBe('in 3 minutes');
    expect(fr.fromNow(Date.UTC(2025, 11, 30), Date.UTC(2026, 0, 1))).toBe('avant-hier');
  });
});
