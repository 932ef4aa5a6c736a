/**
 * What a page (or anything that is not SyncFix) cannot do: trigger the content script
 * through postMessage or synthetic DOM events, reach the background, get page text parsed
 * as HTML in the card; and what a malformed message gets from the background: nothing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { firstMarkCenter, readCard } from './card-probe';
import type { Ext } from './chrome-api';
import { FIXTURES_DIR, hook, startHarness, summary } from './harness';
import type { Harness } from './harness';
import { assertNoForeignRequests } from './network';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  if (h) assertNoForeignRequests(h, FIXTURES_DIR);
  await h?.close();
});

const markCenter = (page: Page) => page.evaluate(firstMarkCenter);

test('page text inside a match reaches the card as text: no element is created from it', async () => {
  const page = await h.open('hostile-page.html');
  await h.settled(page);
  const tabId = await h.tabId(page);
  await hook(h.worker, 'command', tabId);
  await expect.poll(() => readCard(page)).toBeDefined();
  const card = (await readCard(page))!;
  expect(card.found).toContain('<img src=x onerror="window.pwned=true"><b>bold</b>');
  expect(card.foreignElements).toEqual([]);
  expect(await page.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined();
  await page.close();
});

test('postMessage and synthetic events from the page open nothing and reach nothing', async () => {
  const page = await h.open('hostile-page.html');
  await h.settled(page);
  const tabId = await h.tabId(page);
  const pagesBefore = h.context.pages().length;
  const point = await markCenter(page);
  await page.evaluate(({ x, y }) => {
    const target = document.elementFromPoint(x, y)!;
    for (const message of [
      { type: 'reveal', payload: { step: 'first', wrap: true } },
      { type: 'openArticle', payload: { article: 'eas-tcp-idle-session-timeout' } },
    ]) {
      window.postMessage(message, '*');
    }
    const init = { bubbles: true, composed: true, clientX: x, clientY: y };
    target.dispatchEvent(new MouseEvent('mousemove', init));
    target.dispatchEvent(new MouseEvent('click', init));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    const plain = document.getElementById('plain')!;
    plain.tabIndex = 0;
    plain.focus();
  }, point);
  await page.waitForTimeout(800);
  expect(await readCard(page)).toBeUndefined();
  expect(h.context.pages().length).toBe(pagesBefore);
  // The page has no channel to the extension at all (no externally_connectable).
  expect(
    await page.evaluate(
      () => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
    ),
  ).toBe('undefined');
  expect((await summary(h.worker, tabId)).errors).toBe(2);
  await page.close();
});

test('the background refuses messages from the wrong sender or with the wrong shape', async () => {
  const page = await h.open('hostile-page.html');
  const before = await h.settled(page);
  const tabId = await h.tabId(page);
  const popup = await h.extensionPage('options.html');
  const pagesBefore = h.context.pages().length;
  const answers = await popup.evaluate(async (id) => {
    const { chrome } = globalThis as unknown as Ext;
    const send = (message: unknown) => chrome.runtime.sendMessage(message).catch((e: Error) => `error: ${e.message}`);
    return {
      // Content-only handlers called from an extension page: wrong role.
      fakeReport: await send({
        type: 'reportFrame',
        payload: {
          state: 'done',
          errors: 99,
          info: 0,
          articles: [],
          stats: { marker: 'highlight', textNodes: 0, chars: 0, slices: 0, longestSliceMs: 0, totalMs: 0 },
        },
      }),
      fakeOpen: await send({ type: 'openArticle', payload: { article: 'eas-tcp-idle-session-timeout' } }),
      // Right role, wrong shapes.
      badTab: await send({ type: 'tabSummary', payload: { tabId: String(id) } }),
      extraField: await send({ type: 'tabSummary', payload: { tabId: id, url: 'https://evil.example' } }),
      badStep: await send({ type: 'reveal', payload: { tabId: id, step: 'everywhere' } }),
      unknown: await send({ type: 'eval', payload: '1+1' }),
      inherited: await send({ type: 'constructor', payload: {} }),
      notAnObject: await send('tabSummary'),
      // And the right call still answers.
      good: ((await send({ type: 'tabSummary', payload: { tabId: id } })) as { errors?: number }).errors,
    };
  }, tabId);
  expect(answers).toEqual({
    fakeReport: undefined,
    fakeOpen: undefined,
    badTab: undefined,
    extraField: undefined,
    badStep: undefined,
    unknown: undefined,
    inherited: undefined,
    notAnObject: undefined,
    good: before.errors,
  });
  expect((await summary(h.worker, tabId)).errors).toBe(before.errors);
  expect(h.context.pages().length).toBe(pagesBefore);
  await popup.close();
  await page.close();
});

test('a page that removes our UI element still gets its card back', async () => {
  const page = await h.open('hostile-page.html');
  await h.settled(page);
  const point = await markCenter(page);
  await page.mouse.click(point.x, point.y);
  await expect.poll(() => readCard(page)).toBeDefined();
  // Our host is the <div> on <html>; a page can find and drop it, though not look inside.
  await page.evaluate(() => {
    for (const el of [...document.documentElement.children]) if (el.localName === 'div') el.remove();
  });
  await page.mouse.click(5, 5);
  await page.mouse.click(point.x, point.y);
  await expect.poll(() => readCard(page)).toBeDefined();
  await page.close();
});
