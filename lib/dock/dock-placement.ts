import type { RenderedBoxes } from '../dom/after-rendering';
import {
  type Corner,
  cornerAfterKey,
  cornerAt,
  DEFAULT_PLACE,
  type DockPlace,
  type Placement,
  placeDock,
  type Rect,
  type Size,
  samePlacement,
} from './placement';

/**
 * What Kitsu shows over its pages, which the dock must not cover: the task side panel (`#side-column`,
 * cgwire/kitsu src/components/pages/ShotList.vue and the other lists), an open Bulma modal, and the
 * support chat (Crisp, set up in src/App.vue) with its bubble at the bottom right.
 */
export const OBSTACLE_SELECTORS = [
  '#side-column',
  '.modal.is-active .modal-content',
  '#crisp-chatbox .chat-bubble',
  '#crisp-chatbox .chat-window',
];
/**
 * How often the dock looks for them: the boxes of the browser's next rendering, read without laying the
 * page out (nothing written unless the place changes).
 */
export const PLACEMENT_CHECK_MS = 250;

export type DragPhase = 'start' | 'move' | 'end';
export type DockMover = {
  /** Moves the dock to the corner an arrow key points to; false for other keys. */
  moveByKey: (key: string) => boolean;
  /** The dock follows the pointer (screen coordinates: they do not move with the dock's frame). */
  drag: (phase: DragPhase, screen: { x: number; y: number }) => void;
  stop: () => void;
};

type Ports = {
  load: () => Promise<DockPlace>;
  save: (place: DockPlace) => Promise<void>;
  /** Runs `check` every `intervalMs` until the returned function is called (the content script's timers). */
  every: (check: () => void, intervalMs: number) => () => void;
  /** The elements' boxes and the viewport as the browser's next rendering has them (after-rendering.ts). */
  rendered: (elements: readonly Element[]) => Promise<RenderedBoxes>;
};

const obstacles = () => [...document.querySelectorAll(OBSTACLE_SELECTORS.join(', '))];

function visibleRects(boxes: readonly (Rect | undefined)[]): Rect[] {
  const rects: Rect[] = [];
  for (const box of boxes) {
    if (box && box.width > 0 && box.height > 0)
      rects.push({ left: box.left, top: box.top, width: box.width, height: box.height });
  }
  return rects;
}

const ARROW_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

const px = (value: number | undefined) => (value === undefined ? 'auto' : `${Math.round(value)}px`);

/** Places the dock's host and keeps it placed; the host's shadow root gets the style sheet that does it. */
export function placeDockHost(host: HTMLElement, root: ShadowRoot, ports: Ports): DockMover {
  const style = document.createElement('style');
  root.append(style);
  let corner: Corner = DEFAULT_PLACE.corner;
  let applied: Placement | null = null;
  let dragging: { start: { x: number; y: number }; rect: DOMRect } | null = null;
  let stopped = false;

  const apply = (placement: Placement) => {
    if (applied && samePlacement(applied, placement)) return;
    applied = placement;
    // Later than host.css in the same shadow root and as important: it wins over `inset` there.
    style.textContent = `:host { top: ${px(placement.top)} !important; right: ${px(placement.right)} !important; bottom: ${px(placement.bottom)} !important; left: ${px(placement.left)} !important; }`;
  };
  const viewport = () => ({ width: document.documentElement.clientWidth, height: window.innerHeight });
  const placeAmong = (shown: Size, own: Size, others: readonly (Rect | undefined)[]) =>
    apply(placeDock(corner, shown, own, visibleRects(others)));
  // At once, after a person moved the dock or its size changed (a ResizeObserver runs after layout).
  const place = () => {
    if (dragging) return;
    placeAmong(
      viewport(),
      host.getBoundingClientRect(),
      obstacles().map((o) => o.getBoundingClientRect()),
    );
  };
  // Every check: the boxes of the next rendering, so a page still being laid out is not laid out by the dock.
  let checking = false;
  const check = () => {
    if (checking || dragging) return;
    checking = true;
    void ports
      .rendered([host, ...obstacles()])
      .then(({ boxes: [own, ...others], viewport: shown }) => {
        if (dragging || stopped || !own) return;
        placeAmong(shown ?? viewport(), own, others);
      })
      .finally(() => {
        checking = false;
      });
  };
  const moveTo = (next: Corner) => {
    corner = next;
    applied = null;
    place();
    void ports.save({ corner });
  };

  place();
  void ports.load().then((stored) => {
    corner = stored.corner;
    place();
  });
  const stopChecks = ports.every(check, PLACEMENT_CHECK_MS);
  // The dock's frame takes the size of what it shows: placed again at once, so it never sits over
  // something for a check's interval, and does not jump under a pointer about to click it.
  const resized = new ResizeObserver(place);
  resized.observe(host);

  return {
    moveByKey(key) {
      if (!ARROW_KEYS.has(key)) return false;
      moveTo(cornerAfterKey(corner, key));
      return true;
    },
    drag(phase, screen) {
      if (phase === 'start') {
        dragging = { start: screen, rect: host.getBoundingClientRect() };
        return;
      }
      if (!dragging) return;
      const { rect, start } = dragging;
      const left = rect.left + screen.x - start.x;
      const top = rect.top + screen.y - start.y;
      if (phase === 'move') {
        apply({ left, top });
        return;
      }
      dragging = null;
      moveTo(cornerAt({ x: left + rect.width / 2, y: top + rect.height / 2 }, viewport()));
    },
    stop() {
      stopped = true;
      stopChecks();
      resized.disconnect();
      style.remove();
    },
  };
}
