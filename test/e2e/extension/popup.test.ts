/** The toolbar popup, opened as chrome-extension://<id>/popup.html?tab=<id> (automation cannot click the toolbar). */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCard } from './card-probe';
import { FIXTURES_DIR, SCREENSHOT_DIR, startHarness, summary } from './harness';
import type { Harness } from './harness';
import { knowledge } from './knowledge';
import { assertNoForeignRequests } from './network';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  if (h) assertNoForeignRequests(h, FIXTURES_DIR);
  await h?.close();
});

async function popupFor(page: Page): Promise<Page> {
  const popup = await h.extensionPage(`popup.html?tab=${await h.tabId(page)}`);
  await popup.waitForSelector('.sf-search input');
  return popup;
}

test('lists the errors found on the current tab first, with the site switch on and the count', async () => {
  const { kb } = knowledge();
  const page = await h.open('bas-activation.html');
  const settled = await h.settled(page);
  const popup = await popupFor(page);

  await expect.poll(() => popup.locator('.sfx-found-item').count()).toBe(settled.articles.length);
  expect(await popup.getByRole('switch').isChecked()).toBe(true);
  await expect
    .poll(() => popup.locator('.sfx-status').textContent())
    .toBe(
      `${settled.errors} known errors on this page, ${settled.info} status ${settled.info === 1 ? 'message' : 'messages'} explained.`,
    );
  // Errors before status messages, each named by its article's title.
  const listed = await popup
    .locator('.sfx-found-item')
    .evaluateAll((items) =>
      items.map((li) => ({ article: li.getAttribute('data-article')!, error: li.classList.contains('sfx-error') })),
    );
  expect(listed.findIndex((i) => !i.error)).toBeGreaterThan(listed.filter((i) => i.error).length - 1);
  const firstTitle = await popup.locator('.sfx-found-title').first().textContent();
  expect(firstTitle).toBe(kb.articles.find((a) => a.id === listed[0]!.article)!.title);
  // The found errors come before the search results' place: under the box, above recent searches.
  const order = await popup.evaluate(() => {
    const found = document.querySelector('.sfx-found')!;
    const box = document.querySelector('.sf-search input')!;
    return box.compareDocumentPosition(found) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(order).toBeTruthy();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.screenshot({ path: `${SCREENSHOT_DIR}/popup-light.png` });
  await popup.emulateMedia({ colorScheme: 'dark' });
  // The shared styles fade backgrounds for 0.12 s: let the switch to dark finish.
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: `${SCREENSHOT_DIR}/popup-dark.png` });
  await popup.close();
  await page.close();
});

test('searches the guide: a pasted error string goes to its article, typed words find it too', async () => {
  const { kb } = knowledge();
  const page = await h.open('notifysync-outbox.html');
  await h.settled(page);
  const popup = await popupFor(page);
  const input = popup.locator('.sf-search input');
  const titleOf = (id: string) => kb.articles.find((a) => a.id === id)!.title;

  await input.fill('IT Policy Rejected. Please wipe handheld and try again.');
  await expect
    .poll(() => popup.locator('.sf-result-title').first().textContent())
    .toBe(titleOf('bes-it-policy-rejected'));

  await input.fill('partnership access denied');
  await expect
    .poll(() => popup.locator('.sf-result-title').first().textContent())
    .toBe(titleOf('eas-partnership-access-denied'));

  // Enter opens the article in the guide page (a tab of its own) and the popup closes itself,
  // as a toolbar popup does, possibly before the key press has returned.
  const opened = h.context.waitForEvent('page');
  await input.press('Enter').catch(() => undefined);
  const guide = await opened;
  await guide.waitForURL(/guide\.html#\/a\/eas-partnership-access-denied$/);
  await expect.poll(() => guide.locator('h1').textContent()).toBe(titleOf('eas-partnership-access-denied'));
  await guide.close();
  await page.close();
});

test('"Show" on a found error scrolls the page to it and opens its card with focus', async () => {
  const page = await h.open('seg-listener-log.html');
  await h.settled(page);
  const popup = await popupFor(page);
  const item = popup.locator('.sfx-found-item[data-article="eas-tcp-idle-session-timeout"]');
  await item.getByRole('button', { name: /^Show on the page/ }).click();
  await expect
    .poll(async () => (await readCard(page))?.title)
    .toBe(knowledge().kit.cards['eas-tcp-idle-session-timeout']!.title);
  expect((await readCard(page))!.focused).not.toBeNull();
  await page.close();
});

test('on a site that was never allowed nothing runs, and the popup offers a one-off scan', async () => {
  // Same server, another host name: the harness allowed only 127.0.0.1.
  const page = await h.context.newPage();
  await page.goto(h.url('exchange-mobile-devices.html').replace('127.0.0.1', 'localhost'));
  await page.waitForTimeout(1_000);
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
  expect(await h.badge(await h.tabId(page))).toBe('');
  expect((await summary(h.worker, await h.tabId(page))).state).toBe('not-scanned');
  // Without the toolbar click's activeTab grant (automation cannot click the toolbar) the
  // popup does not learn the address, so it cannot show the site switch; the scan is offered.
  const popup = await popupFor(page);
  await expect.poll(() => popup.locator('.sfx-status').textContent()).toBe('This page has not been scanned.');
  expect(await popup.getByRole('button', { name: 'Scan this page once' }).isVisible()).toBe(true);
  expect(await popup.locator('.sfx-found-item').count()).toBe(0);
  await popup.close();
  await page.close();
});

test('the popup for a page that backed off says why instead of a count', async () => {
  const page = await h.open('pathological-nodes.html');
  await h.settled(page, { states: ['backed-off'], timeout: 30_000 });
  const popup = await popupFor(page);
  await expect.poll(() => popup.locator('.sfx-warning').textContent()).toMatch(/too large to scan in full/);
  await popup.close();
  await page.close();
});
