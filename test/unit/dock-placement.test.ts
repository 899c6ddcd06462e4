import { describe, expect, it } from 'vitest';
import {
  cornerAfterKey,
  cornerAt,
  DockPlaceSchema,
  EDGE_MARGIN_PX,
  placeDock,
  type Rect,
  TOP_CLEARANCE_PX,
} from '../../lib/dock/placement';

const VIEWPORT = { width: 1280, height: 800 };
const DOCK = { width: 360, height: 300 };
// The front door's (and Kitsu's) task side panel: 420 px on the right, below the 60 px top bar.
const SIDE_PANEL: Rect = { left: 860, top: 60, width: 420, height: 740 };
const CHAT_BUBBLE: Rect = { left: 1200, top: 720, width: 60, height: 60 };
const CENTRED_MODAL: Rect = { left: 390, top: 200, width: 500, height: 300 };

const box = (placement: ReturnType<typeof placeDock>): Rect => ({
  left: placement.left ?? VIEWPORT.width - (placement.right ?? 0) - DOCK.width,
  top: placement.top ?? VIEWPORT.height - (placement.bottom ?? 0) - DOCK.height,
  ...DOCK,
});
const overlaps = (a: Rect, b: Rect) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('where the dock sits', () => {
  it('sits in its corner when nothing is there', () => {
    expect(placeDock('bottom-right', VIEWPORT, DOCK, [])).toEqual({ bottom: EDGE_MARGIN_PX, right: EDGE_MARGIN_PX });
    expect(placeDock('top-left', VIEWPORT, DOCK, [])).toEqual({ top: TOP_CLEARANCE_PX, left: EDGE_MARGIN_PX });
  });

  it('steps aside of the task side panel, to its left', () => {
    const placement = placeDock('bottom-right', VIEWPORT, DOCK, [SIDE_PANEL]);
    expect(placement).toEqual({ bottom: EDGE_MARGIN_PX, right: SIDE_PANEL.width + EDGE_MARGIN_PX });
    expect(overlaps(box(placement), SIDE_PANEL)).toBe(false);
  });

  it('steps aside of the chat bubble, and of the panel and the bubble together', () => {
    for (const obstacles of [[CHAT_BUBBLE], [CHAT_BUBBLE, SIDE_PANEL], [SIDE_PANEL, CHAT_BUBBLE]]) {
      const placed = box(placeDock('bottom-right', VIEWPORT, DOCK, obstacles));
      for (const obstacle of obstacles) expect(overlaps(placed, obstacle)).toBe(false);
    }
  });

  it('leaves a modal uncovered, in another corner when its own is taken', () => {
    const lowerHalf: Rect = { left: 100, top: 380, width: 1080, height: 400 };
    const placement = placeDock('bottom-right', VIEWPORT, DOCK, [lowerHalf, SIDE_PANEL]);
    expect(placement).toEqual({ top: TOP_CLEARANCE_PX, right: SIDE_PANEL.width + EDGE_MARGIN_PX });
    expect(overlaps(box(placement), lowerHalf)).toBe(false);
    expect(overlaps(box(placeDock('bottom-left', VIEWPORT, DOCK, [CENTRED_MODAL])), CENTRED_MODAL)).toBe(false);
  });

  it('stays in its corner when no place is free (covering something beats leaving the window)', () => {
    const everything: Rect = { left: 0, top: 0, ...VIEWPORT };
    expect(placeDock('bottom-left', VIEWPORT, DOCK, [everything])).toEqual({
      bottom: EDGE_MARGIN_PX,
      left: EDGE_MARGIN_PX,
    });
  });
});

describe('moving the dock', () => {
  it('goes to the corner of the quarter it is dropped in', () => {
    expect(cornerAt({ x: 100, y: 100 }, VIEWPORT)).toBe('top-left');
    expect(cornerAt({ x: 1000, y: 100 }, VIEWPORT)).toBe('top-right');
    expect(cornerAt({ x: 100, y: 700 }, VIEWPORT)).toBe('bottom-left');
    expect(cornerAt({ x: 1000, y: 700 }, VIEWPORT)).toBe('bottom-right');
  });

  it('follows the arrow keys', () => {
    expect(cornerAfterKey('bottom-right', 'ArrowLeft')).toBe('bottom-left');
    expect(cornerAfterKey('bottom-left', 'ArrowUp')).toBe('top-left');
    expect(cornerAfterKey('top-left', 'ArrowRight')).toBe('top-right');
    expect(cornerAfterKey('top-right', 'ArrowDown')).toBe('bottom-right');
    expect(cornerAfterKey('top-right', 'ArrowUp')).toBe('top-right');
    expect(cornerAfterKey('top-right', 'd')).toBe('top-right');
  });

  it('reads back only a valid stored place', () => {
    expect(DockPlaceSchema.safeParse({ corner: 'top-left' }).success).toBe(true);
    for (const stored of [undefined, null, 'top-left', { corner: 'middle' }, { corner: 3 }]) {
      expect(DockPlaceSchema.safeParse(stored).success).toBe(false);
    }
  });
});
