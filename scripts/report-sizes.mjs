// Prints the size of each built script, raw and gzipped: the content script runs on every Kitsu
// page, so its size is a budget (25 KB gzipped), checked here after every build. Other top-level
// scripts (the dock's lazy panels) are injected into Kitsu pages on first use. The benchmark
// (bench/) reads the same figures through scriptSizes().
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const CONTENT_SCRIPT_BUDGET = 25 * 1024;

/** The background, content and injected scripts of each build found in `outputDir`, raw and gzipped bytes. */
export function scriptSizes(
  outputDir = path.resolve(import.meta.dirname, '..', process.env.SIDEKICK_OUT_DIR || '.output'),
) {
  const sizes = [];
  for (const target of ['chrome-mv3', 'firefox-mv3']) {
    const dir = path.join(outputDir, target);
    if (!fs.existsSync(dir)) continue;
    const scripts = [
      'background.js',
      ...fs.readdirSync(path.join(dir, 'content-scripts')).map((file) => `content-scripts/${file}`),
      ...fs.readdirSync(dir).filter((file) => file !== 'background.js'),
    ].filter((file) => file.endsWith('.js'));
    for (const file of scripts) {
      const raw = fs.readFileSync(path.join(dir, file));
      sizes.push({
        target,
        file,
        isContent: file.startsWith('content-scripts/'),
        raw: raw.length,
        gzipped: gzipSync(raw, { level: 9 }).length,
      });
    }
  }
  return sizes;
}

function printSizes() {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  let overBudget = false;
  for (const { target, file, isContent, raw, gzipped } of scriptSizes()) {
    const verdict = isContent
      ? gzipped <= CONTENT_SCRIPT_BUDGET
        ? ' (within 25 KB)'
        : ' (OVER the 25 KB budget)'
      : '';
    if (isContent && gzipped > CONTENT_SCRIPT_BUDGET) overBudget = true;
    console.log(`${target}/${file}: ${kb(raw)} raw, ${kb(gzipped)} gzipped${verdict}`);
  }
  if (overBudget) console.log('A content script is over its budget: see README "Performance".');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) printSizes();
