/**
 * Chromium in French (LANGUAGE=fr, --lang=fr): Sidekick's windows speak French. The dock, the popup,
 * the options page (the marker's French form and its preview) and the confirm window opened from the dock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dockIn } from './support/dock.mjs';
import { byTestId, openShotsWithOperator, reviewBulkPlan } from './support/plans.mjs';
import { kitsuGet, readStack } from './support/stack.mjs';

describe('in French', () => {
  let browser;
  let stack;
  let page;

  before(async () => {
    stack = readStack();
    ({ browser, page } = await openShotsWithOperator(stack, { language: 'fr' }));
  });
  after(async () => {
    await browser?.close();
  });

  it('the browser’s interface language is French', async () => {
    assert.match(await browser.worker.evaluate(() => chrome.i18n.getUILanguage()), /^fr/);
  });

  it('the dock: its sections, toggle and live count', async () => {
    const dock = dockIn(page);
    assert.equal(await dock.text('#sk-feature-bulk-helpers', { hasText: 'Modifications' }), 'Modifications groupées');
    assert.equal(await dock.attribute(byTestId('dock-toggle'), 'title'), 'Fermer Sidekick (Échap)');
    assert.match(await dock.text('#sk-feature-this-page'), /^Cette page/);
    await dock.fill(byTestId('bulk-name'), 'SH0010');
    await dock.waitFor(byTestId('bulk-count'), { hasText: /^\d+ tâches? correspond/ });
  });

  it('the popup', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByTestId('open-options').waitFor();
    assert.equal(await popup.getByTestId('open-options').textContent(), 'Paramètres');
    assert.match(await popup.locator('label.sk-switch').textContent(), /Mettre Sidekick en pause/);
    assert.match(await popup.getByTestId('app-version').textContent(), /^Version \d/);
    await popup.close();
  });

  it('the options page offers the marker in French and previews it', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('[data-testid="operator-form"][data-loaded="true"]').waitFor();
    assert.equal(await options.locator('#sk-connections-title').textContent(), 'Connexions Kitsu');
    assert.equal(await options.locator('#sk-audit-title').textContent(), 'Journal d’audit');
    await options.getByTestId('marker-language').selectOption('fr');
    assert.equal(
      await options.getByTestId('marker-preview').textContent(),
      'Aperçu : — publié par Kitsu Sidekick, confirmé par Ada Operator',
    );
    await options.getByTestId('marker-language').selectOption('en');
    await options.close();
  });

  it('the confirm window opens from the dock, told in French', async () => {
    const taskTypes = await kitsuGet(stack, '/data/task-types');
    const layout = taskTypes.find((taskType) => taskType.name === 'Layout');
    const dock = dockIn(page);
    await dock.select(byTestId('bulk-task-type'), layout.id);
    await dock.fill(byTestId('bulk-text'), 'Vérification en français.');
    await dock.waitFor(byTestId('bulk-count'), { hasText: /^1 tâche correspond\.$/ });
    const confirm = await reviewBulkPlan(browser, page);
    await dock.waitFor(byTestId('bulk-message'), {
      hasText: /^Un plan de 1 modification attend votre confirmation dans la fenêtre de Sidekick\.$/,
    });
    assert.ok(await confirm.getByTestId('plan-confirm').isVisible(), 'the confirm window shows its Confirm control');
    await confirm.close();
  });
});
