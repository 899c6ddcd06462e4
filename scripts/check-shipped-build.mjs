// Checks the builds that ship (chrome-mv3 and firefox-mv3 in the output folder): the dock's shadow root
// is created closed, so no page script can read it, and there is no way to build it open: no build
// flag, no test hook (the browser tests reach the dock through the DevTools protocol in Chromium and
// through the dock's frame in Firefox). Run after every build (build, test:hostile, test:faults,
// test:e2e:firefox), so a change that opens the root fails them all.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Every shadow root the content script attaches, as the minifier writes it: `attachShadow({mode:"closed"})`. */
const ATTACH = /attachShadow\(([^)]*)\)/g;
const CLOSED = /^\{\s*mode:\s*(["'`])closed\1\s*\}$/;

/** What is wrong with one content script's source; empty when it attaches the dock's root, closed, only. */
export function rootModeProblems(source) {
  const calls = [...source.matchAll(ATTACH)].map((match) => match[1].trim());
  if (calls.length === 0) return ['attaches no shadow root (the dock root is not created closed)'];
  return calls.filter((options) => !CLOSED.test(options)).map((options) => `attaches a shadow root with ${options}`);
}

/** Problems of every content script of the shipped builds in `outputDir`, as "target/file: problem". */
export function shippedBuildProblems(outputDir) {
  const problems = [];
  for (const target of ['chrome-mv3', 'firefox-mv3']) {
    const dir = path.join(outputDir, target, 'content-scripts');
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.js'))) {
      for (const problem of rootModeProblems(fs.readFileSync(path.join(dir, file), 'utf8')))
        problems.push(`${target}/content-scripts/${file}: ${problem}`);
    }
  }
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outputDir = path.resolve(import.meta.dirname, '..', process.env.SIDEKICK_OUT_DIR || '.output');
  const problems = shippedBuildProblems(outputDir);
  const checked = ['chrome-mv3', 'firefox-mv3'].filter((target) => fs.existsSync(path.join(outputDir, target)));
  if (checked.length === 0) problems.push(`no build in ${outputDir}`);
  if (problems.length > 0) {
    console.error(`Shipped build check failed:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`Shipped build check: the dock root is closed in ${checked.join(' and ')}.`);
}
