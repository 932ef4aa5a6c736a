/**
 * Where the card goes: next to the error it explains, never over it. Below if it fits,
 * else above, else beside; when nothing fits whole, the side with the most room and a
 * scrolling card. Pure geometry in viewport pixels, unit tested.
 */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Height the card may use (it scrolls inside beyond this). */
  maxHeight: number;
  side: 'below' | 'above' | 'right' | 'left';
}

export const GAP = 8;
export const MARGIN = 8;

export function unionBox(rects: readonly Box[]): Box | undefined {
  if (!rects.length) return undefined;
  return rects.reduce((u, r) => ({
    left: Math.min(u.left, r.left),
    top: Math.min(u.top, r.top),
    right: Math.max(u.right, r.right),
    bottom: Math.max(u.bottom, r.bottom),
  }));
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));

export function placeCard(
  target: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const below = viewport.height - target.bottom - GAP - MARGIN;
  const above = target.top - GAP - MARGIN;
  const right = viewport.width - target.right - GAP - MARGIN;
  const left = target.left - GAP - MARGIN;
  const x = clamp(target.left, MARGIN, viewport.width - MARGIN - card.width);

  if (card.height <= below) return { left: x, top: target.bottom + GAP, maxHeight: below, side: 'below' };
  if (card.height <= above) return { left: x, top: target.top - GAP - card.height, maxHeight: above, side: 'above' };

  const tall = viewport.height - 2 * MARGIN;
  const y = clamp(target.top, MARGIN, viewport.height - MARGIN - Math.min(card.height, tall));
  if (card.width <= right) return { left: target.right + GAP, top: y, maxHeight: tall, side: 'right' };
  if (card.width <= left) return { left: target.left - GAP - card.width, top: y, maxHeight: tall, side: 'left' };

  // Nothing fits whole: the roomier of below/above, the card scrolls.
  if (below >= above) return { left: x, top: target.bottom + GAP, maxHeight: Math.max(below, 0), side: 'below' };
  const h = Math.max(above, 0);
  return { left: x, top: target.top - GAP - h, maxHeight: h, side: 'above' };
}

export function intersects(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
