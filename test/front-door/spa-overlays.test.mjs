// What sits over Kitsu's pages and what listens on its window, reproduced by the front door (real Zou):
// the preview player's window shortcuts (cgwire/kitsu src/composables/players/previewShortcuts.js), the task
// side panel on the right (src/components/sides/TaskInfo.vue), modals, the support chat bubble (src/App.vue),
// the theme root, and the task-type schedule tab, a Gantt chart with no table.datatable (src/pages/TaskType.vue).
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { clearShortcutLog, takeShortcutActions, takeShortcutLog } from '../e2e/support/kitsu-page.mjs';
import { pickSeededIds } from '../e2e/support/stack.mjs';
import { currentUrl, openApp, startSpa } from './support/spa.mjs';

const VIEWPORT = { width: 1280, height: 800 };
let spa;
let ids;

before(async () => {
  spa = await startSpa();
  ids = await pickSeededIds(spa.stack);
});

afterEach(() => spa?.closePages());
after(() => spa?.close());

/** A shots list with the side panel open on its first task (the panel mounts a preview player). */
async function openSidePanel() {
  const page = await openApp(spa, `/productions/${ids.projectId}/shots`, 'shots');
  await page.locator('tbody.datatable-body td.validation:not(.empty)').first().click();
  await page.locator('#side-column .preview-player').waitFor();
  return page;
}

const player = (page) => page.evaluate(() => ({ ...document.querySelector('.preview-player').dataset }));
const blur = (page) => page.evaluate(() => document.activeElement?.blur());
const box = (page, selector) => page.locator(selector).boundingBox();

test('a mounted player takes keys on window from any target but INPUT and TEXTAREA', async () => {
  const page = await openSidePanel();
  await blur(page);
  await takeShortcutLog(page);
  for (const key of ['d', 'e', 'Space', 'End', 'ArrowLeft', 'Home', 'ArrowRight', 'Backspace', 'Delete'])
    await page.keyboard.press(key);
  assert.deepEqual(
    (await takeShortcutLog(page)).map(({ key, target, action, prevented }) => [key, target, action, prevented]),
    [
      ['d', 'body', 'draw', true],
      ['e', 'body', 'erase', true],
      [' ', 'body', 'play-pause', true],
      ['End', 'body', 'last-frame', true],
      ['ArrowLeft', 'body', 'previous-frame', false],
      ['Home', 'body', 'first-frame', true],
      ['ArrowRight', 'body', 'next-frame', false],
      ['Backspace', 'body', 'delete-annotation', false],
      ['Delete', 'body', 'delete-annotation', false],
    ],
  );
  assert.deepEqual(await player(page), {
    drawing: 'true',
    erasing: 'true',
    playing: 'true',
    frame: '2',
    deletions: '2',
  });

  for (const field of ['#side-column textarea.comment-textarea', 'input.search-input']) {
    await page.locator(field).focus();
    await page.keyboard.press('d');
    assert.equal(await page.locator(field).inputValue(), 'd', `${field} keeps its text`);
  }
  const skipped = await takeShortcutLog(page);
  assert.deepEqual(
    skipped.map(({ target, action }) => [target, action]),
    [
      ['textarea', null],
      ['input', null],
    ],
  );
  assert.equal((await player(page)).drawing, 'true', 'typing in a field toggles nothing');
  assert.deepEqual(page.pageErrors, []);
});

test("a key typed in a shadow root's input reaches window from the host: Kitsu treats it as a shortcut", async () => {
  const page = await openSidePanel();
  await page.evaluate(() => {
    const host = document.createElement('x-overlay');
    host.attachShadow({ mode: 'open' }).innerHTML = '<input id="inside" aria-label="inside">';
    document.body.append(host);
    host.shadowRoot.getElementById('inside').focus();
  });
  await takeShortcutLog(page);
  await page.keyboard.press('d');
  assert.deepEqual(await takeShortcutLog(page), [{ key: 'd', target: 'x-overlay', action: 'draw', prevented: true }]);
  assert.equal(
    await page.evaluate(() => document.querySelector('x-overlay').shadowRoot.getElementById('inside').value),
    '',
  );
  assert.equal((await player(page)).drawing, 'true');
});

test('the player leaves with the panel: no window listener once closed; the task page mounts its own', async () => {
  const page = await openSidePanel();
  await page.locator('#side-column button.close-button').click();
  assert.ok(await page.locator('#side-column').isHidden());
  await blur(page);
  await takeShortcutLog(page);
  await page.keyboard.press('d');
  assert.deepEqual(await takeShortcutLog(page), []);

  await page.goto(`${spa.appOrigin}/productions/${ids.projectId}/shots/tasks/${ids.shotTask.id}`);
  await page.locator('.page.task-page .preview-player').waitFor();
  await clearShortcutLog(page);
  await blur(page);
  await page.keyboard.press('e');
  assert.deepEqual(await takeShortcutActions(page), ['erase']);
  assert.equal((await player(page)).erasing, 'true');
});

test('the side panel sits on the right, below the top bar, down to the bottom, Post at its bottom right', async () => {
  const page = await openSidePanel();
  const panel = await box(page, '#side-column');
  const topbar = await box(page, '.topbar');
  assert.equal(Math.round(panel.x + panel.width), VIEWPORT.width);
  assert.equal(Math.round(panel.y + panel.height), VIEWPORT.height);
  assert.equal(Math.round(panel.y), Math.round(topbar.y + topbar.height));
  const post = await box(page, '#side-column button.post-comment');
  assert.ok(post.x + post.width > VIEWPORT.width - 40, `Post ends at x=${post.x + post.width}`);
  assert.ok(post.y + post.height > VIEWPORT.height - 120, `Post ends at y=${post.y + post.height}`);
  const grid = await box(page, 'table.datatable.multi-section');
  assert.ok(grid.x + grid.width <= panel.x, 'the list leaves the panel room');
});

test('the support chat bubble sits at the bottom right over everything; the user menu hides it', async () => {
  const page = await openSidePanel();
  const bubble = await box(page, '#crisp-chatbox .chat-bubble');
  assert.deepEqual(
    [bubble.width, bubble.height, Math.round(bubble.x + bubble.width), Math.round(bubble.y + bubble.height)],
    [60, 60, VIEWPORT.width - 20, VIEWPORT.height - 20],
  );
  const onTop = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x, y)?.closest('.chat-bubble') !== null,
    [bubble.x + 30, bubble.y + 30],
  );
  assert.ok(onTop, 'the bubble covers the side panel');
  await page.locator('.chat-bubble').click();
  const chat = await box(page, '#crisp-chatbox .chat-window');
  assert.ok(
    chat.y + chat.height <= bubble.y && chat.x + chat.width > VIEWPORT.width - 40,
    'the chat opens above the bubble',
  );

  await page.locator('.avatar-button').click();
  await page.locator('button.support-chat-toggle').click();
  assert.ok(await page.locator('#crisp-chatbox').isHidden());
  await page.reload();
  await page.locator('.page.shots').waitFor();
  assert.ok(await page.locator('#crisp-chatbox').isHidden(), 'the choice is kept');
  await page.evaluate(() => localStorage.removeItem('support:show'));
});

test('a modal centres its box over the page, actions at its bottom right; Confirm applies, Escape closes', async () => {
  const page = await openApp(spa, `/productions/${ids.projectId}/shots`, 'shots');
  await page.locator('button.filter-button').click();
  const background = await box(page, '.modal.is-active .modal-background');
  assert.deepEqual(
    [background.x, background.y, background.width, background.height],
    [0, 0, VIEWPORT.width, VIEWPORT.height],
  );
  const content = await box(page, '.modal.is-active .box');
  assert.ok(Math.abs(content.x + content.width / 2 - VIEWPORT.width / 2) < 2, 'centred');
  const confirm = await box(page, '.modal.is-active button.modal-confirm');
  const cancel = await box(page, '.modal.is-active button.modal-cancel');
  assert.ok(
    cancel.x > confirm.x && cancel.x + cancel.width > content.x + content.width - 40,
    'actions at the bottom right',
  );
  await page.locator('.modal input.filter-query').fill('SH002');
  await page.locator('button.modal-confirm').click();
  assert.equal(await page.locator('.modal').count(), 0);
  assert.equal(new URL(await currentUrl(page), 'http://x').searchParams.get('search'), 'SH002');
  await page.locator('.avatar-button').click();
  await page.locator('button.shortcuts-button').click();
  await page.locator('.modal.shortcut-modal').waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.modal').count(), 0);
});

test('the task-type schedule tab is a Gantt chart with no table.datatable; its list tab is a table', async () => {
  const taskType = `/productions/${ids.projectId}/shots/task-types/${ids.shotTaskType.id}`;
  const page = await openApp(spa, `${taskType}/schedule`, 'task-type-schedule');
  assert.ok((await page.locator('.schedule-wrapper .timeline .timebar').count()) > 0, 'dated tasks have bars');
  assert.equal(await page.locator('table.datatable').count(), 0);
  await page.locator('.task-type-tabs a', { hasText: 'Tasks' }).click();
  await page.locator('.task-list table.datatable tbody tr.task-line').first().waitFor();
  assert.equal(await page.locator('.schedule-wrapper').count(), 0);
});

test('the theme root is div.theme, with .dark in dark mode', async () => {
  const page = await openApp(spa, '/open-productions', 'open-productions');
  assert.equal(await page.locator('#app > div.theme:not(.dark)').count(), 1);
  await page.locator('button.dark-mode-toggle').click();
  assert.equal(await page.locator('#app > div.theme.dark').count(), 1);
  await page.locator('button.dark-mode-toggle').click();
});
