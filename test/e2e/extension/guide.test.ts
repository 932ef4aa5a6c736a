/**
 * The guide page (the shared App inside the extension) and its ways in: the context menu's
 * "Explain with SyncFix", the omnibox keyword `sf`, the card's "Open full guide".
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cardButtonCenter, readCard } from './card-probe';
import type { Ext } from './chrome-api';
import { FIXTURES_DIR, hook, startHarness } from './harness';
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

const titleOf = (id: string) => knowledge().kb.articles.find((a) => a.id === id)!.title;

test('the guide page works on its own: the whole App from the extension, nothing fetched', async () => {
  const before = h.requests.length;
  const guide = await h.extensionPage('guide.html');
  await guide.waitForSelector('.sf-search input');
  await guide.locator('.sf-search input').fill('Encryption Verified. Waiting for Services');
  await expect
    .poll(() => guide.locator('.sf-result-title').first().textContent())
    .toBe(titleOf('bes-stuck-waiting-for-services'));
  const fetched = h.requests.slice(before).filter((url) => !url.startsWith(`chrome-extension://${h.extensionId}/`));
  expect(fetched).toEqual([]);
  await guide.close();
});

test('"Explain with SyncFix" on selected text opens the guide explaining that text', async () => {
  // The menu item exists (update() rejects for an unknown id)…
  await h.worker.evaluate(() => (globalThis as unknown as Ext).chrome.contextMenus.update('syncfix-explain', {}));
  const page = await h.open('bas-activation.html');
  const tabId = await h.tabId(page);
  const selection =
    '09:52 sam.ortiz 2B7C9A10 IT Policy Rejected. Please wipe handheld and try again.\n' +
    '10:19 jo.smith 2A3B4C5D Not all databases synchronised successfully – Address Book';
  // …and a click runs this listener with the selection (automation cannot open native menus).
  const opened = h.context.waitForEvent('page');
  await hook(
    h.worker,
    'contextMenuClicked',
    { menuItemId: 'syncfix-explain', selectionText: selection },
    { id: tabId, index: 0 },
  );
  const guide = await opened;
  await guide.waitForURL(/guide\.html/);
  await expect.poll(() => guide.locator('h1').textContent()).toBe('Explain this log');
  await expect
    .poll(() => guide.locator('.sf-fix-card h3 a').allTextContents())
    .toEqual([titleOf('bes-it-policy-rejected'), titleOf('bes-address-book-not-synchronised')]);
  expect(await guide.locator('textarea').inputValue()).toBe(selection);
  await guide.close();
  await page.close();
});

test('the omnibox keyword sf suggests articles and opens the chosen one', async () => {
  const suggestions = await hook(h.worker, 'omniboxSuggestions', 'it policy rejected');
  expect(suggestions[0]).toEqual({
    content: 'a/bes-it-policy-rejected',
    description: expect.stringContaining(
      titleOf('bes-it-policy-rejected').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`),
    ),
  });
  const opened = h.context.waitForEvent('page');
  await hook(h.worker, 'omniboxEntered', suggestions[0]!.content, 'newForegroundTab');
  const guide = await opened;
  await guide.waitForURL(/guide\.html#\/a\/bes-it-policy-rejected$/);
  await expect.poll(() => guide.locator('h1').textContent()).toBe(titleOf('bes-it-policy-rejected'));
  await guide.close();

  // Free text that is not a suggestion becomes a search in the guide.
  const searched = h.context.waitForEvent('page');
  await hook(h.worker, 'omniboxEntered', 'activesync 401', 'newForegroundTab');
  const results = await searched;
  await results.waitForURL(/guide\.html#\/\?q=activesync%20401/);
  await results.close();
});

test('"Open full guide" on a card opens the article beside the console tab', async () => {
  const page = await h.open('notifysync-outbox.html');
  const tabId = await h.tabId(page);
  await h.settled(page);
  await hook(h.worker, 'command', tabId);
  await expect.poll(() => readCard(page)).toBeDefined();
  const article = 'notifysync-error-in-client-server-conversion';
  expect((await readCard(page))!.title).toBe(titleOf(article));
  const button = (await cardButtonCenter(page, 'Open full guide'))!;
  const opened = h.context.waitForEvent('page');
  await page.mouse.click(button.x, button.y);
  const guide = await opened;
  await guide.waitForURL(new RegExp(`guide\\.html#/a/${article}$`));
  await expect.poll(() => guide.locator('h1').textContent()).toBe(titleOf(article));
  await guide.close();
  await page.close();
});

test('a card\'s "More" shows the article\'s sources, and an old article id opens the article that absorbed it', async () => {
  const page = await h.open('notifysync-outbox.html');
  const tabId = await h.tabId(page);
  await h.settled(page);
  await hook(h.worker, 'command', tabId);
  await expect.poll(() => readCard(page)).toBeDefined();
  expect((await readCard(page))!.moreOpen).toBe(false);
  const more = (await cardButtonCenter(page, 'More'))!;
  await page.mouse.click(more.x, more.y);
  await expect.poll(async () => (await readCard(page))!.moreOpen).toBe(true);
  const sources = (await readCard(page))!.sources;
  expect(sources.some((s) => s.startsWith('NotifySync: Messages are stuck in the outbox'))).toBe(true);
  await page.close();

  const guide = await h.extensionPage('guide.html#/a/notifysync-open-outbox-message');
  await expect.poll(() => guide.locator('h1').textContent()).toBe(titleOf('notifysync-messages-stuck-in-outbox'));
  await guide.waitForURL(/guide\.html#\/a\/notifysync-messages-stuck-in-outbox$/);
  await expect.poll(() => guide.locator('.sf-sources li').count()).toBeGreaterThan(0);
  await guide.close();
});
