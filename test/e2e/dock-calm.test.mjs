// Sidekick stays calm on Kitsu's own page behaviours (reproduced by the front door): grid clicks push
// `?task_id=` and search keystrokes push `?search=` (cgwire/kitsu src/mixins/entity_list.js, search.js),
// which must not remount the dock's panels nor read Kitsu again; and keys typed in the dock must not reach
// Kitsu's window shortcut listeners (src/composables/players/previewShortcuts.js), while keys typed in
// the page still do.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dockIn, hostCount } from './support/dock.mjs';
import { clearShortcutLog, takeShortcutActions, takeShortcutLog } from './support/kitsu-page.mjs';
import { byTestId, openShotsWithOperator } from './support/plans.mjs';
import { bearerRequests, readStack, settledBearerRequests } from './support/stack.mjs';

const CELLS = 'tbody.datatable-body td.validation:not(.empty)';
const SECTIONS = 'section[data-testid^="feature-"]';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Marks the dock's document and its panels, and starts counting the document's DOM mutations: a
 * remounted panel (or a new dock frame) comes without the mark.
 */
function markDock(doc, sections) {
  const view = doc.defaultView;
  view.__e2eDocument = true;
  for (const section of doc.querySelectorAll(sections)) section.dataset.e2eMark = 'kept';
  view.__e2eMutations = 0;
  view.__e2eObserver?.disconnect();
  view.__e2eObserver = new view.MutationObserver((records) => {
    view.__e2eMutations += records.length;
  });
  view.__e2eObserver.observe(doc.body, { subtree: true, childList: true, attributes: true, characterData: true });
}

function dockMarks(doc, sections) {
  const all = [...doc.querySelectorAll(sections)];
  return {
    sameDocument: doc.defaultView.__e2eDocument === true,
    panels: all.length,
    remounted: all.filter((section) => section.dataset.e2eMark !== 'kept').length,
    mutations: doc.defaultView.__e2eMutations,
  };
}

describe('a calm dock on Kitsu’s page behaviours (Chromium, real Zou stack)', () => {
  let stack;
  let browser;
  let page;

  before(async () => {
    stack = readStack();
    ({ browser, page } = await openShotsWithOperator(stack, { dockTimeout: 30_000 }));
  });
  after(async () => {
    await browser?.close();
  });

  it('50 grid-cell clicks and 10 search keystrokes: 0 remounts, 0 requests, no page/visit, a still dock', async () => {
    const dock = dockIn(page);
    await dock.waitFor(byTestId('this-page-names'), { timeout: 15_000 });
    await page.locator(CELLS).first().waitFor();
    const before = await settledBearerRequests(stack.frontDoor, { quietMs: 2_000 });
    await dock.evaluate(markDock, SECTIONS);

    // Cells at the top left: the open side panel takes the right, and the dock steps aside of it.
    const reachable = await page.evaluate(
      (selector) =>
        [...document.querySelectorAll(selector)]
          .map((cell, index) => ({ index, box: cell.getBoundingClientRect() }))
          .filter(({ box }) => box.left < 500 && box.bottom < 420 && box.top > 0)
          .map(({ index }) => index)
          .slice(0, 10),
      CELLS,
    );
    assert.ok(reachable.length >= 2, `cells to click (${reachable.length})`);
    const cells = page.locator(CELLS);
    for (let click = 0; click < 50; click++) {
      await cells.nth(reachable[click % reachable.length]).click();
    }
    assert.match(page.url(), /task_id=|shots$/, 'the clicks pushed ?task_id=');
    const search = page.locator('input.search-input').first();
    await search.click();
    const urls = [];
    for (const key of ['S', 'H', '0', '0', '1', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace']) {
      await search.press(key);
      urls.push(page.url());
    }
    assert.ok(
      urls.some((url) => url.includes('search=SH001')),
      `the keystrokes pushed ?search= (${urls.at(4)})`,
    );
    // Past the dock's settle window, so a change it would commit has been committed.
    await sleep(1_500);

    const after = await bearerRequests(stack.frontDoor);
    const marks = await dock.evaluate(dockMarks, SECTIONS);
    console.log(
      `# 50 clicks + 10 keystrokes: ${after - before} Sidekick API requests, ${marks.remounted} of ${marks.panels} panels remounted, ${marks.mutations} DOM mutations in the dock`,
    );
    assert.equal(await hostCount(page), 1, 'one dock host');
    assert.equal(marks.sameDocument, true, 'the same dock frame');
    assert.ok(marks.panels > 0, 'the dock shows panels');
    assert.equal(marks.remounted, 0, 'no panel remounted');
    assert.equal(after - before, 0, 'no request to Kitsu');
    assert.ok(marks.mutations <= 5, `the dock stayed still (${marks.mutations} mutations)`);
  });

  it('keys typed in a dock field never reach Kitsu’s window shortcuts; typed in the page they do', async () => {
    const dock = dockIn(page);
    // A selected cell opens the side panel and its preview player, whose shortcuts listen on window.
    if (await page.locator('#side-column').isHidden()) await page.locator(CELLS).first().click();
    await page.locator('#side-column .preview-player').waitFor();
    await dock.waitFor(byTestId('bulk-name'), { timeout: 30_000 });
    await dock.click(byTestId('bulk-name'));
    await clearShortcutLog(page);
    const keys = ['d', 'e', 'ArrowLeft', 'ArrowRight', 'Backspace', 'Space', 'Home', 'End', 'Delete'];
    for (const key of keys) await page.keyboard.press(key);
    const fromDock = await takeShortcutLog(page);
    const typed = await dock.property(byTestId('bulk-name'), 'value');
    assert.deepEqual(fromDock, [], 'Kitsu’s listeners received none of the keys typed in the dock');
    assert.equal(
      typed,
      'd ',
      'the field got the keys: "de", ←→ moved the caret, Backspace took the e, a space, Delete at the end nothing',
    );

    // The same keys with the focus in Kitsu's page reach its shortcuts.
    await page
      .locator('.topbar')
      .first()
      .click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('d');
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await takeShortcutActions(page), ['draw', 'next-frame']);
  });

  it('steps aside of the side panel and the chat bubble, moves by keyboard and mouse, remembers its corner', async () => {
    const dock = dockIn(page);
    const hostBox = () =>
      page.evaluate(() => {
        const host = [...document.documentElement.children].find((element) =>
          element.localName.startsWith('kitsu-sidekick'),
        );
        const { left, top, width, height } = host.getBoundingClientRect();
        return { left, top, width, height };
      });
    const overlaps = (a, b) =>
      a.left < b.x + b.width && b.x < a.left + a.width && a.top < b.y + b.height && b.y < a.top + a.height;
    const quarter = ({ left, top, width, height }) =>
      `${top + height / 2 < 450 ? 'top' : 'bottom'}-${left + width / 2 < 640 ? 'left' : 'right'}`;
    const settledHost = async (want) => {
      const deadline = Date.now() + 5_000;
      for (;;) {
        const box = await hostBox();
        if (quarter(box) === want || Date.now() > deadline) return box;
        await sleep(100);
      }
    };

    if (await page.locator('#side-column').isHidden()) await page.locator(CELLS).first().click();
    await page.locator('#side-column').waitFor();
    // Closed, the dock is a small bar whose quarter of the window says its corner (open, it is nearly as tall
    // as the window).
    await dock.click(byTestId('dock-toggle'));
    await dock.waitFor(byTestId('dock-body'), { state: 'detached' });
    await sleep(500);
    const aside = await hostBox();
    for (const obstacle of ['#side-column', '#crisp-chatbox .chat-bubble']) {
      assert.equal(overlaps(aside, await page.locator(obstacle).boundingBox()), false, `the dock leaves ${obstacle}`);
    }
    // Its own size unchanged, the dock follows the page by its regular check (on the boxes of the page's
    // rendering): back in its corner once the side panel closes, aside again when it opens.
    const hostUntil = async (wanted) => {
      const deadline = Date.now() + 5_000;
      for (;;) {
        const box = await hostBox();
        if ((await wanted(box)) || Date.now() > deadline) return box;
        await sleep(100);
      }
    };
    const panel = await page.locator('#side-column').boundingBox();
    await page.locator(`${CELLS}.selected`).first().click();
    await page.locator('#side-column').waitFor({ state: 'hidden' });
    const back = await hostUntil((box) => overlaps(box, panel));
    assert.ok(overlaps(back, panel), `back where the side panel was once it closed (${back.left} px)`);
    await page.locator(CELLS).first().click();
    await page.locator('#side-column').waitFor();
    assert.equal(overlaps(await hostUntil((box) => !overlaps(box, panel)), panel), false, 'aside when it opened again');

    await dock.focus(byTestId('dock-move'));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    assert.equal(quarter(await settledHost('top-left')), 'top-left', 'moved by the arrow keys');
    await page.reload();
    await dock.waitFor(byTestId('dock-move'), { timeout: 30_000 });
    assert.equal(quarter(await settledHost('top-left')), 'top-left', 'remembered for this host');

    const handle = await dock.box(byTestId('dock-move'));
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++) await page.mouse.move(100 + step * 100, 100 + step * 60);
    await page.mouse.up();
    const dropped = await settledHost('bottom-right');
    assert.equal(quarter(dropped), 'bottom-right', 'dragged to the bottom right');
    const bubble = await page.locator('#crisp-chatbox .chat-bubble').boundingBox();
    assert.equal(overlaps(dropped, bubble), false, 'still aside of the chat bubble');
  });
});
