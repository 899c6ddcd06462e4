/** "1 task", "0 tasks", "3 tasks"; `many` for plurals that are not the word plus "s". */
export const plural = (count: number, word: string, many = `${word}s`) => `${count} ${count === 1 ? word : many}`;

/** The text in at most `max` characters, its end replaced by "…" when it is longer: a quote, a message. */
export const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * A long name cut in its middle, where names differ least: "SQ010_SH0360 / Layout" keeps its start and
 * its end ("SQ010_S…/ Layout"). The full name goes in a tooltip.
 */
export function middleShorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const kept = Math.max(max - 1, 2);
  const head = Math.ceil(kept / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (kept - head))}`;
}

/** A person's initials as Kitsu's avatars show them: first letters of the first two words. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => [...word][0]?.toUpperCase() ?? '')
    .join('');
}
