/**
 * npm run test:a11y: axe-core on every window of Sidekick, in light and dark, on the shipped build and
 * the real Kitsu stack. The dock (each panel, on a shots list and on a task page), the popup, the options
 * page (its settings panels and the audit log), the publish window, and the confirm window in its three
 * states (preview, running, done). Prints "N pages, S serious, C critical"; any serious or critical
 * violation fails the run, with its rule, help and elements.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dockIn } from '../e2e/support/dock.mjs';
import { byTestId, openShotsWithOperator, proposeBulkComment, waitForJobDone } from '../e2e/support/plans.mjs';
import { kitsuGet, readStack } from '../e2e/support/stack.mjs';
import { auditDock, auditPage, blocking, summaryLine } from './axe.mjs';

const THEMES = ['light', 'dark'];

describe('accessibility (axe-core), light and dark', () => {
  let browser;
  let stack;
  let page;
  const audits = [];

  /** Audits one view; its serious and critical violations are reported with the view's name. */
  async function record(name, audit) {
    const violations = await audit();
    audits.push({ name, violations });
    const bad = blocking(violations);
    assert.deepEqual(bad, [], `${name}: ${JSON.stringify(bad, null, 2)}`);
  }

  /** An extension page in each theme (the pages follow the system's colour scheme). */
  async function recordBothThemes(name, extensionPage) {
    for (const theme of THEMES) {
      await extensionPage.emulateMedia({ colorScheme: theme });
      await record(`${name} (${theme})`, () => auditPage(extensionPage));
    }
  }

  /** The dock in Kitsu's light and dark themes (the front door's toggle, as a person switches them). */
  async function recordDockBothThemes(name) {
    const dock = dockIn(page);
    for (const theme of THEMES) {
      await dock.waitFor(`[data-testid="sidekick-dock"][data-theme="${theme}"]`);
      await record(`${name} (${theme})`, () => auditDock(dock));
      await page.locator('button.dark-mode-toggle').click();
    }
  }

  before(async () => {
    stack = readStack();
    ({ browser, page } = await openShotsWithOperator(stack));
  });
  after(async () => {
    console.log(summaryLine(audits));
    for (const audit of audits) {
      for (const violation of audit.violations)
        console.log(`  ${audit.name}: ${violation.impact} ${violation.id} (${violation.help})`);
    }
    await browser?.close();
  });

  it('the dock on a shots list: this page, suggestions, bulk helpers, batch publish', async () => {
    const dock = dockIn(page);
    await dock.waitFor(byTestId('bulk-selection'), { timeout: 30_000 });
    await recordDockBothThemes('dock, shots list');
  });

  it('the dock on a task page: this page, suggestions, AI summary', async () => {
    const [shot] = await kitsuGet(stack, `/data/shots/with-tasks?project_id=${stack.production.id}`);
    const [task] = shot.tasks;
    await page.goto(`${stack.frontDoor}/productions/${stack.production.id}/shots/tasks/${task.id}`);
    await dockIn(page).waitFor(byTestId('feature-ai-summary'), { timeout: 30_000 });
    await recordDockBothThemes('dock, task page');
  });

  it('the popup, and the options page with the audit log', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByTestId('popup-pause').waitFor();
    await recordBothThemes('popup', popup);
    await popup.close();
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('[data-testid="agent-settings-form"][data-loaded="true"]').waitFor();
    await options.locator('[data-testid="audit-empty"], [data-testid="audit-table"]').first().waitFor();
    await recordBothThemes('options and audit log', options);
    await options.close();
  });

  it('the publish window, with a file in its table', async () => {
    await page.goto(`${stack.frontDoor}/productions/${stack.production.id}/shots`);
    const opened = browser.context.waitForEvent('page');
    await dockIn(page).click(byTestId('publish-open'), { timeout: 30_000 });
    const publish = await opened;
    await publish.getByTestId('publish-input').waitFor({ state: 'attached', timeout: 30_000 });
    await publish.getByTestId('publish-input').setInputFiles({
      name: 'SH0010_layout_v001.png',
      mimeType: 'image/png',
      buffer: Buffer.from('89504e470d0a1a0a', 'hex'),
    });
    await publish.getByTestId('publish-row').first().waitFor();
    await recordBothThemes('publish window', publish);
    await publish.close();
  });

  it('the confirm window: preview, running and done', async () => {
    const taskTypes = await kitsuGet(stack, '/data/task-types');
    const layout = taskTypes.find((taskType) => taskType.name === 'Layout');
    await dockIn(page).waitFor(byTestId('bulk-helpers'), { timeout: 30_000 });
    const confirm = await proposeBulkComment(browser, page, {
      taskTypeId: layout.id,
      nameFilter: 'SH00',
      text: 'Accessibility check: Sidekick’s test comment.',
    });
    await recordBothThemes('confirm window, preview', confirm);
    await confirm.emulateMedia({ colorScheme: 'light' });
    await confirm.getByTestId('plan-confirm').click();
    await confirm.locator('[data-testid="plan-progress"]').waitFor({ timeout: 30_000 });
    await record('confirm window, running (light)', () => auditPage(confirm));
    await waitForJobDone(confirm, 240_000);
    await recordBothThemes('confirm window, done', confirm);
  });
});
