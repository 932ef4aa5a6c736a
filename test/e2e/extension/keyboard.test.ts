/** Cards by keyboard: the shortcut walks the errors, Tab reaches the card's buttons, Escape closes it. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { firstMarkCenter, readCard } from './card-probe';
import { hook, startHarness } from './harness';
import type { Harness } from './harness';
import { knowledge } from './knowledge';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

test('the shortcut opens the next error’s card with focus; Tab reaches its buttons; Escape closes it and gives focus back', async () => {
  const page = await h.open('exchange-mobile-devices.html');
  const tabId = await h.tabId(page);
  await h.settled(page);
  await page.locator('input[type="search"]').focus();

  await hook(h.worker, 'command', tabId);
  await expect.poll(async () => (await readCard(page))?.focused).not.toBeNull();
  await page.keyboard.press('Tab');
  expect((await readCard(page))!.focused).toBe('×');
  await page.keyboard.press('Tab');
  expect((await readCard(page))!.focused).toBe('Open full guide');

  await page.keyboard.press('Escape');
  await expect.poll(() => readCard(page)).toBeUndefined();
  // Focus is back where the admin was.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
  await page.close();
});

test('tabbing onto a console cell that holds a known error opens its card without taking focus', async () => {
  const page = await h.open('exchange-mobile-devices.html');
  await h.settled(page);
  await page.locator('input[type="search"]').focus();
  await page.keyboard.press('Tab'); // → the focusable "Access Denied" cell
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Access Denied');
  await expect
    .poll(async () => (await readCard(page))?.title)
    .toBe(knowledge().kit.cards['eas-partnership-access-denied']!.title);
  expect((await readCard(page))!.focused).toBeNull();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Access Denied');
  await page.keyboard.press('Escape');
  await expect.poll(() => readCard(page)).toBeUndefined();
  await page.close();
});

test('a click on a mark pins its card; a click elsewhere dismisses it', async () => {
  const page = await h.open('notifysync-outbox.html');
  await h.settled(page);
  const point = await page.evaluate(firstMarkCenter);
  await page.mouse.click(point.x, point.y);
  await expect.poll(() => readCard(page)).toBeDefined();
  // Pinned: moving away does not close it.
  await page.mouse.move(5, 700);
  await page.waitForTimeout(700);
  expect(await readCard(page)).toBeDefined();
  await page.mouse.click(5, 700);
  await expect.poll(() => readCard(page)).toBeUndefined();
  await page.close();
});
