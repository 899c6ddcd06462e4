// The shape of Sidekick's interface strings. Each message is written once per language, beside its
// English, so that a missing French text is a type error and a failing unit test, not a blank label.
//
// A message is either a text or, for counts, one text per plural category of Intl.PluralRules ("one",
// "other"; French puts 0 and 1 in "one", English only 1). Values go in as {name}.

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export type PluralText = { one: string; other: string };
export type MessageText = string | PluralText;
export type Message = Record<Language, MessageText>;
export type Catalog = Record<string, Message>;

/** Chrome and Firefox accept message names of ASCII letters, digits and underscores only. */
export const MESSAGE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Declares one surface's messages; the type keeps every key with both languages. */
export const defineMessages = <const T extends Catalog>(messages: T): T => messages;

export const isPlural = (text: MessageText): text is PluralText => typeof text !== 'string';
