// A preview player with Kitsu's player shortcuts (cgwire/kitsu `src/composables/players/previewShortcuts.js`):
// keydown listeners on `window` that skip only INPUT and TEXTAREA targets (`isTypingTarget`), so a key
// typed anywhere else, a shadow root's host included, toggles drawing or steps frames.
// Every keydown the listener receives is logged in `window.__frontDoorShortcuts` for tests
// ({key, target, action, prevented}; action null when skipped), and the player's data-* attributes
// show its state.
import { h } from './dom.js';

const FRAME_COUNT = 48;
// Held arrows keep scrubbing; every other shortcut is a one-shot toggle that ignores auto-repeat.
const REPEATABLE_KEYS = ['ArrowLeft', 'ArrowRight'];
const ACTIONS = {
  Delete: 'delete-annotation',
  Backspace: 'delete-annotation',
  ArrowLeft: 'previous-frame',
  ArrowRight: 'next-frame',
  Home: 'first-frame',
  End: 'last-frame',
  ' ': 'play-pause',
  d: 'draw',
  e: 'erase',
};
// Kitsu stops these from reaching the browser (page scroll on space, Home, End; typed letters).
const PREVENTED = new Set(['Home', 'End', ' ', 'd', 'e']);

const isTypingTarget = (target) => ['INPUT', 'TEXTAREA'].includes(target?.tagName);

function describeTarget(target) {
  if (!target || target === window) return 'window';
  if (target === document) return 'document';
  return target.localName ?? String(target);
}

function logShortcut(entry) {
  window.__frontDoorShortcuts.push(entry);
}

function applyAction(state, action) {
  if (action === 'draw') state.drawing = !state.drawing;
  else if (action === 'erase') state.erasing = !state.erasing;
  else if (action === 'play-pause') state.playing = !state.playing;
  else if (action === 'previous-frame') state.frame = Math.max(1, state.frame - 1);
  else if (action === 'next-frame') state.frame = Math.min(FRAME_COUNT, state.frame + 1);
  else if (action === 'first-frame') state.frame = 1;
  else if (action === 'last-frame') state.frame = FRAME_COUNT;
  else if (action === 'delete-annotation') state.deletions += 1;
}

function actionFor(event) {
  if (event.repeat && !REPEATABLE_KEYS.includes(event.key)) return null;
  // Alt+P plays or pauses even from a text field, so a person can pause while typing a comment.
  if (event.altKey && (event.key === 'p' || event.key === 'P')) return 'play-pause';
  if (isTypingTarget(event.target)) return null;
  return ACTIONS[event.key] ?? null;
}

/** Mounts a player; its window listeners live until `unmount()` (call it when the player goes). */
export function mountPreviewPlayer() {
  const state = { drawing: false, erasing: false, playing: false, frame: 1, deletions: 0 };
  const frameLabel = h('span.frame-number');
  const button = (classes, label, action) =>
    h(`button.button.${classes}`, { type: 'button', title: label, onclick: () => run(action) }, label);
  const element = h(
    'div.preview-player',
    {},
    h('div.preview-viewer', {}, h('canvas.annotation-canvas', { width: 320, height: 180 })),
    h(
      'div.player-controls',
      {},
      button('play-button', 'Play', 'play-pause'),
      button('draw-button', 'Draw', 'draw'),
      button('erase-button', 'Erase', 'erase'),
      frameLabel,
    ),
  );
  const refresh = () => {
    element.dataset.drawing = String(state.drawing);
    element.dataset.erasing = String(state.erasing);
    element.dataset.playing = String(state.playing);
    element.dataset.frame = String(state.frame);
    element.dataset.deletions = String(state.deletions);
    frameLabel.textContent = `${state.frame} / ${FRAME_COUNT}`;
  };
  const run = (action) => {
    applyAction(state, action);
    refresh();
  };
  const onKeyDown = (event) => {
    const action = actionFor(event);
    if (action && (PREVENTED.has(event.key) || action === 'play-pause')) {
      event.stopPropagation();
      event.preventDefault();
    }
    if (action) run(action);
    logShortcut({ key: event.key, target: describeTarget(event.target), action, prevented: event.defaultPrevented });
  };
  refresh();
  window.__frontDoorShortcuts ??= [];
  window.addEventListener('keydown', onKeyDown, false);
  return { element, unmount: () => window.removeEventListener('keydown', onKeyDown, false) };
}
