// What a person can keep from leaving the browser: names, e-mail addresses, links, the production's
// name, shot/asset/task names. Names become "Person 1", "Person 2"… consistently, labels "Task 1",
// "Entity 1"…, so a draft that speaks of "Person 1" can be given its real name back on this side,
// after the model answered.
import { t } from '../i18n/pure';
import type { RedactableField } from '../messaging/protocol/ai';

export const REDACTABLE_LABELS: Record<RedactableField, string> = {
  names: t('errorAiRedactNames'),
  emails: t('errorAiRedactEmails'),
  links: t('errorAiRedactLinks'),
  production: t('errorAiRedactProduction'),
  labels: t('errorAiRedactLabels'),
};

/** Left out unless a person ticks them off: a name or an address says who, not what to write. */
export const DEFAULT_EXCLUSIONS: readonly RedactableField[] = ['names', 'emails'];

export type Redactor = {
  text(value: string): string;
  /** Placeholder → original, to give names back in the answer; only what was replaced. */
  restorations(): Record<string, string>;
};

export type KnownValues = {
  /** People's full names ("Ann Lee"). */
  names: readonly string[];
  production?: string;
  /** Task labels as Sidekick shows them ("SQ010 / SH0010 / Layout"). */
  labels?: readonly string[];
};

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const LINK = /\bhttps?:\/\/[^\s<>"')]+/gi;

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const distinct = (values: readonly string[]) => [
  ...new Set(values.map((value) => value.trim()).filter((value) => value.length > 1)),
];

type Replacement = { placeholder: string; original: string };

/**
 * Full names get a placeholder each; a first name stands for its person when only one person has it
 * ("Bo" → Bo Chen's placeholder, given back as "Bo Chen"), and gets a placeholder of its own when
 * several people share it (given back as the first name, since the model cannot tell who was meant).
 */
function nameReplacements(names: readonly string[]): Map<string, Replacement> {
  const replacements = new Map<string, Replacement>();
  // Longest first, so "Ann Lee-Smith" keeps a number apart from "Ann Lee".
  const full = distinct(names).sort((a, b) => b.length - a.length || a.localeCompare(b));
  full.forEach((name, index) => {
    replacements.set(name, { placeholder: `Person ${index + 1}`, original: name });
  });
  const owners = new Map<string, string[]>();
  for (const name of full) {
    const first = name.split(/\s+/)[0] ?? '';
    if (first.length > 1 && first !== name) owners.set(first, [...(owners.get(first) ?? []), name]);
  }
  let next = full.length;
  for (const [first, people] of [...owners].sort(([a], [b]) => a.localeCompare(b))) {
    if (replacements.has(first)) continue;
    const [only] = people;
    const replacement =
      people.length === 1 && only ? replacements.get(only) : { placeholder: `Person ${++next}`, original: first };
    if (replacement) replacements.set(first, replacement);
  }
  return replacements;
}

/** "SQ010 / SH0010 / Layout" → "Task 1"; the entity path's parts ("SQ010", "SH0010") → "Entity 1"… */
function labelReplacements(labels: readonly string[]): Map<string, Replacement> {
  const replacements = new Map<string, Replacement>();
  const full = distinct(labels);
  full.forEach((label, index) => {
    replacements.set(label, { placeholder: `Task ${index + 1}`, original: label });
  });
  // The last part is the task type (Layout, Animation…): a word of the trade, not a production's secret.
  const parts = distinct(full.flatMap((label) => label.split(' / ').slice(0, -1)));
  parts.forEach((part, index) => {
    if (!replacements.has(part)) replacements.set(part, { placeholder: `Entity ${index + 1}`, original: part });
  });
  return replacements;
}

/** Whole words only: "Ann" is not inside "Annual", "SH01" not inside "SH010". */
function wholeWords(values: readonly string[]): RegExp | null {
  if (values.length === 0) return null;
  const alternatives = [...values].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
}

export function createRedactor(exclude: readonly RedactableField[], known: KnownValues): Redactor {
  const excluded = new Set(exclude);
  const replacements = new Map<string, Replacement>([
    ...(excluded.has('labels') ? labelReplacements(known.labels ?? []) : []),
    // Names last: a person and a shot with the same name are a person.
    ...(excluded.has('names') ? nameReplacements(known.names) : []),
  ]);
  const pattern = wholeWords([...replacements.keys()]);
  const used = new Map<string, string>();
  const production = known.production?.trim();

  return {
    text(value: string): string {
      let result = value;
      // E-mail addresses and links first: a name inside an address must not leave half of it.
      if (excluded.has('emails')) result = result.replace(EMAIL, '[e-mail]');
      if (excluded.has('links')) result = result.replace(LINK, '[link]');
      if (excluded.has('production') && production) {
        result = result.split(production).join('the production');
      }
      if (pattern) {
        result = result.replace(pattern, (found) => {
          const replacement = replacements.get(found);
          if (!replacement) return found;
          used.set(replacement.placeholder, replacement.original);
          return replacement.placeholder;
        });
      }
      return result;
    },
    restorations: () => Object.fromEntries(used),
  };
}

/** Gives the names back: "Person 2" in a draft becomes the person it stood for. */
export function restoreNames(text: string, restorations: Readonly<Record<string, string>>): string {
  const placeholders = Object.keys(restorations).sort((a, b) => b.length - a.length);
  if (placeholders.length === 0) return text;
  // "Person 1" must not match the start of "Person 10".
  const pattern = new RegExp(`(?:${placeholders.map(escapeRegExp).join('|')})(?!\\d)`, 'g');
  return text.replace(pattern, (placeholder) => restorations[placeholder] ?? placeholder);
}
