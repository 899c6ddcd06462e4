// `npm run demo`: Sidekick on a real Kitsu in one command. Builds the Chromium extension, starts the real
// stack (zou with the seeds and the front door; an already running one is reused and left running),
// opens Chromium with Sidekick loaded and connected to the seeded production (the writer bot's token, the
// host allowed through the browser's own dialog, an operator name set) on its shot list, and runs until
// Ctrl-C or the browser closes, then stops what it started.
//   --check     headless-safe: once the dock shows the page, walks a short tour (the dock, the suggestions,
//               a bulk plan's confirm window, cancelled, and the publish window), saves a screenshot of each
//               in demo/, prints their paths and exits 0; a failed step is named and exits 1
//   --no-build  uses the build in .output/chrome-mv3 as it is
// Without a display it runs itself under Xvfb (the permission dialog needs a window) as the check: nobody
// could see the browser, so it walks the tour and exits.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { ROOT } from '../test/e2e/support/browser.mjs';
import { dockIn } from '../test/e2e/support/dock.mjs';
import { openShotsWithOperator } from '../test/e2e/support/plans.mjs';
import { readStack, STACK_FILE } from '../test/e2e/support/stack.mjs';
import { DEMO_DIR, walkTour } from './lib/demo-tour.mjs';

const args = process.argv.slice(2);
const check = args.includes('--check');

/** Runs a command with the terminal's output; resolves on exit 0. */
function run(command, commandArgs, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: ROOT, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${commandArgs.join(' ')}: ${signal ?? `exit ${code}`}`)),
    );
  });
}

async function stackAnswers() {
  if (!fs.existsSync(STACK_FILE)) return false;
  try {
    return (await fetch(`${readStack().frontDoor}/api`)).ok;
  } catch {
    return false;
  }
}

/** Under Xvfb when there is no display: the same script, its exit code passed on. */
async function underXvfb() {
  const script = [...process.argv.slice(1), ...(check ? [] : ['--check'])];
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x900x24', process.execPath, ...script], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  // Ctrl-C reaches the whole process group: the child stops what it started; this one waits for it.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  const code = await new Promise((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
  process.exit(code);
}

async function main() {
  await run('bash', ['scripts/ensure-system-packages.sh']);
  if (!process.env.DISPLAY) return underXvfb();
  if (!args.includes('--no-build')) await run('npx', ['wxt', 'build']);

  const reused = await stackAnswers();
  let stopping = false;
  let browser = null;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    await browser?.close().catch(() => {});
    if (!reused) await run('npm', ['run', 'kitsu:down']).catch((error) => console.error(error.message));
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    if (reused) console.log(`Reusing the Kitsu stack of ${STACK_FILE} (left running).`);
    else await run('npm', ['run', 'kitsu:up']);
    const stack = readStack();
    const opened = await openShotsWithOperator(stack, { dockTimeout: 60_000 });
    browser = opened.browser;
    const dock = dockIn(opened.page);
    await dock.waitFor('[data-testid="this-page-names"]', { timeout: 30_000 });
    const names = await dock.text('[data-testid="this-page-names"]');
    console.log(`\nSidekick is connected to ${stack.frontDoor} as ${stack.bots.writer.name}: ${names}`);
    if (check) {
      const started = Date.now();
      const screenshots = await walkTour(stack, opened);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`demo check: the tour took ${seconds} s; ${screenshots.length} screenshots in ${DEMO_DIR}`);
      return stop(0);
    }
    console.log('Press Ctrl-C to stop Chromium and the Kitsu stack.');
    browser.context.on('close', () => void stop(0));
  } catch (error) {
    console.error(`demo: ${error.message}`);
    await stop(1);
  }
}

await main();
