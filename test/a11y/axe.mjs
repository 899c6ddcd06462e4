/**
 * axe-core, run in a page of the extension (through the DevTools protocol, which the extension pages'
 * CSP does not apply to) or in the dock's own document inside its closed shadow root (through
 * test/e2e/support/dock.mjs, which reaches it the same way). Results are cut down to what a report needs.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG A and AA, 2.0 to 2.2, and axe's best practices. */
const RUN_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
};

/** In the page: axe's violations cut down to their rule, impact, help and first elements. */
const briefly = `(results) => results.violations.map((violation) => ({
  id: violation.id,
  impact: violation.impact,
  help: violation.help,
  targets: violation.nodes.slice(0, 5).map((node) => ({ target: node.target.join(' '), summary: node.failureSummary })),
}))`;

/** The violations of an extension page (a Playwright page). */
export async function auditPage(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(`window.axe.run(${JSON.stringify(RUN_OPTIONS)}).then(${briefly})`);
}

/**
 * The violations of the dock's document (a Dock from test/e2e/support/dock.mjs). The function runs in
 * another world than the dock's frame, so axe is loaded into the frame's own window and run there.
 */
export function auditDock(dock) {
  return dock.run(
    `async (doc, source, options) => {
      const frame = doc.defaultView;
      frame.eval(source);
      return (${briefly})(await frame.axe.run(doc, options));
    }`,
    [AXE_SOURCE, RUN_OPTIONS],
  );
}

/** Violations that fail the run. */
export const blocking = (violations) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

export function summaryLine(audits) {
  const count = (impact) =>
    audits.reduce((sum, audit) => sum + audit.violations.filter((v) => v.impact === impact).length, 0);
  return `${audits.length} pages, ${count('serious')} serious, ${count('critical')} critical`;
}
