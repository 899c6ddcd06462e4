// Colours of Kitsu-like chips: a status's own colour with a readable text on it, a person's avatar colour.

/** Black or white text, whichever reads better on a "#rrggbb" background (WCAG relative luminance). */
export function textColourOn(background: string): '#000000' | '#ffffff' {
  const match = /^#?([0-9a-f]{6})$/i.exec(background.trim());
  if (!match?.[1]) return '#000000';
  const value = Number.parseInt(match[1], 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
  // Contrast against white (1.05 / (L + 0.05)) beats contrast against black ((L + 0.05) / 0.05) below L ≈ 0.18.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}

/** How many avatar colours there are (`.sk-avatar--0` … in components/ui/ui.css). */
export const AVATAR_COLOURS = 12;

/** The same name always gets the same avatar colour, one of AVATAR_COLOURS. */
export function avatarColour(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % AVATAR_COLOURS;
}
