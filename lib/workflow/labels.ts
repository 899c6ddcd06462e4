// Labels that identify a task. Studios reuse shot names in every sequence (SH0010 exists forty
// times), sequence names across episodes, and asset names across asset types: a task is named by its
// whole place in the production, episode / sequence / shot / task type, or asset type / asset / task
// type. Within one list no two rows may read the same, so rows that still do get what tells them
// apart (the task's own name, an asset's episode, at last the start of the task id). Long names are
// shortened in the middle, where names differ least, and the full label stays available for a title.

export interface TaskLabelSource {
  taskId: string;
  entityType: 'shot' | 'asset' | 'other';
  entityName: string;
  episodeName?: string | null;
  sequenceName?: string | null;
  assetTypeName?: string | null;
  taskTypeName: string;
  /** zou's task name: "main" unless an entity has several tasks of one task type. */
  taskName?: string | null;
}

export interface TaskLabel {
  /** Every part in full, with what tells the row apart: for comments, logs and titles. */
  full: string;
  /** What a row shows: long parts shortened in the middle. */
  text: string;
  /** The shown parts, so that a view can isolate each one (names in right-to-left scripts). */
  parts: string[];
  /** The full label when `text` is shortened, for a title attribute. */
  title?: string;
}

export const LABEL_SEPARATOR = ' / ';
export const DEFAULT_MAX_PART_LENGTH = 32;
const ELLIPSIS = '…';

const present = (value: string | null | undefined): value is string => !!value?.trim();

/** The place of the task in the production, outermost first; parts zou did not give are left out. */
export function taskLabelParts(source: TaskLabelSource): string[] {
  const path =
    source.entityType === 'shot'
      ? [source.episodeName, source.sequenceName, source.entityName]
      : source.entityType === 'asset'
        ? [source.assetTypeName, source.entityName]
        : [source.episodeName, source.entityName];
  return [...path, source.taskTypeName].filter(present).map((part) => part.trim());
}

/** One task's label, outside any list. */
export function taskLabel(source: TaskLabelSource): string {
  return taskLabelParts(source).join(LABEL_SEPARATOR);
}

// One segmenter for every label: making one costs far more than segmenting a name.
const segmenter =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/** User-perceived characters: an emoji, a letter with its accents or a Hangul syllable counts as one. */
function graphemes(text: string): string[] {
  if (!segmenter) return Array.from(text);
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/** The text in at most `maxLength` characters, its middle replaced by "…" when too long. */
export function shortenMiddle(text: string, maxLength: number): string {
  // A text of at most maxLength UTF-16 units has at most as many characters: most names stop here.
  if (text.length <= maxLength) return text;
  const characters = graphemes(text);
  if (characters.length <= maxLength) return text;
  const kept = Math.max(maxLength - 1, 2);
  const head = characters.slice(0, Math.ceil(kept / 2)).join('');
  const tail = characters.slice(characters.length - Math.floor(kept / 2)).join('');
  return `${head.trimEnd()}${ELLIPSIS}${tail.trimStart()}`;
}

interface Row {
  source: TaskLabelSource;
  parts: string[];
  extras: string[];
  /** The parts joined, then the extras: kept up to date, as every pass compares it (75,000 rows at scale). */
  full: string;
}

function rowOf(source: TaskLabelSource): Row {
  const parts = taskLabelParts(source);
  return { source, parts, extras: [], full: parts.join(LABEL_SEPARATOR) };
}

function addExtra(row: Row, extra: string): void {
  row.extras.push(extra);
  row.full = `${row.parts.join(LABEL_SEPARATOR)} (${row.extras.join(', ')})`;
}

function collisions<T>(rows: readonly T[], key: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

/** What can tell two rows with the same place apart, in the order it is tried. */
const DISAMBIGUATORS: ((source: TaskLabelSource) => string)[] = [
  (source) => source.taskName?.trim() || 'main',
  (source) => (source.entityType === 'asset' ? source.episodeName?.trim() || 'no episode' : ''),
];

/** Rows by their full text, kept up to date as extras are added: built once for the whole list. */
function rowsByFull(rows: readonly Row[]) {
  const groups = new Map<string, Row[]>();
  const add = (row: Row) => {
    const group = groups.get(row.full);
    if (group) group.push(row);
    else groups.set(row.full, [row]);
  };
  rows.forEach(add);
  return {
    // Copies: adding an extra moves a row between groups while the caller walks one.
    colliding: () => [...groups.values()].filter((group) => group.length > 1).map((group) => [...group]),
    addExtra(row: Row, extra: string) {
      const group = groups.get(row.full) ?? [];
      group.splice(group.indexOf(row), 1);
      if (group.length === 0) groups.delete(row.full);
      addExtra(row, extra);
      add(row);
    },
  };
}

function tellApart(rows: Row[]): void {
  const byFull = rowsByFull(rows);
  for (const extra of DISAMBIGUATORS) {
    for (const group of byFull.colliding()) {
      const values = group.map((row) => extra(row.source));
      if (new Set(values).size < 2) continue;
      group.forEach((row, index) => {
        byFull.addExtra(row, values[index] ?? '');
      });
    }
  }
  for (const group of byFull.colliding()) {
    const ids = group.map((row) => row.source.taskId);
    let length = 6;
    while (
      length < Math.max(...ids.map((id) => id.length)) &&
      new Set(ids.map((id) => id.slice(0, length))).size < ids.length
    ) {
      length++;
    }
    for (const row of group) byFull.addExtra(row, `#${row.source.taskId.slice(0, length)}`);
  }
}

function shown(row: Row, maxPartLength: number): { parts: string[]; text: string } {
  // Most rows have no part to shorten: what they show is their full label.
  if (row.parts.every((part) => part.length <= maxPartLength) && row.extras.length === 0) {
    return { parts: row.parts, text: row.full };
  }
  const parts = row.parts.map((part) => shortenMiddle(part, maxPartLength));
  const last = parts.length - 1;
  if (row.extras.length > 0 && last >= 0) parts[last] = `${parts[last]} (${row.extras.join(', ')})`;
  return { parts, text: parts.join(LABEL_SEPARATOR) };
}

/**
 * The labels of the tasks of one list, by task id: no two read the same, shortened where a part is
 * longer than `maxPartLength` characters unless shortening would make two rows read the same.
 */
export function taskLabels(
  sources: readonly TaskLabelSource[],
  { maxPartLength = DEFAULT_MAX_PART_LENGTH }: { maxPartLength?: number } = {},
): Map<string, TaskLabel> {
  const unique = new Map(sources.map((source) => [source.taskId, source]));
  const rows = Array.from(unique.values(), rowOf);
  tellApart(rows);
  const displayed = new Map(rows.map((row) => [row, shown(row, maxPartLength)]));
  for (const group of collisions(rows, (row) => displayed.get(row)?.text ?? '')) {
    for (const row of group) displayed.set(row, shown(row, Number.POSITIVE_INFINITY));
  }
  return new Map(
    rows.map((row) => {
      const { full } = row;
      const { parts, text } = displayed.get(row) ?? shown(row, Number.POSITIVE_INFINITY);
      return [row.source.taskId, { full, text, parts, ...(text === full ? {} : { title: full }) }];
    }),
  );
}
