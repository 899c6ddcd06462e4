// Seeds the running local Kitsu stack (see kitsu-up.mjs) with two productions, "Fox Tales" (sized by
// the options below) and "Lune Rousse" (a fixed studio workflow), and records the result in
// .kitsu-stack/stack.json. Re-running it replaces both.
//
//   npm run kitsu:seed [-- --shots N | --tasks N] [--assets N] [--seed N]
//   env: KITSU_SEED_SHOTS, KITSU_SEED_TASKS, KITSU_SEED_ASSETS, KITSU_SEED
import { pathToFileURL } from 'node:url';
import { ensureBots } from './lib/bots.mjs';
import { addToTeam } from './lib/seed-helpers.mjs';
import {
  DEFAULT_ASSETS,
  DEFAULT_SEED,
  DEFAULT_SHOTS,
  PERSON_PASSWORD,
  seedProduction,
  shotsForTaskTarget,
} from './lib/seed-production.mjs';
import { seedStudioProduction } from './lib/seed-studio.mjs';
import { readStackFile, writeStackFile } from './lib/stack-config.mjs';
import { ZouClient } from './lib/zou-client.mjs';

function positiveInteger(name, value) {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new Error(`${name} must be a positive integer, got "${value}".`);
  return number;
}

/** Reads sizes from `--shots N`-style arguments first, then KITSU_SEED_* variables. */
export function seedOptionsFrom(argv = process.argv.slice(2), env = process.env) {
  const raw = {
    shots: env.KITSU_SEED_SHOTS,
    tasks: env.KITSU_SEED_TASKS,
    assets: env.KITSU_SEED_ASSETS,
    seed: env.KITSU_SEED,
  };
  for (let index = 0; index < argv.length; index++) {
    const flag = /^--(shots|tasks|assets|seed)(?:=(.*))?$/.exec(argv[index]);
    if (!flag) throw new Error(`Unknown argument "${argv[index]}" (expected --shots, --tasks, --assets or --seed).`);
    raw[flag[1]] = flag[2] ?? argv[++index];
  }
  const assets = raw.assets === undefined ? DEFAULT_ASSETS : positiveInteger('--assets', raw.assets);
  let shots = raw.shots === undefined ? DEFAULT_SHOTS : positiveInteger('--shots', raw.shots);
  if (raw.tasks !== undefined) shots = shotsForTaskTarget(positiveInteger('--tasks', raw.tasks), assets);
  const seed = raw.seed === undefined ? DEFAULT_SEED : positiveInteger('--seed', raw.seed);
  return { shots, assets, seed };
}

export async function runSeed(options) {
  const stack = readStackFile();
  const admin = await ZouClient.login(stack.api, stack.admin.email, stack.admin.password);
  const seeded = await seedProduction(admin, options);
  const studioStartedAt = Date.now();
  const studio = await seedStudioProduction(admin);
  studio.seconds = Number(((Date.now() - studioStartedAt) / 1000).toFixed(1));
  const bots = await ensureBots(admin);
  for (const projectId of [seeded.project.id, studio.id]) {
    await addToTeam(
      admin,
      projectId,
      Object.values(bots).map((bot) => bot.id),
    );
  }
  writeStackFile({
    ...stack,
    bots,
    production: {
      id: seeded.project.id,
      name: seeded.project.name,
      episodes: seeded.episodes.map((episode) => episode.id),
    },
    persons: seeded.people.map((person) => ({
      id: person.id,
      full_name: person.full_name,
      role: person.role,
      email: person.email,
      password: PERSON_PASSWORD,
    })),
    seed: { ...seeded.counts, seed: options.seed, xss: seeded.xss },
    // The second production: a studio's own workflow (see scripts/lib/studio-spec.mjs).
    studio,
  });
  return { ...seeded, studio };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const startedAt = Date.now();
  try {
    const options = seedOptionsFrom();
    console.log(`Seeding ${options.shots} shots, ${options.assets} assets (seed ${options.seed})...`);
    await runSeed(options);
    console.log(`Seeded in ${((Date.now() - startedAt) / 1000).toFixed(1)}s.`);
  } catch (error) {
    console.error(`kitsu:seed failed: ${error.message}`);
    process.exitCode = 1;
  }
}
