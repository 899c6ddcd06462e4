// The benchmark's options from its command line: sizes, conditions, repeats and sections, --quick for CI.
export const SECTIONS = ['sizes', 'rules', 'bulk', 'dock', 'manager', 'events', 'scale'];
export const TASKS_PER_SHOT = 5;
const SCALE_TASKS = 75_000;
const DEFAULT_LATENCIES = [0, 50];

/** Every value of a flag that may be given several times, each a comma-separated list. */
function listOf(argv, flag) {
  return argv.flatMap((arg, index) => (argv[index - 1] === flag ? arg.split(',') : []));
}

/** "75k" for 75,000, "2500" below a thousand's multiple: the size in a figure's id. */
export const sizeTag = (tasks) => (tasks % 1_000 === 0 ? `${tasks / 1_000}k` : String(tasks));

export function benchOptions(argv) {
  const quick = argv.includes('--quick');
  const value = (flag) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const withValue = new Set(['--tasks', '--seed-tasks', '--bulk', '--only', '--latency']);
  const known = new Set(['--quick', '--fresh', '--update-docs', ...withValue]);
  argv.forEach((arg, index) => {
    if (arg.startsWith('--') && !known.has(arg)) throw new Error(`unknown option ${arg}`);
    if (withValue.has(arg) && (argv[index + 1] === undefined || argv[index + 1].startsWith('--')))
      throw new Error(`${arg} needs a value`);
  });

  const seedTasks = Number(value('--seed-tasks') ?? (quick ? 500 : 5_000));
  if (!Number.isInteger(seedTasks) || seedTasks < TASKS_PER_SHOT * 10) throw new Error('--seed-tasks: a number ≥ 50');
  const shots = Math.round(seedTasks / TASKS_PER_SHOT);
  const bulk = Number(value('--bulk') ?? Math.min(shots, 1_000));
  if (!Number.isInteger(bulk) || bulk < 1 || bulk > shots) throw new Error(`--bulk: 1 to ${shots} (one per shot)`);

  const given = listOf(argv, '--latency');
  const latencies = given.length > 0 ? given.map(Number) : quick ? [0] : DEFAULT_LATENCIES;
  if (latencies.some((ms) => !Number.isInteger(ms) || ms < 0 || ms > 10_000))
    throw new Error('--latency: milliseconds, 0 to 10000 (e.g. --latency 0,50)');

  // The large production: `--tasks N`, or 75,000 in a default run; --quick skips it unless asked.
  const scaleTasks = value('--tasks') === undefined ? (quick ? null : SCALE_TASKS) : Number(value('--tasks'));
  const seededTasks = shots * TASKS_PER_SHOT;
  if (scaleTasks !== null && (!Number.isInteger(scaleTasks) || scaleTasks < seededTasks))
    throw new Error(`--tasks: a number ≥ the seeded production's ${seededTasks} tasks`);
  const only = value('--only')?.split(',') ?? SECTIONS.filter((section) => section !== 'scale' || scaleTasks !== null);
  for (const section of only) if (!SECTIONS.includes(section)) throw new Error(`--only: one of ${SECTIONS}`);
  if (only.includes('scale') && scaleTasks === null) throw new Error('--only scale: give the size with --tasks N');

  return {
    quick,
    fresh: argv.includes('--fresh'),
    updateDocs: argv.includes('--update-docs'),
    shots,
    bulk,
    latencies: [...new Set(latencies)],
    // The executor's concurrency sweep; --quick skips it.
    sweepTasks: quick ? null : Math.max(1, Math.round(bulk / 4)),
    /** Status changes of another user's bulk job in the event burst. */
    burstTasks: quick ? Math.min(bulk, 20) : bulk,
    repeats: quick ? 1 : 3,
    bulkRepeats: quick ? 1 : 2,
    ruleSizes: quick ? [500, 2_000] : [seededTasks, scaleTasks ?? 4 * seededTasks],
    scale: scaleTasks === null ? null : { tasks: scaleTasks, factor: Math.round(scaleTasks / seededTasks) },
    only,
  };
}
