// The benchmark's options from its command line: sizes, repeats and sections, --quick for CI.
export const SECTIONS = ['sizes', 'rules', 'bulk', 'extension', 'dock', 'heap'];
const TASKS_PER_SHOT = 5;
const HEAP_TASKS = 20_000;

export function benchOptions(argv) {
  const quick = argv.includes('--quick');
  const value = (flag) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const known = new Set(['--quick', '--fresh', '--update-readme', '--tasks', '--bulk', '--only']);
  for (const arg of argv) {
    if (arg.startsWith('--') && !known.has(arg)) throw new Error(`unknown option ${arg}`);
  }
  const tasks = Number(value('--tasks') ?? (quick ? 500 : 5_000));
  if (!Number.isInteger(tasks) || tasks < TASKS_PER_SHOT * 10) throw new Error('--tasks: a number ≥ 50');
  const shots = Math.round(tasks / TASKS_PER_SHOT);
  const bulk = Number(value('--bulk') ?? Math.min(shots, 1_000));
  if (!Number.isInteger(bulk) || bulk < 1 || bulk > shots) throw new Error(`--bulk: 1 to ${shots} (one per shot)`);
  const only = value('--only')?.split(',') ?? SECTIONS;
  for (const section of only) if (!SECTIONS.includes(section)) throw new Error(`--only: one of ${SECTIONS}`);
  return {
    quick,
    fresh: argv.includes('--fresh'),
    updateReadme: argv.includes('--update-readme'),
    shots,
    bulk,
    sweepTasks: Math.max(1, Math.round(bulk / 4)),
    repeats: quick ? 1 : 3,
    bulkRepeats: quick ? 1 : 2,
    ruleSizes: quick ? [500, 2_000] : [5_000, HEAP_TASKS],
    heapFactor: Math.max(1, Math.round((quick ? 2_000 : HEAP_TASKS) / (shots * TASKS_PER_SHOT))),
    only,
  };
}
