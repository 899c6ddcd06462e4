// Prints the size of each built script, raw and gzipped: the content script runs on every Kitsu
// page, so its size is a budget (25 KB gzipped), checked here after every build.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const OUTPUT = path.resolve(import.meta.dirname, '..', process.env.SIDEKICK_OUT_DIR || '.output');
const CONTENT_SCRIPT_BUDGET = 25 * 1024;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let overBudget = false;
for (const target of ['chrome-mv3', 'firefox-mv3']) {
  const dir = path.join(OUTPUT, target);
  if (!fs.existsSync(dir)) continue;
  const scripts = [
    'background.js',
    ...fs.readdirSync(path.join(dir, 'content-scripts')).map((file) => `content-scripts/${file}`),
  ].filter((file) => file.endsWith('.js'));
  for (const file of scripts) {
    const raw = fs.readFileSync(path.join(dir, file));
    const gzipped = gzipSync(raw, { level: 9 }).length;
    const isContent = file.startsWith('content-scripts/');
    const verdict = isContent
      ? gzipped <= CONTENT_SCRIPT_BUDGET
        ? ' (within 25 KB)'
        : ' (OVER the 25 KB budget)'
      : '';
    if (isContent && gzipped > CONTENT_SCRIPT_BUDGET) overBudget = true;
    console.log(`${target}/${file}: ${kb(raw.length)} raw, ${kb(gzipped)} gzipped${verdict}`);
  }
}
if (overBudget) console.log('A content script is over its budget: see README "Performance".');
