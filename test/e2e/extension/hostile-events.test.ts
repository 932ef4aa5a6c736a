/**
 * Events a page forges to reset or steer SyncFix: leaving the page (pagehide), coming back
 * (pageshow), scrolls, resizes, keys, focus and clicks dispatched from script. None of them
 * is the user's, so none may change what the badge, the popup or the shortcut see.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCard } from './card-probe';
import { startHarness, summary } from './harness';
import type { Harness } from './harness';
import { HOSTILE, markCenter, openByShortcut } from './hostile-tools';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

test('forged pagehide and pageshow leave the badge, the popup count and the shortcut as they were', async () => {
  const page = await h.open(`${HOSTILE}plain-errors.html`);
  const before = await h.settled(page);
  const tabId = await h.tabId(page);
  expect(before.errors).toBe(2);
  await page.evaluate(() => {
    // Coming back first, leaving last: a listener that believes them ends up counting nothing.
    for (let i = 0; i < 5; i++) {
      dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      document.dispatchEvent(new Event('visibilitychange'));
      dispatchEvent(new Event('freeze'));
      dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    }
  });
  await page.waitForTimeout(600);
  expect(await h.badge(tabId)).toBe('2');
  expect((await summary(h.worker, tabId)).errors).toBe(2);
  const card = await openByShortcut(h, page);
  expect(card.title.length).toBeGreaterThan(0);
  await page.close();
});

test('forged keys, focus, scrolls and clicks neither open, move nor close a card', async () => {
  const page = await h.open(`${HOSTILE}plain-errors.html`);
  await h.settled(page);
  const point = await markCenter(page);
  // Nothing opens from forged pointer, key and focus events.
  await page.evaluate(({ x, y }) => {
    const target = document.elementFromPoint(x, y)!;
    const init = { bubbles: true, composed: true, clientX: x, clientY: y };
    for (const type of ['pointermove', 'mousemove', 'pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
      target.dispatchEvent(new MouseEvent(type, init));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    target.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  }, point);
  await page.waitForTimeout(800);
  expect(await readCard(page)).toBeUndefined();

  // An open card is not closed or moved by forged Escape, clicks elsewhere, scrolls or resizes.
  const card = await openByShortcut(h, page);
  await page.evaluate(() => {
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 2, clientY: 2 }));
    dispatchEvent(new Event('scroll'));
    dispatchEvent(new Event('resize'));
  });
  await page.waitForTimeout(600);
  const after = await readCard(page);
  expect(after?.title).toBe(card.title);
  expect(after?.rect).toEqual(card.rect);
  // The user's own Escape still closes it.
  await page.keyboard.press('Escape');
  await expect.poll(() => readCard(page)).toBeUndefined();
  await page.close();
});
