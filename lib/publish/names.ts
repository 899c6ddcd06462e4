// How a file name is read before matching: extension off, version and frame
// ranges taken out, the rest cut into lowercase words at the separators.
// Every rule comes from `NamePatterns`, so a studio with other habits can change them.

export interface NamePatterns {
  /** Characters that separate words in a file name. */
  separators: string;
  /** Regex source (case-insensitive) of a version word; group 1 is the number. */
  version: string;
  /**
   * Regex sources (case-insensitive) of frame ranges and padding, removed from the name before it is cut
   * into words (a range holds a separator). Numbers after the version word are frame numbers too.
   */
  frames: readonly string[];
  /** Extra words per task type name (lowercase): studios abbreviate task types in file names. */
  taskTypeAliases: Readonly<Record<string, readonly string[]>>;
}

export const DEFAULT_NAME_PATTERNS: NamePatterns = {
  separators: '_.- ',
  version: '^v(\\d{1,5})$',
  frames: [
    // 1001-1100, [1001-1100], (1-24), 1001to1100
    '[\\[(]?(?<![a-z0-9])\\d{1,7}(?:-|to)\\d{1,7}(?![a-z0-9])[\\])]?',
    // ####, @@@@, %04d, $F4
    '#+|@+|%0?\\d*d|\\$f\\d?',
  ],
  taskTypeAliases: {
    animation: ['anim', 'ani', 'anm'],
    compositing: ['comp', 'cmp'],
    layout: ['lay', 'lyt'],
    modeling: ['model', 'mod', 'modelling', 'mdl'],
    rigging: ['rig'],
    concept: ['cpt', 'design'],
    lighting: ['light', 'lgt', 'lig'],
    shading: ['shd', 'lookdev', 'surfacing'],
    fx: ['vfx', 'effects'],
    storyboard: ['board', 'sb', 'story'],
    texture: ['tex', 'texturing'],
    render: ['rdr', 'rendering'],
  },
};

export interface ReadName {
  /** The extension, lowercase, without the dot ("" when none). */
  extension: string;
  /** Words of the name, lowercase, version and frame words removed, in order. */
  words: string[];
  version: number | null;
}

export function splitWords(text: string, separators: string): string[] {
  const split = new RegExp(`[${escapeClass(separators)}]+`);
  return text
    .toLowerCase()
    .split(split)
    .filter((word) => word !== '');
}

export function readFileName(fileName: string, patterns: NamePatterns = DEFAULT_NAME_PATTERNS): ReadName {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const version = new RegExp(patterns.version, 'i');
  const cleaned = patterns.frames.reduce((text, source) => text.replace(new RegExp(source, 'gi'), ' '), stem);
  let found: number | null = null;
  const words: string[] = [];
  for (const word of splitWords(cleaned, `${patterns.separators} `)) {
    const versionMatch = version.exec(word);
    if (versionMatch) {
      // The last version word wins: "v2_comp_v003" is version 3.
      found = Number(versionMatch[1]);
      continue;
    }
    // "…_v003.1001.png": a number after the version is a frame.
    if (found !== null && /^\d+$/.test(word)) continue;
    words.push(word);
  }
  return { extension, words, version: found };
}

/** "sh010" and "sh0010" are the same name to a person: numbers compare without their zero padding. */
export function unpadded(word: string): string {
  return word.replace(/\d+/g, (digits) => String(Number(digits)));
}

function escapeClass(text: string): string {
  return text.replace(/[\\\]^-]/g, '\\$&');
}
