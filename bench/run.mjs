// npm run bench [-- --quick] [--latency 0,50] [--tasks 75000] [--seed-tasks N] [--bulk N] [--fresh]
//                 [--only s1,s2] [--update-docs]
//
// Sidekick's benchmark on the real Kitsu stack (npm run kitsu:up; KITSU_STACK_DIR picks another) and
// the built extension in real Chromium (SIDEKICK_OUT_DIR, headed: run it under xvfb-run). It seeds its
// own production beside the shared seed, measures, prints a table and writes bench/results/latest.json
// (quick.json for --quick, partial.json for --only).
// Sections: sizes, rules, bulk, dock, manager, events, scale. Every client reaches Kitsu through a delay proxy
// (bench/lib/kitsu-proxy.mjs): bulk runs at each --latency, the browser sections at the first one.
// --quick is CI's check that the benchmark works (small sizes, latency 0, no large production).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../test/e2e/support/browser.mjs';
import { readStack } from '../test/e2e/support/stack.mjs';
import { table, withRatios } from './lib/figures.mjs';
import { loadSidekick } from './lib/load-sidekick.mjs';
import { benchOptions, SECTIONS } from './lib/options.mjs';
import { ensureBenchProduction } from './lib/seed-bench.mjs';
import { benchBulk } from './sections/bulk.mjs';
import { benchDock } from './sections/dock.mjs';
import { benchEventBurst } from './sections/event-burst.mjs';
import { benchManagerDock } from './sections/manager.mjs';
import { benchRules } from './sections/rules.mjs';
import { benchScale } from './sections/scale.mjs';
import { benchSizes } from './sections/sizes.mjs';

function commandOutput(command, args) {
  try {
    return execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function machine(stack) {
  const cpus = os.cpus();
  return {
    host: os.hostname(),
    os: `${os.type()} ${os.release()}`,
    cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    loadAverageAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
    versions: {
      sidekick: JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version,
      commit: commandOutput('git', ['rev-parse', '--short', 'HEAD']),
      uncommittedChanges: Boolean(commandOutput('git', ['status', '--porcelain'])),
      node: process.version,
      chromium: commandOutput(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']),
      zou: stack?.zouVersion ?? null,
    },
  };
}

const DOCS_START = '<!-- bench:start -->';
const DOCS_END = '<!-- bench:end -->';

/** Replaces the table of docs/benchmarks.md with this run's. */
function updateDocs(markdown) {
  const file = path.join(ROOT, 'docs/benchmarks.md');
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(DOCS_START);
  const end = text.indexOf(DOCS_END);
  if (start < 0 || end < start) throw new Error(`docs/benchmarks.md has no ${DOCS_START} … ${DOCS_END} block`);
  fs.writeFileSync(file, `${text.slice(0, start + DOCS_START.length)}\n${markdown}\n${text.slice(end)}`);
}

async function main() {
  const options = benchOptions(process.argv.slice(2));
  const startedAt = Date.now();
  const log = (message) => console.log(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)}s] ${message}`);
  const run = (section) => options.only.includes(section);
  // Sizes and the rule engine need no Kitsu: `--only sizes,rules` runs without a stack.
  const needsKitsu = ['bulk', 'dock', 'manager', 'events', 'scale'].some(run);
  const stack = needsKitsu ? readStack() : null;
  const figures = [];
  /** What the sections found beyond their figures: where the time went (requests by route, worker CPU...). */
  const details = {};
  const about = machine(stack);
  log(`machine: ${about.cpu}, load ${about.loadAverageAtStart.join(' ')}; options ${JSON.stringify(options)}`);

  const failures = [];
  // A section that fails is reported and the others still run; the exit code says it failed.
  const section = async (name, measure) => {
    if (!run(name)) return;
    try {
      figures.push(...(await measure()));
    } catch (error) {
      failures.push({ section: name, error: error.stack ?? String(error) });
      log(`section ${name} FAILED: ${error.stack ?? error}`);
    }
  };

  await section('sizes', async () => benchSizes());
  const sidekick = await loadSidekick();
  await section('rules', () => benchRules(sidekick, { sizes: options.ruleSizes, repeats: options.repeats, log }));

  let production;
  let seedSeconds = 0;
  if (needsKitsu) {
    const seedStart = Date.now();
    production = await ensureBenchProduction(stack, { shots: options.shots, fresh: options.fresh, log });
    seedSeconds = (Date.now() - seedStart) / 1000;
    log(`production "${production.name}" ready in ${seedSeconds.toFixed(0)} s`);
  }
  const { bulk, bulkRepeats, sweepTasks, burstTasks, repeats, latencies, scale } = options;
  // The browser sections run under the first latency asked for (0 unless --latency says otherwise).
  const [latency] = latencies;
  await section('bulk', () =>
    benchBulk(sidekick, stack, production, { tasks: bulk, repeats: bulkRepeats, sweepTasks, latencies, log, details }),
  );
  await section('dock', () => benchDock(sidekick, stack, production, { repeats, latency, log }));
  await section('manager', () => benchManagerDock(sidekick, stack, production, { repeats, latency, burstTasks, log }));
  await section('events', () =>
    benchEventBurst(sidekick, stack, production, { tasks: burstTasks, latency, log, details }),
  );
  await section('scale', () => benchScale(sidekick, stack, production, { scale, latency, repeats, log, details }));

  const results = withRatios(figures);
  const finishedAt = new Date();
  const report = {
    date: finishedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    seedSeconds: Math.round(seedSeconds),
    mode: options.quick ? 'quick' : 'default',
    options,
    machine: { ...about, loadAverageAtEnd: os.loadavg().map((load) => Math.round(load * 100) / 100) },
    production: production && { name: production.name, shots: production.shots, tasks: production.tasks },
    figures: results,
    details,
    failures,
  };
  const out = path.join(ROOT, 'bench/results');
  fs.mkdirSync(out, { recursive: true });
  // Only a full default run replaces the recorded figures; CI's quick run and partial runs have their own file.
  const name = options.quick ? 'quick.json' : options.only.length < SECTIONS.length ? 'partial.json' : 'latest.json';
  fs.writeFileSync(path.join(out, name), `${JSON.stringify(report, null, 2)}\n`);
  // In the repository's format, so `npm run lint` stays clean once the results are committed (the others are ignored).
  if (name === 'latest.json') {
    execFileSync(path.join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', path.join(out, name)], {
      stdio: 'ignore',
    });
  }
  const markdown = [
    `Run of ${finishedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (${report.mode}, ${report.durationSeconds} s, ` +
      `${about.cpu}, load ${about.loadAverageAtStart[0]} → ${report.machine.loadAverageAtEnd[0]}, ` +
      `zou ${about.versions.zou}, ${about.versions.chromium ?? 'Chromium'}, commit ${about.versions.commit}` +
      `${about.versions.uncommittedChanges ? ' + changes' : ''}):`,
    '',
    table(results),
  ].join('\n');
  // The long task lists stay in the JSON file; requests by route, idle time, storage and worker CPU are printed.
  const { bulk: bulkDetails, eventBurst, scale: scaleDetails } = details;
  const returns = scaleDetails?.returnRequestsByRoute;
  console.log(`\n${markdown}`);
  if (bulkDetails || eventBurst || returns) {
    console.log(
      `\nWhere the time went: ${JSON.stringify({ bulk: bulkDetails, eventBurst, scaleReturns: returns }, null, 1)}`,
    );
  }
  const missed = results.filter((item) => item.goalMet === false);
  console.log(`\nGoals: ${results.filter((item) => item.goalMet).length} met, ${missed.length} missed`);
  console.log(`Written: bench/results/${name}`);
  if (options.updateDocs) updateDocs(markdown);
  if (failures.length > 0) {
    console.error(`\n${failures.length} section(s) failed: ${failures.map((failure) => failure.section).join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
