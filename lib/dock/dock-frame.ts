/**
 * The dock renders in a frame of its own, inside the closed shadow root. The root alone keeps the
 * page's DOM APIs out, but not everything: `window.find()` searches the text of shadow trees (a yes
 * or no per guess, which spells out any text a guess at a time), keys and input typed into the dock
 * reach the page's listeners as composed events, and the page's fonts and registered custom
 * properties apply inside. A frame is a document of its own: the page's `find()` stops at it, its
 * events stay in it, and no style of the page applies in it. The frame is about:blank, so the
 * content script renders into it directly; the page gets no reference to it (frames inside a shadow
 * tree are not in `window.frames`, and the shadow root is closed).
 */

export type DockFrame = {
  /** Where the dock renders, once the frame's document is ready. */
  ready: Promise<HTMLElement>;
  /** False once the frame lost the document the dock renders in: moving a frame empties it. */
  intact: () => boolean;
  /** Removes the frame and stops following the window's size. */
  dispose: () => void;
};

/** Room kept free above the dock, so Kitsu's top bar stays reachable whatever the dock shows. */
const FREE_HEIGHT_PX = 80;

export function openDockFrame(
  container: ParentNode & Node,
  { css, title, lang, onDocument }: { css: string; title: string; lang: string; onDocument?: (doc: Document) => void },
): DockFrame {
  const life = new AbortController();
  const frame = document.createElement('iframe');
  frame.title = title;
  // about:blank fires `load` during `append` in Chromium and a moment later in Firefox: listen first.
  const loaded = new Promise<void>((resolve) =>
    frame.addEventListener('load', () => resolve(), { once: true, signal: life.signal }),
  );
  container.append(frame);
  let body: HTMLElement | null = null;
  const ready = loaded.then(() => {
    const doc = frame.contentDocument;
    if (!doc || life.signal.aborted) throw new Error('The dock frame closed before it was ready.');
    // A screen reader names the frame's document and reads it in the interface's language.
    doc.title = title;
    doc.documentElement.lang = lang;
    const style = doc.createElement('style');
    style.textContent = css;
    // Links in the dock open Kitsu pages in the tab, not in the frame.
    const base = doc.createElement('base');
    base.target = '_top';
    doc.head.append(style, base);
    followWindowHeight(doc, life.signal);
    sizeFrameToContent(frame, doc.body, life.signal);
    onDocument?.(doc);
    body = doc.body;
    return body;
  });
  // A caller that disposes early has nothing to wait for.
  ready.catch(() => {});
  return {
    ready,
    intact: () => body === null || frame.contentDocument?.body === body,
    dispose() {
      life.abort();
      frame.remove();
    },
  };
}

function followWindowHeight(doc: Document, signal: AbortSignal) {
  const update = () =>
    doc.documentElement.style.setProperty('--sk-dock-max-height', `${window.innerHeight - FREE_HEIGHT_PX}px`);
  update();
  window.addEventListener('resize', update, { signal });
}

/** The frame takes the size of the dock inside it, so it covers nothing of Kitsu beyond the dock. */
function sizeFrameToContent(frame: HTMLIFrameElement, body: HTMLElement, signal: AbortSignal) {
  const observer = new ResizeObserver(() => {
    const box = body.getBoundingClientRect();
    frame.style.width = `${Math.ceil(box.width)}px`;
    frame.style.height = `${Math.ceil(box.height)}px`;
  });
  observer.observe(body);
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
