import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, spaNavigate } from '../e2e/support/browser.mjs';
import { dockIn } from '../e2e/support/dock.mjs';
import { byTestId, openShotsWithOperator } from '../e2e/support/plans.mjs';
import { kitsuGet, readStack } from '../e2e/support/stack.mjs';
import { attackLayout, readEverything, recordDomAndInput, removeHost } from './support/dock-attacks.mjs';

/** Words only Sidekick shows on a Kitsu page: found in the dock first, then looked for in what the page read. */
const SIDEKICK_WORDS = ['This page', 'Suggestions', 'Snooze 1 week', 'Connected to'];
const TYPED = 'Typed by a person 7Q';

/**
 * What the dock shows, read through the DevTools protocol: every text node, option, field value and
 * labelling attribute, one line each; `marked`: the suggestions' titles and reasons (the thread
 * digest's quotes and authors among them), which Kitsu itself never shows.
 */
function dockContent(doc) {
  const lines = [];
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) lines.push(node.data);
  for (const element of doc.body.querySelectorAll('*')) {
    for (const name of ['title', 'aria-label', 'placeholder'])
      if (element.hasAttribute(name)) lines.push(element.getAttribute(name));
    if (typeof element.value === 'string' && element.localName !== 'option' && element.localName !== 'button')
      lines.push(element.value);
  }
  const marked = [...doc.querySelectorAll('[data-testid="suggestion"] summary, [data-testid="suggestion"] li')].map(
    (element) => element.textContent,
  );
  return { lines, marked, characters: doc.body.textContent.length };
}

const normalize = (text) => text.replace(/\s+/g, ' ').trim();

describe('a hostile page reads nothing of the dock and cannot restyle, move or cover it', () => {
  let stack;
  let browser;
  let page;
  let cdp;
  const rows = [];

  before(async () => {
    stack = readStack();
    ({ browser, page } = await openShotsWithOperator(stack));
    await browser.context.addInitScript(recordDomAndInput);
    await page.reload();
    await dockIn(page).waitFor(byTestId('bulk-helpers'), { timeout: 15_000 });
    cdp = await browser.context.newCDPSession(page);
  });
  after(async () => {
    if (rows.length > 0) {
      console.log('\nHostile page against the dock: every attempt and what it got');
      console.table(rows);
    }
    await browser?.close();
  });

  /** Kitsu's own DOM outside the dock's host, as the DevTools protocol serialises it (no closed root in it). */
  async function kitsuOwnText() {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId: root.nodeId });
    return `${outerHTML}\n${await page.evaluate(() => document.body.textContent)}`;
  }

  /** Page coordinates of the dock's controls, for the page's point-based reads. */
  async function controlPoints() {
    const dock = dockIn(page);
    const boxes = await dock.evaluate((doc) =>
      [...doc.querySelectorAll('button, select, input, textarea, a, summary')].slice(0, 40).map((element) => {
        const box = element.getBoundingClientRect();
        const frame = doc.defaultView.frameElement.getBoundingClientRect();
        return {
          x: frame.left + box.left + box.width / 2,
          y: frame.top + box.top + box.height / 2,
          shown: box.width > 0,
        };
      }),
    );
    return boxes.filter((box) => box.shown);
  }

  /** Runs every read on the page as it is now and checks that none got any text only the dock shows. */
  async function readAndCheck(where, { words = SIDEKICK_WORDS } = {}) {
    const shown = await dockIn(page).evaluate(dockContent);
    const own = await kitsuOwnText();
    const lines = [...new Set(shown.lines.map(normalize))].filter((line) => line.length >= 6);
    const onlyInDock = lines.filter((line) => !own.includes(line));
    const marked = [...new Set(shown.marked.map(normalize))].filter((line) => line.length > 0);
    const dockText = lines.join('\n');
    for (const word of words) {
      assert.ok(dockText.includes(word), `the dock shows "${word}" (${where})`);
      assert.ok(!own.includes(word), `Kitsu's own page does not show "${word}" (${where})`);
    }
    const secrets = [...new Set([...onlyInDock, ...marked, ...words])];
    const reads = await page.evaluate(readEverything, {
      points: await controlPoints(),
      probes: secrets.map((secret) => secret.slice(0, 60)),
    });
    let leaked = 0;
    for (const { attempt, text } of reads) {
      const found = secrets.filter((secret) => text.includes(secret));
      leaked += found.reduce((sum, secret) => sum + secret.length, 0);
      rows.push({ where, attempt, 'characters read': text.length, 'of the dock': found.join(' | ').length });
      assert.deepEqual(found, [], `${attempt} (${where}) read what the dock shows`);
    }
    rows.push({
      where,
      attempt: `the dock shows ${shown.characters} characters, ${secrets.length} texts only it shows`,
      'characters read': '—',
      'of the dock': leaked,
    });
    assert.ok(secrets.length >= 10, `enough of the dock's own texts to look for (${secrets.length})`);
    return { shown, secrets, reads };
  }

  it('reads 0 characters of the dock on a shot list: This page, Suggestions, Bulk helpers with the people list', async () => {
    const dock = dockIn(page);
    await dock.waitFor(`${byTestId('suggestions')} ${byTestId('suggestion')}`, { timeout: 30_000 });
    await dock.select(byTestId('bulk-operation'), 'assign');
    await dock.waitFor(`${byTestId('bulk-person')} option:nth-child(3)`, { state: 'attached' });
    const people = await dock.texts(`${byTestId('bulk-person')} option`);
    // A person types in the dock: the page sees neither the keys nor the text.
    const inputBefore = await page.evaluate(() => window.__dockAttack.input.length);
    await dock.click(byTestId('bulk-name'));
    await page.keyboard.type(TYPED, { delay: 10 });
    assert.equal(await dock.property(byTestId('bulk-name'), 'value'), TYPED, 'the dock got the keys');
    const inputSeen = (await page.evaluate(() => window.__dockAttack.input.length)) - inputBefore;
    rows.push({
      where: 'shots',
      attempt: `keys typed in the dock (${TYPED.length})`,
      'characters read': inputSeen,
      'of the dock': 0,
    });
    assert.equal(inputSeen, 0, 'no key or input event of the dock reaches the page');

    const { shown } = await readAndCheck('shots', { words: [...SIDEKICK_WORDS, 'Bulk helpers', TYPED] });
    assert.ok(people.length >= 3, `the people list shows (${people.length} options)`);
    assert.ok(shown.marked.length >= 5, 'suggestions with their reasons are shown');
    await page.screenshot({ path: path.join(ARTIFACTS, 'hostile-dock-shots.png') });
  });

  it('reads 0 characters of the thread digest on a task page: no quote, no author', async () => {
    const shots = await kitsuGet(stack, `/data/shots/with-tasks?project_id=${stack.production.id}`);
    let target = null;
    for (const task of shots.flatMap((shot) => shot.tasks)) {
      const comments = await kitsuGet(stack, `/data/tasks/${task.id}/comments`);
      if (comments.filter((comment) => comment.text?.trim()).length >= 2) {
        target = { task, comments };
        break;
      }
    }
    assert.ok(target, 'a seeded task with a thread');
    await spaNavigate(page, `/productions/${stack.production.id}/shots/tasks/${target.task.id}`);
    const dock = dockIn(page);
    const digest = `[data-testid="suggestion-group"][data-rule="thread-digest"] ${byTestId('suggestion')}`;
    await dock.waitFor(digest, { timeout: 30_000 });
    if (!(await dock.property(digest, 'open'))) await dock.click(`${digest} > summary`);
    const quotes = (await dock.texts(`${digest} li`)).filter((line) => line.includes('“'));
    assert.ok(quotes.length >= 1, `the digest quotes the thread (${quotes.join(' / ')})`);
    await readAndCheck('task page (thread digest)', { words: [...SIDEKICK_WORDS, ...quotes] });
  });

  it('cannot restyle, move, hide or cover the dock: its controls stay where Sidekick put them, clickable', async () => {
    await spaNavigate(page, `/productions/${stack.production.id}/shots`);
    const dock = dockIn(page);
    await dock.waitFor(byTestId('bulk-helpers'), { timeout: 15_000 });
    const CONTROLS = [byTestId('dock-toggle'), byTestId('bulk-preview')];
    // Once the panels have their answers: the controls' places depend on what the panels show.
    const placed = async () => {
      await dock.waitFor(`${byTestId('bulk-selection')}[data-count]`, { state: 'attached', timeout: 30_000 });
      await dock.waitFor(byTestId('suggestions'), { timeout: 30_000 });
      return Promise.all(CONTROLS.map((control) => dock.box(control)));
    };
    const before = await placed();
    const hostState = () =>
      page.evaluate(() => {
        const host = [...document.documentElement.children].find((element) =>
          element.localName.startsWith('kitsu-sidekick'),
        );
        const style = host ? getComputedStyle(host) : null;
        const box = host?.getBoundingClientRect();
        const pseudo = (name) => (host ? getComputedStyle(host, name).display : null);
        return {
          parent: host?.parentElement?.localName ?? null,
          style: style && `${style.display} ${style.visibility} ${style.opacity} ${style.pointerEvents}`,
          pseudo: `${pseudo('::before')} ${pseudo('::after')}`,
          right: box && Math.round(document.documentElement.clientWidth - box.right),
          bottom: box && Math.round(document.documentElement.clientHeight - box.bottom),
          left: box?.left,
          top: box?.top,
        };
      });
    const start = await hostState();
    // Kitsu stays usable around the dock: a point just left of it is Kitsu's, not the dock's.
    const beside = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, {
      x: start.left - 20,
      y: start.top + 20,
    });
    assert.ok(beside && !beside.startsWith('kitsu-sidekick'), `Kitsu's ${beside} beside the dock`);

    const done = await page.evaluate(attackLayout);
    await page.waitForTimeout(2_500);
    await dock.waitFor(byTestId('bulk-helpers'), { timeout: 15_000 });
    const afterAttack = await placed();
    const attacked = await hostState();
    for (const attempt of done) rows.push({ where: 'layout', attempt, 'characters read': '—', 'of the dock': '—' });
    rows.push({
      where: 'layout',
      attempt: 'after: host computed style, place, controls',
      'characters read': `${attacked.style}; ${attacked.right}px right, ${attacked.bottom}px bottom; in <${attacked.parent}>`,
      'of the dock': afterAttack
        .map((box, index) => `${Math.round(box.x - before[index].x)},${Math.round(box.y - before[index].y)}`)
        .join(' '),
    });
    assert.deepEqual(
      {
        parent: attacked.parent,
        style: attacked.style,
        pseudo: attacked.pseudo,
        right: attacked.right,
        bottom: attacked.bottom,
      },
      // Where Sidekick placed it before the attack (aside of Kitsu's support chat bubble).
      { parent: 'html', style: 'block visible 1 auto', pseudo: 'none none', right: start.right, bottom: start.bottom },
      'the host is back in place, shown and clickable',
    );
    for (const [index, box] of afterAttack.entries()) {
      assert.ok(
        Math.abs(box.x - before[index].x) <= 1 && Math.abs(box.y - before[index].y) <= 1,
        `${CONTROLS[index]} did not move`,
      );
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'hostile-dock-restyled.png') });
    // A person's click still lands on the dock (the helper checks both the page's and the dock's hit test).
    await dock.click(byTestId('dock-toggle'));
    await dock.waitFor(byTestId('dock-body'), { state: 'detached', timeout: 5_000 });
    await dock.click(byTestId('dock-toggle'));
    await dock.waitFor(byTestId('bulk-helpers'), { timeout: 15_000 });

    // A full-screen popover of the page, opened over the dock once it is back: Sidekick raises the dock above it.
    await page.evaluate(() => {
      const lid = document.createElement('div');
      lid.setAttribute('popover', 'manual');
      lid.style.cssText =
        'position: fixed; inset: 0; width: 100vw; height: 100vh; margin: 0; border: 0; background: transparent;';
      document.body.append(lid);
      lid.showPopover();
    });
    await page.waitForTimeout(1_500);
    const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, {
      x: afterAttack[0].x + afterAttack[0].width / 2,
      y: afterAttack[0].y + afterAttack[0].height / 2,
    });
    rows.push({
      where: 'layout',
      attempt: 'a page popover opened over the dock later',
      'characters read': '—',
      'of the dock': `on top at the toggle: <${onTop}>`,
    });
    assert.match(onTop, /^kitsu-sidekick/, 'the dock is above the page’s later popover');
    await dock.click(byTestId('dock-toggle'));
    await dock.waitFor(byTestId('dock-body'), { state: 'detached', timeout: 5_000 });
    await dock.click(byTestId('dock-toggle'));
    await dock.waitFor(byTestId('bulk-helpers'), { timeout: 15_000 });

    assert.equal(await page.evaluate(removeHost), true);
    await page.waitForTimeout(1_500);
    await dock.waitFor(byTestId('bulk-helpers'), { timeout: 15_000 });
    rows.push({
      where: 'layout',
      attempt: 'the host removed',
      'characters read': '—',
      'of the dock': `back in <${(await hostState()).parent}>`,
    });
    assert.equal((await hostState()).parent, 'html');
  });

  it('a page that claims the host’s element name first gets no root: the dock takes another name', async () => {
    const claimed = await browser.context.newPage();
    await claimed.addInitScript(() => {
      window.__claimedInternals = [];
      customElements.define(
        'kitsu-sidekick',
        class extends HTMLElement {
          constructor() {
            super();
            window.__claimedInternals.push(this.attachInternals());
          }
        },
      );
    });
    await claimed.goto(`${stack.frontDoor}/productions/${stack.production.id}/shots`);
    const dock = dockIn(claimed);
    await dock.waitFor(byTestId('this-page-names'), { timeout: 15_000 });
    const seen = await claimed.evaluate(() => ({
      constructed: window.__claimedInternals.length,
      roots: window.__claimedInternals.map((internals) => String(internals.shadowRoot)),
      host: [...document.documentElement.children].find((element) => element.localName.startsWith('kitsu-sidekick'))
        ?.localName,
    }));
    rows.push({
      where: 'claimed name',
      attempt: 'customElements.define("kitsu-sidekick") before the dock, attachInternals()',
      'characters read': `${seen.constructed} constructed, shadowRoot ${seen.roots.join(', ') || 'never asked'}`,
      'of the dock': `the dock is <${seen.host}>`,
    });
    assert.match(seen.host, /^kitsu-sidekick-[0-9a-f]{8}$/, 'the dock took a name the page could not know');
    assert.ok(
      seen.roots.every((root) => root === 'null'),
      'no internals of the page reach a shadow root',
    );
    await claimed.close();
  });
});
