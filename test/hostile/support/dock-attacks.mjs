// A page script's attacks on the dock: everything the page can read (each attempt returns the text it
// got, all of which is searched for what the dock shows) and everything it can do to restyle, move,
// hide or cover the dock. The functions below run in the page's main world (page.evaluate / init script).

/**
 * Init script, before Kitsu's own scripts: records what a MutationObserver on the whole document sees
 * (added nodes, attribute and text changes), and the keys and input events that reach the page.
 */
export function recordDomAndInput() {
  const seen = { mutations: [], input: [] };
  window.__dockAttack = seen;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) seen.mutations.push(node.textContent ?? '', node.outerHTML ?? '');
      if (record.type === 'attributes') seen.mutations.push(record.target.getAttribute?.(record.attributeName) ?? '');
      if (record.type === 'characterData') seen.mutations.push(record.target.data);
    }
  });
  const start = () =>
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });
  for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'textInput', 'compositionend']) {
    window.addEventListener(type, (event) => seen.input.push(`${type}:${event.key ?? event.data ?? ''}`), true);
  }
}

/** The one read Firefox answers (see SECURITY.md, known limits); Chromium answers it with nothing. */
export const FIND_IN_FRAMES = 'window.find(…, searchInFrames) with each text the dock shows';

/**
 * Every DOM route a page script has to the dock's text, each with what it returned. `points`: page
 * coordinates of the dock's controls (from the test, which reads them through the DevTools protocol).
 */
export async function readEverything({ points, probes }) {
  // The host, whatever its name (kitsu-sidekick, or with a suffix when a page claimed the name).
  const host = [...document.documentElement.children].find((element) => element.localName.startsWith('kitsu-sidekick'));
  const reads = [];
  const read = (attempt, run) => {
    let text;
    try {
      text = run();
    } catch (error) {
      text = `threw ${error.name}`;
    }
    reads.push({ attempt, text: typeof text === 'string' ? text : JSON.stringify(text ?? null) });
  };
  const html = document.documentElement;

  // Whatever root or document a route yields, read it all: its markup, its fields, the frames in it.
  const readAll = (root) => {
    if (!root) return String(root);
    const texts = [root.innerHTML ?? root.documentElement?.outerHTML ?? '', root.textContent ?? ''];
    for (const element of root.querySelectorAll('*')) {
      if (typeof element.value === 'string') texts.push(element.value);
      if (element.shadowRoot) texts.push(readAll(element.shadowRoot));
      if (element.localName === 'iframe') {
        try {
          texts.push(readAll(element.contentDocument));
        } catch (error) {
          texts.push(error.name);
        }
      }
    }
    return texts.join('\n');
  };

  read('host.shadowRoot, and all of it if there is one', () => readAll(host?.shadowRoot));
  read('querySelectorAll: kitsu-sidekick *, [data-testid], iframe', () =>
    [...document.querySelectorAll('kitsu-sidekick *, [data-testid], iframe')].map((element) => element.outerHTML),
  );
  read("querySelector('kitsu-sidekick >>> *') and /deep/", () =>
    ['kitsu-sidekick >>> *', 'kitsu-sidekick /deep/ *', 'kitsu-sidekick::shadow *'].map((selector) => {
      try {
        return document.querySelectorAll(selector).length;
      } catch (error) {
        return error.name;
      }
    }),
  );
  read('innerText, textContent, innerHTML of <html>, <body> and the host', () =>
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is one of the routes a page would try.
    [html.innerText, html.textContent, html.innerHTML, document.body.innerText, host?.innerText, host?.textContent]
      .map((text) => text ?? '')
      .join('\n'),
  );
  read('outerHTML of <body> and <html>, XMLSerializer', () =>
    [document.body.outerHTML, html.outerHTML, new XMLSerializer().serializeToString(document)].join('\n'),
  );
  read('getHTML({ serializableShadowRoots: true }) of <html> and the host', () =>
    [html.getHTML({ serializableShadowRoots: true }), host?.getHTML({ serializableShadowRoots: true }) ?? ''].join(
      '\n',
    ),
  );
  read("Selection after selectAllChildren(<html>), execCommand('selectAll'), in designMode", () => {
    const texts = [];
    getSelection().selectAllChildren(html);
    texts.push(getSelection().toString());
    getSelection().removeAllRanges();
    document.execCommand('selectAll');
    texts.push(getSelection().toString());
    document.designMode = 'on';
    document.execCommand('selectAll');
    texts.push(getSelection().toString());
    document.designMode = 'off';
    getSelection().removeAllRanges();
    return texts.join('\n');
  });
  read('Range over <html>: toString, cloneContents', () => {
    const range = document.createRange();
    range.selectNodeContents(html);
    return `${range.toString()}\n${range.cloneContents().textContent}`;
  });
  read('elementFromPoint, elementsFromPoint, caret ranges at the dock’s controls', () =>
    points.flatMap(({ x, y }) => [
      document.elementFromPoint(x, y)?.outerHTML,
      ...document.elementsFromPoint(x, y).map((element) => `${element.localName}:${element.textContent.slice(0, 200)}`),
      document.caretRangeFromPoint?.(x, y)?.startContainer.textContent,
      document.caretPositionFromPoint?.(x, y)?.offsetNode.textContent,
    ]),
  );
  read('TreeWalker over the document (all nodes)', () => {
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    const texts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.nodeValue ?? node.localName);
    return texts.join('\n');
  });
  read('document.activeElement once a person focused the dock', () => {
    const active = document.activeElement;
    return `${active?.localName} shadowRoot=${active?.shadowRoot} text=${active?.textContent}`;
  });
  read('the host’s attributes, ARIA reflection, role and label', () =>
    host
      ? [
          ...[...host.attributes].map((attribute) => `${attribute.name}=${attribute.value}`),
          host.ariaLabel,
          host.role,
          host.title,
          host.computedName,
          host.computedRole,
        ]
      : [],
  );
  read('computed styles of the host, ::before and ::after', () =>
    host
      ? [null, '::before', '::after'].map((pseudo) =>
          [...getComputedStyle(host, pseudo)]
            .map((name) => getComputedStyle(host, pseudo).getPropertyValue(name))
            .join(';'),
        )
      : [],
  );
  read('the document’s style sheets and fonts', () => [
    ...[...document.styleSheets].flatMap((sheet) => {
      try {
        return [...sheet.cssRules].map((rule) => rule.cssText);
      } catch {
        return [];
      }
    }),
    ...[...document.fonts].map((font) => font.family),
  ]);
  read('performance entries', () => performance.getEntries().map((entry) => entry.name));
  read('window.frames, window[0], window.length', () => {
    const texts = [`length=${window.length}`];
    for (let index = 0; index < window.length; index++) {
      try {
        texts.push(window[index].document.documentElement.outerHTML);
      } catch (error) {
        texts.push(error.name);
      }
    }
    return texts;
  });
  read('a MutationObserver on the whole document, since the start', () => window.__dockAttack.mutations.join('\n'));
  read('keys and input events while a person typed in the dock', () => window.__dockAttack.input.join(' '));
  read('a custom element of the host’s name, defined now, and its ElementInternals', () => {
    const name = host?.localName;
    if (!name) return 'no host';
    try {
      customElements.define(
        name,
        class extends HTMLElement {
          constructor() {
            super();
            window.__dockInternals = this.attachInternals();
          }
        },
      );
    } catch (error) {
      return `define threw ${error.name}`;
    }
    const root = window.__dockInternals?.shadowRoot;
    return `internals.shadowRoot=${root} ${root ? readAll(root) : ''}`;
  });
  // window.find() searches the rendered text, shadow trees included: a yes or no per guess. Its sixth
  // argument (searchInFrames) makes Firefox search the page's frames too; Chromium ignores it.
  const find = (inFrames) => () =>
    probes
      .filter((probe) => {
        getSelection().removeAllRanges();
        return window.find(probe, true, false, true, false, inFrames);
      })
      .join('\n');
  read('window.find() with each text the dock shows', find(false));
  // FIND_IN_FRAMES, written out: this function runs in the page, without this module.
  read('window.find(…, searchInFrames) with each text the dock shows', find(true));
  getSelection().removeAllRanges();
  return reads;
}

/**
 * Everything a page script can do to restyle, move, hide or cover the dock, at once: page style sheets
 * (important), inline styles and attributes on the host, its popover closed, the host moved into <body>
 * and removed, a full-screen transparent overlay of the highest z-index, and a page popover opened
 * over it in the top layer.
 */
export function attackLayout() {
  const host = [...document.documentElement.children].find((element) => element.localName.startsWith('kitsu-sidekick'));
  const done = [];
  const style = document.createElement('style');
  style.textContent = `
    kitsu-sidekick, [popover]:not(#hostile-popover), html > :last-child, html > :last-child * {
      display: none !important; visibility: hidden !important; opacity: 0 !important;
      position: absolute !important; left: -9999px !important; top: -9999px !important;
      transform: translate(-2000px, -2000px) scale(0) !important; width: 0 !important; height: 0 !important;
      pointer-events: none !important; clip-path: inset(50%) !important; filter: blur(20px) !important;
      zoom: 0.1 !important; z-index: -1 !important; font-family: "Comic Sans MS" !important;
      --sk-bg: red !important; --sk-fg: red !important; transition: all 1000s !important;
    }
    kitsu-sidekick::before, kitsu-sidekick::after, [popover]:not(#hostile-popover)::after {
      content: "Confirm all" !important; display: block !important; position: absolute !important; inset: 0 !important;
      z-index: 2147483647 !important; background: white !important;
    }
    :root { --sk-bg: red !important; --sk-accent: red !important; }
    @font-face { font-family: Lato; src: local("Comic Sans MS"); }`;
  document.head.append(style);
  done.push(
    'style sheet: display, visibility, opacity, position, transform, size, clip, filter, zoom, ::before/::after, tokens, fonts',
  );
  try {
    host.hidePopover();
    done.push('hidePopover()');
  } catch (error) {
    done.push(`hidePopover threw ${error.name}`);
  }
  host.style.cssText =
    'display: none !important; opacity: 0 !important; visibility: hidden !important; pointer-events: none !important; right: 900px !important;';
  for (const [name, value] of [
    ['hidden', ''],
    ['inert', ''],
    ['dir', 'rtl'],
    ['aria-hidden', 'true'],
    ['tabindex', '-1'],
  ])
    host.setAttribute(name, value);
  host.removeAttribute('popover');
  done.push('inline style, hidden, inert, dir, aria-hidden, tabindex; popover attribute removed');
  const overlay = document.createElement('div');
  overlay.id = 'hostile-overlay';
  overlay.style.cssText = 'position: fixed; inset: 0; z-index: 2147483647; background: transparent;';
  document.body.append(overlay);
  const lid = document.createElement('div');
  lid.id = 'hostile-popover';
  lid.setAttribute('popover', 'manual');
  lid.style.cssText =
    'position: fixed; inset: 0; margin: 0; width: 100vw; height: 100vh; border: 0; background: transparent;';
  document.body.append(lid);
  lid.showPopover();
  done.push('a transparent full-screen overlay (z-index 2147483647) and a full-screen popover over it');
  document.body.append(host);
  done.push('the host moved into <body>');
  return done;
}

/** Then the host removed outright, and the page's own overlay kept. */
export function removeHost() {
  const host = [...document.documentElement.children, ...document.body.children].find((element) =>
    element.localName.startsWith('kitsu-sidekick'),
  );
  host?.remove();
  return Boolean(host);
}

/**
 * Runs in the dock's document, as a script that somehow held it would (the test reaches it through the
 * DevTools protocol; a page has no route to it): fills the bulk form, then clicks, presses Enter,
 * Escape and submits every way a script can. Returns how many events it dispatched.
 */
export function forgeInDock(doc) {
  let synthetic = 0;
  const fire = (target, event) => target?.dispatchEvent(event);
  const form = doc.querySelector('[data-testid="bulk-helpers"]');
  for (const select of doc.querySelectorAll('select')) {
    select.selectedIndex = select.options.length - 1;
    fire(select, new Event('change', { bubbles: true }));
  }
  const text = doc.querySelector('[data-testid="bulk-text"]');
  if (text) {
    text.value = 'Forged by the page';
    fire(text, new Event('input', { bubbles: true }));
  }
  for (const button of doc.querySelectorAll('button')) {
    fire(button, new MouseEvent('click', { bubbles: true, composed: true }));
    button.click();
    synthetic += 2;
  }
  fire(text, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  fire(doc.body.firstElementChild, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
  form?.requestSubmit();
  return synthetic + 3;
}
