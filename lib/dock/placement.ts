import { z } from 'zod/mini';

/**
 * Where the dock sits: a corner of the window that the person picked (dragged it to, or moved it to with
 * the arrow keys), remembered per Kitsu host; from that corner it steps aside of what Kitsu shows there
 * (the task side panel, a modal, the support chat bubble) so it never covers their controls. Pure: the
 * content script measures the window and the obstacles and applies the result (./dock-placement.ts).
 */
export const CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export type Corner = (typeof CORNERS)[number];

/** The stored setting, per host (`dock-place:<origin>` in the extension's local storage). */
export const DockPlaceSchema = z.object({ corner: z.enum(CORNERS) });
export type DockPlace = z.infer<typeof DockPlaceSchema>;
export const DEFAULT_PLACE: DockPlace = { corner: 'bottom-right' };

export type Rect = { left: number; top: number; width: number; height: number };
export type Size = { width: number; height: number };

/** Distances from the window's edges; a side that is not set is free (CSS `auto`). */
export type Placement = { left?: number; right?: number; top?: number; bottom?: number };

export const EDGE_MARGIN_PX = 16;
/** Top corners stay below Kitsu's top bar (60 px high). */
export const TOP_CLEARANCE_PX = 68;

const isRight = (corner: Corner) => corner.endsWith('right');
const isBottom = (corner: Corner) => corner.startsWith('bottom');

function cornerOf(bottom: boolean, right: boolean): Corner {
  return `${bottom ? 'bottom' : 'top'}-${right ? 'right' : 'left'}`;
}

/** The corner the dock goes to when dropped at `point` (the quarter of the window it lies in). */
export function cornerAt(point: { x: number; y: number }, viewport: Size): Corner {
  return cornerOf(point.y >= viewport.height / 2, point.x >= viewport.width / 2);
}

/** The corner an arrow key moves the dock to: ←/→ change the side, ↑/↓ the height. */
export function cornerAfterKey(corner: Corner, key: string): Corner {
  switch (key) {
    case 'ArrowLeft':
      return cornerOf(isBottom(corner), false);
    case 'ArrowRight':
      return cornerOf(isBottom(corner), true);
    case 'ArrowUp':
      return cornerOf(false, isRight(corner));
    case 'ArrowDown':
      return cornerOf(true, isRight(corner));
    default:
      return corner;
  }
}

const overlaps = (a: Rect, b: Rect) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

function rectAt(corner: Corner, offset: number, viewport: Size, dock: Size): Rect {
  const top = isBottom(corner) ? viewport.height - EDGE_MARGIN_PX - dock.height : TOP_CLEARANCE_PX;
  const left = isRight(corner) ? viewport.width - offset - dock.width : offset;
  return { left, top, width: dock.width, height: dock.height };
}

/** The offset from the corner's side at which the dock clears every obstacle, stepping inwards; null if none. */
function clearOffset(corner: Corner, viewport: Size, dock: Size, obstacles: readonly Rect[]): number | null {
  let offset = EDGE_MARGIN_PX;
  // Each step clears one obstacle, so there are at most as many steps as obstacles.
  for (let step = 0; step <= obstacles.length; step++) {
    const rect = rectAt(corner, offset, viewport, dock);
    if (rect.left < 0 || rect.left + rect.width > viewport.width) return null;
    const hit = obstacles.find((obstacle) => overlaps(rect, obstacle));
    if (!hit) return offset;
    offset = isRight(corner) ? viewport.width - hit.left + EDGE_MARGIN_PX : hit.left + hit.width + EDGE_MARGIN_PX;
  }
  return null;
}

/**
 * The dock's place: its corner, stepped aside of the obstacles there; else the first other corner
 * (same height first, then the same side) where it covers nothing; else its corner as it is.
 */
export function placeDock(corner: Corner, viewport: Size, dock: Size, obstacles: readonly Rect[]): Placement {
  const candidates = [
    corner,
    cornerOf(isBottom(corner), !isRight(corner)),
    cornerOf(!isBottom(corner), isRight(corner)),
    cornerOf(!isBottom(corner), !isRight(corner)),
  ];
  for (const candidate of candidates) {
    const offset = clearOffset(candidate, viewport, dock, obstacles);
    if (offset !== null) return placementOf(candidate, offset);
  }
  return placementOf(corner, EDGE_MARGIN_PX);
}

function placementOf(corner: Corner, offset: number): Placement {
  const vertical = isBottom(corner) ? { bottom: EDGE_MARGIN_PX } : { top: TOP_CLEARANCE_PX };
  return { ...vertical, ...(isRight(corner) ? { right: offset } : { left: offset }) };
}

export function samePlacement(a: Placement, b: Placement): boolean {
  return a.left === b.left && a.right === b.right && a.top === b.top && a.bottom === b.bottom;
}
