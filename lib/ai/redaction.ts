// What a person can keep from leaving the browser: names, e-mail addresses, links, the production's
// name. Names become "Person 1", "Person 2"… consistently, so a draft that speaks of "Person 1" can
// be given its real name back on this side, after the model answered.

export const REDACTABLE_FIELDS = ['names', 'emails', 'links', 'production'] as const;
export type RedactableField = (typeof REDACTABLE_FIELDS)[number];

export const REDACTABLE_LABELS: Record<RedactableField, string> = {
  names: 'people’s names (sent as Person 1, Person 2…)',
  emails: 'e-mail addresses',
  links: 'links (web addresses)',
  production: 'the production’s name',
};

export type Redactor = {
  text(value: string): string;
  /** Placeholder → original, to give names back in the answer; only what was replaced. */
  restorations(): Record<string, string>;
};

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const LINK = /\bhttps?:\/\/[^\s<>"')]+/gi;

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createRedactor(
  exclude: readonly RedactableField[],
  known: { names: readonly string[]; production?: string },
): Redactor {
  const excluded = new Set(exclude);
  const placeholders = new Map<string, string>();
  const used = new Map<string, string>();
  // Longest first, so "Ann Lee-Smith" is replaced before "Ann Lee".
  const names = [...new Set(known.names.map((name) => name.trim()).filter((name) => name.length > 1))].sort(
    (a, b) => b.length - a.length,
  );
  names.forEach((name, index) => {
    placeholders.set(name, `Person ${index + 1}`);
  });
  const namePattern = names.length > 0 ? new RegExp(names.map(escapeRegExp).join('|'), 'g') : null;
  const production = known.production?.trim();

  return {
    text(value: string): string {
      let result = value;
      // E-mail addresses and links first: a name inside an address must not leave half of it.
      if (excluded.has('emails')) result = result.replace(EMAIL, '[e-mail]');
      if (excluded.has('links')) result = result.replace(LINK, '[link]');
      if (excluded.has('names') && namePattern) {
        result = result.replace(namePattern, (name) => {
          const placeholder = placeholders.get(name) ?? name;
          used.set(placeholder, name);
          return placeholder;
        });
      }
      if (excluded.has('production') && production) {
        result = result.split(production).join('the production');
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
