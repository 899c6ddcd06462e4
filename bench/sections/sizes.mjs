// 4a. Gzipped size of the built scripts (scripts/report-sizes.mjs): what every Kitsu page loads
// (content script), what the dock loads on first use (lazy panels) and the background.
import path from 'node:path';
import { CONTENT_SCRIPT_BUDGET, scriptSizes } from '../../scripts/report-sizes.mjs';
import { ROOT } from '../../test/e2e/support/browser.mjs';
import { figure } from '../lib/figures.mjs';

export function benchSizes() {
  const sizes = scriptSizes(path.join(ROOT, process.env.SIDEKICK_OUT_DIR || '.output'));
  if (sizes.length === 0) throw new Error('No build to measure: run npm run build (or wxt build) first.');
  return sizes.map(({ target, file, isContent, raw, gzipped }) =>
    figure({
      id: `size-${target}-${file}`,
      section: 'size',
      label: `${target}/${file} gzipped (${(raw / 1024).toFixed(1)} KB raw)`,
      unit: 'KB',
      values: [gzipped / 1024],
      goal: isContent ? `≤ ${CONTENT_SCRIPT_BUDGET / 1024} KB` : undefined,
    }),
  );
}
