/**
 * The dock renders in a frame inside the closed shadow root of <kitsu-sidekick>: Playwright's locators
 * and page scripts do not reach it, which is the point. The DevTools protocol does: `DOM.describeNode`
 * with `pierce` lists closed shadow roots. These helpers drive the SHIPPED build that way. Every call
 * finds the dock anew (node ids go stale when the dock re-renders, and a reload or a remount brings a
 * new frame), then runs a function with the dock's document as its first argument, in that document's
 * main world. Clicks are the browser's own (trusted) mouse clicks at the element's centre, once the
 * dock's document and the page's both say that point is on it.
 */

/** The host's name: `kitsu-sidekick`, or that name and a random suffix when a page claimed the name. */
export const HOST_NAME = 'kitsu-sidekick';

const docks = new WeakMap();

/** The dock of a Playwright page (one CDP session per page, kept). */
export function dockIn(page) {
  let dock = docks.get(page);
  if (!dock) {
    dock = new Dock(page);
    docks.set(page, dock);
  }
  return dock;
}

/** How many dock hosts the page has (the host itself is in the page's DOM, readable by anyone). */
export function hostCount(page) {
  return page.evaluate(
    (name) => [...document.documentElement.children].filter((element) => element.localName.startsWith(name)).length,
    HOST_NAME,
  );
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** hasText / hasNotText as they travel to the page: a string (contained) or a RegExp (tested). */
const textTest = (value) =>
  value === undefined ? null : value instanceof RegExp ? { source: value.source, flags: value.flags } : { text: value };

/**
 * Runs in the dock's document: the elements matching `selector` and the filter, in document order.
 * `has`: a selector one of their descendants matches; `hasText`, `hasNotText`: on their textContent.
 */
function pick(doc, selector, filter) {
  const test = (want, text) =>
    want.text !== undefined ? text.includes(want.text) : new RegExp(want.source, want.flags).test(text);
  return [...doc.querySelectorAll(selector)].filter((element) => {
    const text = element.textContent ?? '';
    if (filter.hasText && !test(filter.hasText, text)) return false;
    if (filter.hasNotText && test(filter.hasNotText, text)) return false;
    if (filter.has && !element.querySelector(filter.has)) return false;
    return true;
  });
}

/** Runs in the dock's document: is this element shown (a box, not visibility: hidden)? */
function shown(element) {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
}

class DockMissing extends Error {}

class Dock {
  constructor(page) {
    this.page = page;
    this.session = null;
    this.calls = 0;
  }

  async cdp() {
    this.session ??= await this.page.context().newCDPSession(this.page);
    return this.session;
  }

  /** The dock's document as a remote object, found from the host down; null while there is no dock. */
  async documentObject(cdp, objectGroup) {
    const { root } = await cdp.send('DOM.getDocument', { depth: 2 });
    const html = root.children?.find((node) => node.localName === 'html');
    const host = html?.children?.find((node) => node.localName.startsWith(HOST_NAME));
    if (!host) return null;
    const { node } = await cdp.send('DOM.describeNode', { nodeId: host.nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, objectGroup });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration:
        'function () { return this.querySelector("iframe")?.contentDocument?.body ? this.querySelector("iframe").contentDocument : null; }',
      objectGroup,
    });
    return result.subtype === 'null' ? null : result.objectId;
  }

  /**
   * Runs `fn(dockDocument, ...args)` in the dock's document and returns its result (JSON values only).
   * Throws DockMissing while the page has no dock, and retries once when the dock re-rendered meanwhile.
   */
  async evaluate(fn, ...args) {
    return this.run(`(${fn})`, args);
  }

  async run(source, args) {
    const cdp = await this.cdp();
    // Calls run side by side: each releases only its own remote objects.
    const objectGroup = `dock-${++this.calls}`;
    for (let attempt = 1; ; attempt++) {
      try {
        const objectId = await this.documentObject(cdp, objectGroup);
        if (!objectId) throw new DockMissing('The page has no dock (yet).');
        const answer = await cdp.send('Runtime.callFunctionOn', {
          objectId,
          functionDeclaration: `function (...args) { const pick = ${pick}; const shown = ${shown}; return (${source})(this, ...args); }`,
          arguments: args.map((value) => ({ value })),
          returnByValue: true,
          awaitPromise: true,
        });
        if (answer.exceptionDetails) {
          throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
        }
        return answer.result.value;
      } catch (error) {
        const stale =
          /No node with given id|Could not find node|Could not find object|Cannot find context|Execution context was destroyed|Node is detached/;
        if (attempt >= 3 || !stale.test(error.message)) throw error;
      } finally {
        await cdp.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => {});
      }
    }
  }

  /** Polls `probe()` (a promise) until it returns something truthy; DockMissing counts as not yet. */
  async until(probe, { timeout = 30_000, interval = 50, what }) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await probe();
        if (last) return last;
      } catch (error) {
        if (!(error instanceof DockMissing)) throw error;
        last = error.message;
      }
      if (Date.now() > deadline)
        throw new Error(`Timed out after ${timeout} ms waiting for ${what} in the dock (${JSON.stringify(last)})`);
      await sleep(interval);
    }
  }

  filterOf({ hasText, hasNotText, has } = {}) {
    return { hasText: textTest(hasText), hasNotText: textTest(hasNotText), has };
  }

  /**
   * Waits until an element matching `selector` (and the filter) is attached, shown (default) or, with
   * `state: 'detached'`, until none is; checks every `interval` ms.
   */
  async waitFor(selector, { state = 'visible', timeout = 30_000, interval = 50, ...filter } = {}) {
    const what = `${selector} ${JSON.stringify(filter)} ${state}`;
    await this.until(
      () =>
        this.evaluate(
          (doc, selector, filter, state) => {
            const found = pick(doc, selector, filter);
            if (state === 'detached') return found.length === 0;
            return state === 'attached' ? found.length > 0 : found.some(shown);
          },
          selector,
          this.filterOf(filter),
          state,
        ),
      { timeout, interval, what },
    );
  }

  /** How many elements match now. */
  count(selector, filter) {
    return this.evaluate(
      (doc, selector, filter) => pick(doc, selector, filter).length,
      selector,
      this.filterOf(filter),
    );
  }

  /** The textContent of the first match, once there is one. */
  async text(selector, { timeout = 10_000, ...filter } = {}) {
    return (await this.first(selector, filter, timeout, (element) => ({ value: element.textContent }))).value;
  }

  /** The textContent of every match, now. */
  texts(selector, filter) {
    return this.evaluate(
      (doc, selector, filter) => pick(doc, selector, filter).map((element) => element.textContent),
      selector,
      this.filterOf(filter),
    );
  }

  /** An attribute of the first match, once there is one (null when it has no such attribute). */
  async attribute(selector, name, { timeout = 10_000, ...filter } = {}) {
    const read = `(element) => ({ value: element.getAttribute(${JSON.stringify(name)}) })`;
    return (await this.first(selector, filter, timeout, read)).value;
  }

  /** A property of the first match (value, checked, open, href…), once there is one. */
  async property(selector, name, { timeout = 10_000, ...filter } = {}) {
    const read = `(element) => ({ value: element[${JSON.stringify(name)}] })`;
    return (await this.first(selector, filter, timeout, read)).value;
  }

  /** Runs `read(element)` (a function or its source) on the first match once there is one. */
  async first(selector, filter, timeout, read) {
    return this.until(
      () =>
        this.run(
          `(doc, selector, filter) => { const element = pick(doc, selector, filter)[0]; return element ? (${read})(element) : null; }`,
          [selector, this.filterOf(filter)],
        ),
      { timeout, what: selector },
    );
  }

  /**
   * Clicks the first match like a person: scrolls it into view, waits until it holds still, checks that the
   * dock's document and the page both put that point on it (nothing of the page over it), then the browser's
   * own mouse click.
   */
  async click(selector, { timeout = 10_000, ...filter } = {}) {
    // Like a person's eye: the element must hold still (the same point twice in a row), or a re-render
    // between the check and the click could move it from under the pointer.
    let last = null;
    const spot = await this.until(
      async () => {
        const spot = await this.run(
          `(doc, selector, filter) => {
            const element = pick(doc, selector, filter)[0];
            if (!element) return null;
            if (element.disabled) return null;
            element.scrollIntoView({ block: 'center', inline: 'center' });
            if (!shown(element)) return null;
            // A link that wraps over two lines has the middle of its bounding box between them, on its
            // parent: a person clicks on its words, the middle of its first line.
            const box = element.getClientRects()[0] ?? element.getBoundingClientRect();
            const x = box.left + box.width / 2;
            const y = box.top + box.height / 2;
            const hit = doc.elementFromPoint(x, y);
            if (!hit || !(hit === element || element.contains(hit))) return null;
            const frame = doc.defaultView.frameElement.getBoundingClientRect();
            return { x: frame.left + x, y: frame.top + y };
          }`,
          [selector, this.filterOf(filter)],
        );
        const still = spot && last && spot.x === last.x && spot.y === last.y;
        last = spot;
        if (!still) return null;
        const onDock = await this.page.evaluate(
          ({ x, y, name }) => document.elementFromPoint(x, y)?.localName.startsWith(name) ?? false,
          { ...spot, name: HOST_NAME },
        );
        return onDock ? spot : null;
      },
      { timeout, what: `${selector} ${JSON.stringify(filter)} to be clickable` },
    );
    await this.page.mouse.click(spot.x, spot.y);
  }

  /** Types into a text field like a person: a click to focus it, select all, then the new text. */
  async fill(selector, value, options) {
    await this.click(selector, options);
    await this.page.keyboard.press('Control+A');
    if (value === '') await this.page.keyboard.press('Backspace');
    else await this.page.keyboard.insertText(value);
  }

  /** Picks an option of a <select> by value, once it has that option (set, then input and change events). */
  async select(selector, value, { timeout = 10_000, ...filter } = {}) {
    await this.until(
      () =>
        this.evaluate(
          (doc, selector, filter, value) => {
            const select = pick(doc, selector, filter)[0];
            const option = [...(select?.options ?? [])].find((candidate) => candidate.value === value);
            if (!option || option.disabled) return false;
            select.value = value;
            select.dispatchEvent(new Event('input', { bubbles: true }));
            select.dispatchEvent(new Event('change', { bubbles: true }));
            return true;
          },
          selector,
          this.filterOf(filter),
          value,
        ),
      { timeout, what: `option ${value} of ${selector}` },
    );
  }

  /** Sets a checkbox with a person's click, if it is not already as wanted. */
  async check(selector, checked = true, options) {
    if ((await this.property(selector, 'checked', options)) !== checked) await this.click(selector, options);
  }

  /** Moves the focus to the first match (a script's focus(), as a keyboard user's Tab would land). */
  async focus(selector, { timeout = 10_000, ...filter } = {}) {
    await this.first(selector, filter, timeout, '(element) => { element.focus(); return { focused: true }; }');
  }

  /** The first match's box in the page's coordinates (the dock's frame offset added). */
  async box(selector, { timeout = 10_000, ...filter } = {}) {
    return this.first(
      selector,
      filter,
      timeout,
      `(element) => {
        const box = element.getBoundingClientRect();
        const frame = element.ownerDocument.defaultView.frameElement.getBoundingClientRect();
        return { x: frame.left + box.left, y: frame.top + box.top, width: box.width, height: box.height };
      }`,
    );
  }

  /** A screenshot of the dock (or of one of its elements) as the page shows it. */
  async screenshot(file, selector = '[data-testid="sidekick-dock"]') {
    await this.page.screenshot({ path: file, clip: await this.box(selector) });
  }
}
