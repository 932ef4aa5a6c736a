import { describe, expect, test } from 'vitest';
import { GAP, intersects, placeCard, unionBox } from './placement';

const viewport = { width: 1000, height: 800 };
const card = { width: 380, height: 300 };
const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });
const cardBox = (p: { left: number; top: number; maxHeight: number }) =>
  box(p.left, p.top, p.left + card.width, p.top + Math.min(card.height, p.maxHeight));

describe('card placement', () => {
  test('below the error when there is room, aligned with it', () => {
    const target = box(100, 100, 200, 120);
    const p = placeCard(target, card, viewport);
    expect(p.side).toBe('below');
    expect(p.top).toBe(120 + GAP);
    expect(p.left).toBe(100);
    expect(intersects(cardBox(p), target)).toBe(false);
  });

  test('above when the error is near the bottom', () => {
    const target = box(100, 700, 200, 720);
    const p = placeCard(target, card, viewport);
    expect(p.side).toBe('above');
    expect(intersects(cardBox(p), target)).toBe(false);
  });

  test('beside when neither above nor below fits', () => {
    const tall = { width: 380, height: 500 };
    const target = box(50, 380, 300, 400);
    const p = placeCard(target, tall, viewport);
    expect(p.side).toBe('right');
    expect(intersects(box(p.left, p.top, p.left + tall.width, p.top + tall.height), target)).toBe(false);
  });

  test('kept inside the viewport when the error is at the right edge', () => {
    const p = placeCard(box(900, 100, 990, 120), card, viewport);
    expect(p.left + card.width).toBeLessThanOrEqual(viewport.width - 8);
  });

  test('when nothing fits whole, the roomier side with a scrolling card, still off the error', () => {
    const huge = { width: 900, height: 700 };
    const target = box(100, 300, 900, 330);
    const p = placeCard(target, huge, viewport);
    expect(p.side).toBe('below');
    expect(p.maxHeight).toBe(viewport.height - 330 - GAP - 8);
    expect(intersects(box(p.left, p.top, p.left + huge.width, p.top + p.maxHeight), target)).toBe(false);
  });

  test('a wrapped error is one box around its lines', () => {
    expect(unionBox([box(300, 100, 900, 120), box(10, 120, 200, 140)])).toEqual(box(10, 100, 900, 140));
    expect(unionBox([])).toBeUndefined();
  });
});
