/**
 * A page that tries to switch SyncFix off or to make it act unseen: it squats the element
 * names our UI could use before we start, breaks shadow DOM in its own world, hides or
 * re-parents our host. Detection must go on (marks, badge, cards).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCard } from './card-probe';
import { annotations, startHarness } from './harness';
import type { Harness } from './harness';
import { HOSTILE, clickCardButton, guideTabsOpenedBy, markCenter, openByShortcut } from './hostile-tools';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

test('a page that squats our element names and breaks shadow DOM first still gets marks, badge and cards', async () => {
  const page = await h.open(`${HOSTILE}squat-host.html`);
  const settled = await h.settled(page);
  expect(await page.evaluate(() => (window as { squatted?: number }).squatted ?? 0)).toBe(0);
  expect(settled.errors).toBe(2);
  expect(await h.badge(await h.tabId(page))).toBe('2');
  const { expected, marks } = await annotations(page);
  expect(marks.map((m) => m.expect).sort()).toEqual(expected.map((e) => e.expect).sort());
  const card = await openByShortcut(h, page);
  expect(card.title.length).toBeGreaterThan(0);
  // A click on the mark opens its card too.
  await page.mouse.click(5, 5);
  await expect.poll(() => readCard(page)).toBeUndefined();
  const point = await markCenter(page);
  await page.mouse.click(point.x, point.y);
  await expect.poll(() => readCard(page)).toBeDefined();
  await page.close();
});

test('a page that keeps taking our host away gets the card back each time it opens', async () => {
  const page = await h.open(`${HOSTILE}plain-errors.html`);
  await h.settled(page);
  await openByShortcut(h, page);
  await page.evaluate(() => {
    for (const el of [...document.documentElement.children])
      if (el !== document.head && el !== document.body) el.remove();
  });
  await expect.poll(() => readCard(page)).toBeUndefined();
  const point = await markCenter(page);
  await page.mouse.click(point.x, point.y);
  await expect.poll(() => readCard(page)).toBeDefined();
  const opened = await guideTabsOpenedBy(h, () => clickCardButton(page, 'Open full guide'));
  expect(opened).toBe(1);
  await page.close();
});
