// Figures of a benchmark run: every figure keeps its repeats and is summarised as min/median/max;
// a figure measured against a baseline of the same run also carries the ratio of the medians.

export function summarise(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { min: sorted[0], median, max: sorted.at(-1), repeats: sorted.length };
}

/** "50 ms", "5×": a ratio's sign sticks to its number. */
const withUnit = (text, unit) => `${text}${unit ? (unit === '×' ? '×' : ` ${unit}`) : ''}`;

/**
 * A goal checked on a figure's median: `{ max }` or `{ min }` (same unit as the figure); `text` replaces
 * the generated wording ("≤ 50 ms"). A plain string is a goal stated but not checked.
 */
function goalOf(goal, unit, median) {
  if (goal === undefined || typeof goal === 'string') return { goal };
  const [sign, bound] = goal.max !== undefined ? ['≤', goal.max] : ['≥', goal.min];
  const met = goal.max !== undefined ? median <= goal.max : median >= goal.min;
  const text = goal.text ?? (bound === 0 && sign === '≤' ? '0' : `${sign} ${withUnit(bound, unit)}`);
  return { goal: text, goalMet: met };
}

/**
 * A figure: `values` are the repeats; `baseline` (optional) is the id of the figure it is compared with,
 * `better` says which direction wins ('lower' for times and requests), `ratioWords` how the table says it
 * (['faster', 'slower'] for times, ['fewer', 'more'] otherwise); `goal` is checked ({ max } / { min }) or a
 * plain sentence.
 */
export function figure({ id, section, label, unit, values, baseline, better = 'lower', ratioWords, goal, note }) {
  if (values.length === 0) throw new Error(`figure ${id} has no value`);
  const summary = summarise(values);
  return {
    id,
    section,
    label,
    unit,
    values,
    ...summary,
    baseline,
    better,
    ratioWords,
    ...goalOf(goal, unit, summary.median),
    note,
  };
}

/** Adds to each figure with a baseline the ratio "how many times better than the baseline", on medians. */
export function withRatios(figures) {
  const byId = new Map(figures.map((item) => [item.id, item]));
  return figures.map((item) => {
    const base = item.baseline ? byId.get(item.baseline) : undefined;
    if (!base || item.median === 0 || base.median === 0) return item;
    const ratio = item.better === 'lower' ? base.median / item.median : item.median / base.median;
    return { ...item, ratio: Math.round(ratio * 100) / 100 };
  });
}

const round = (value) => (Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1));

/** "5× faster", "1.6× slower", "2× fewer"... from the ratio (> 1: better than the baseline). */
function ratioText(item) {
  const [better, worse] =
    item.ratioWords ?? (item.unit === 'ms' || item.unit === 's' ? ['faster', 'slower'] : ['fewer', 'more']);
  if (item.better === 'higher') return `${item.ratio}× ${item.ratio >= 1 ? 'more' : 'less'}`;
  return item.ratio >= 1 ? `${item.ratio}× ${better}` : `${Math.round(100 / item.ratio) / 100}× ${worse}`;
}

/** The run as a Markdown table (also what docs/benchmarks.md shows), columns padded as Biome formats Markdown. */
export function table(figures) {
  const header = ['section', 'figure', 'median', 'min – max', 'repeats', 'vs baseline', 'goal'];
  const rows = figures.map((item) => {
    return [
      item.section,
      item.label,
      withUnit(round(item.median), item.unit),
      `${round(item.min)} – ${round(item.max)}`,
      String(item.repeats),
      item.ratio === undefined ? '' : ratioText(item),
      item.goal === undefined
        ? ''
        : `${item.goal}${item.goalMet === undefined ? '' : item.goalMet ? ': met' : ': MISSED'}`,
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  const notes = figures.filter((item) => item.note).map((item) => `- ${item.label}: ${item.note}`);
  return [
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n');
}
