// Kitsu renders comments as Markdown: a file name put into a comment must read as the name, never as
// markup (`*SH010*_[x](y).png` is neither emphasis nor a link). Escapes only what can make markup, so
// ordinary names (SH010_anim_v001.png) stay as typed in the text people read.

/** Characters that make markup wherever they are: code, emphasis, links, HTML, strike-through, tables, entities. */
const ALWAYS = new Set(['\\', '`', '*', '[', ']', '<', '>', '~', '|', '&']);

const isWordCharacter = (character: string | undefined) => character !== undefined && /[\p{L}\p{N}]/u.test(character);

export function escapeMarkdown(name: string): string {
  // A line break would start a new block (a heading, a list…) in the middle of the comment.
  const characters = [...name.replace(/[\r\n\u2028\u2029]+/g, ' ')];
  const escaped = characters
    .map((character, index) => {
      // "_" opens or closes emphasis only beside something else than a letter or a digit.
      const markup =
        ALWAYS.has(character) ||
        (character === '_' && !(isWordCharacter(characters[index - 1]) && isWordCharacter(characters[index + 1])));
      return markup ? `\\${character}` : character;
    })
    .join('');
  // At the start: a heading ("# "), a list item ("- ", "+ ", "1. ", "1) ").
  return escaped.replace(/^([#+-])/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}
