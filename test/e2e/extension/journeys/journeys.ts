/**
 * The extension's user journeys, one list for every browser: each driver (driver.ts) runs
 * them in order against the same fixture pages with the same assertions. They start from a
 * browser where no site is allowed and end with the site removed again.
 */
import { expect } from 'vitest';
import { knowledge } from '../knowledge';
import { firstMarkCenter } from '../card-probe';
import type { BrowserDriver, JourneyPage } from './driver';
import { FIXTURE_HOST } from './driver';

export interface Journey {
  name: string;
  run(driver: BrowserDriver): Promise<void>;
}

const titleOf = (id: string) => knowledge().kb.articles.find((a) => a.id === id)!.title;
const patterns = [`http://${FIXTURE_HOST}/*`, `https://${FIXTURE_HOST}/*`];

/** Lines annotated as known errors and the lines holding a mark, in every frame of the page. */
export function markedLines(page: JourneyPage): Promise<{ expected: string[]; marked: string[] }[]> {
  return page.evaluateFrames(() => {
    const lines = [...document.querySelectorAll('[data-expect]')];
    const key = (el: Element | null) => (el ? `${lines.indexOf(el)}:${el.getAttribute('data-expect')}` : 'none');
    const marked = new Set<string>();
    for (const name of ['syncfix-error', 'syncfix-info']) {
      const ranges = CSS.highlights.get(name) as unknown as Iterable<AbstractRange> | undefined;
      for (const r of ranges ?? []) marked.add(key(r.startContainer.parentElement?.closest('[data-expect]') ?? null));
    }
    return { expected: lines.map(key).sort(), marked: [...marked].sort() };
  });
}

/** Waits until every frame marks exactly its annotated lines; returns the number of error marks. */
export async function expectEveryErrorMarked(page: JourneyPage): Promise<void> {
  await expect
    .poll(async () => (await markedLines(page)).map((f) => f.marked.join() === f.expected.join()).every(Boolean), {
      timeout: 15_000,
    })
    .toBe(true);
}

/** Error marks in every frame of the page. */
export async function errorMarks(page: JourneyPage): Promise<number> {
  const counts = await page.evaluateFrames(
    () => (CSS.highlights.get('syncfix-error') as unknown as Set<unknown>)?.size ?? 0,
  );
  return counts.reduce((a, b) => a + b, 0);
}

async function registered(driver: BrowserDriver): Promise<{ matches?: string[]; matchOriginAsFallback?: boolean }[]> {
  return driver.extension(() =>
    (
      globalThis as unknown as {
        chrome: {
          scripting: {
            getRegisteredContentScripts(): Promise<{ matches?: string[]; matchOriginAsFallback?: boolean }[]>;
          };
        };
      }
    ).chrome.scripting.getRegisteredContentScripts(),
  );
}

async function openSettled(driver: BrowserDriver, path: string): Promise<{ page: JourneyPage; tabId: number }> {
  const page = await driver.open(driver.fixture(path));
  await page.setViewport(1100, 760);
  const tabId = await driver.tabId(page);
  await expect.poll(async () => (await driver.summary(tabId)).state, { timeout: 15_000 }).toBe('done');
  return { page, tabId };
}

const markCenter = (page: JourneyPage) => page.evaluate(firstMarkCenter);

export const enableFromOptions: Journey = {
  name: 'enable a site from the options page',
  async run(driver) {
    const options = await driver.extensionPage('options.html');
    await expect.poll(() => options.text('#sites ~ p')).toMatch(/No site yet/);
    await options.type('#site-input', FIXTURE_HOST);
    await options.click('.sfx-add button[type="submit"]');
    await expect.poll(() => options.text('[role="status"]')).toBe(`SyncFix now runs on ${FIXTURE_HOST}.`);
    await expect.poll(() => options.texts('#sites ~ .sfx-rows code')).toEqual([FIXTURE_HOST]);
    // The content script follows: registered for exactly that host, about:blank / srcdoc frames included.
    await expect
      .poll(() => registered(driver))
      .toEqual([expect.objectContaining({ matches: patterns, matchOriginAsFallback: true })]);
    await options.close();
  },
};

export const marksAndBadge: Journey = {
  name: 'marks every known error on a console page, in written frames too, and counts them on the badge',
  async run(driver) {
    for (const path of ['exchange-mobile-devices.html', 'written-frames.html']) {
      const { page, tabId } = await openSettled(driver, path);
      await expectEveryErrorMarked(page);
      const errors = await errorMarks(page);
      expect(errors, path).toBeGreaterThan(0);
      // The srcdoc pane and the script-written about:blank pane each hold one known error.
      if (path === 'written-frames.html') {
        expect((await markedLines(page)).map((f) => f.marked.length)).toEqual([0, 1, 1]);
      }
      await expect.poll(() => driver.badge(tabId)).toBe(String(errors));
      expect((await driver.summary(tabId)).errors).toBe(errors);
      await page.close();
    }
  },
};

export const cardByKeyboard: Journey = {
  name: 'opens a card with the keyboard: the shortcut focuses it, Tab reaches its buttons, Escape gives focus back',
  async run(driver) {
    const { page, tabId } = await openSettled(driver, 'exchange-mobile-devices.html');
    await page.evaluate(() => (document.querySelector('input[type="search"]') as HTMLInputElement).focus());
    await driver.command(tabId);
    await expect.poll(async () => (await page.card())?.focused ?? null).not.toBeNull();
    expect((await page.card())!.title).toBe(titleOf('eas-partnership-access-denied'));
    await page.press('Tab');
    await expect.poll(async () => (await page.card())?.focused).toBe('×');
    await page.press('Tab');
    await expect.poll(async () => (await page.card())?.focused).toBe('Open full guide');
    await page.press('Escape');
    await expect.poll(() => page.card()).toBeUndefined();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.close();
  },
};

export const cardByMouse: Journey = {
  name: 'opens a card with the mouse: a click pins it, "Open full guide" opens the article, a click elsewhere closes it',
  async run(driver) {
    const { page } = await openSettled(driver, 'notifysync-outbox.html');
    const point = await markCenter(page);
    await page.mouseClick(point.x, point.y);
    await expect
      .poll(async () => (await page.card())?.title)
      .toBe(titleOf('notifysync-error-in-client-server-conversion'));
    expect((await page.card())!.buttons).toContain('Open full guide');
    await page.mouseClick(5, 700);
    await expect.poll(() => page.card()).toBeUndefined();

    await page.mouseClick(point.x, point.y);
    await expect.poll(() => page.card()).toBeDefined();
    const button = (await page.cardButtonCenter('Open full guide'))!;
    const opened = driver.nextPage(/guide\.html#\/a\/notifysync-error-in-client-server-conversion$/);
    await page.mouseClick(button.x, button.y);
    const guide = await opened;
    await expect.poll(() => guide.text('h1')).toBe(titleOf('notifysync-error-in-client-server-conversion'));
    await guide.close();
    await page.close();
  },
};

export const searchFromPopup: Journey = {
  name: 'searches from the popup: the tab’s errors first, a pasted error string finds its article, Enter opens it',
  async run(driver) {
    const { page, tabId } = await openSettled(driver, 'bas-activation.html');
    const summary = await driver.summary(tabId);
    const popup = await driver.extensionPage(`popup.html?tab=${tabId}`);
    await expect.poll(async () => (await popup.texts('.sfx-found-item')).length).toBe(summary.articles.length);
    await popup.type('.sf-search input', 'IT Policy Rejected. Please wipe handheld and try again.');
    await expect.poll(() => popup.text('.sf-result-title')).toBe(titleOf('bes-it-policy-rejected'));
    await popup.type('.sf-search input', 'partnership access denied');
    await expect.poll(() => popup.text('.sf-result-title')).toBe(titleOf('eas-partnership-access-denied'));
    const opened = driver.nextPage(/guide\.html#\/a\/eas-partnership-access-denied$/);
    // The popup closes itself once the guide opens, possibly before the key press returns.
    await popup.press('Enter').catch(() => undefined);
    const guide = await opened;
    await expect.poll(() => guide.text('h1')).toBe(titleOf('eas-partnership-access-denied'));
    await guide.close();
    await popup.close().catch(() => undefined);
    await page.close();
  },
};

export const explainSelection: Journey = {
  name: 'explains a selection: "Explain with SyncFix" opens the guide with the fixes for the selected lines',
  async run(driver) {
    const { page, tabId } = await openSettled(driver, 'bas-activation.html');
    const selection =
      '09:52 sam.ortiz 2B7C9A10 IT Policy Rejected. Please wipe handheld and try again.\n' +
      '10:19 jo.smith 2A3B4C5D Not all databases synchronised successfully – Address Book';
    const opened = driver.nextPage(/guide\.html/);
    await driver.explainSelection(selection, tabId);
    const guide = await opened;
    await expect.poll(() => guide.text('h1')).toBe('Explain this log');
    await expect
      .poll(() => guide.texts('.sf-fix-card h3 a'))
      .toEqual([titleOf('bes-it-policy-rejected'), titleOf('bes-address-book-not-synchronised')]);
    expect(await guide.evaluate(() => document.querySelector('textarea')!.value)).toBe(selection);
    await guide.close();
    await page.close();
  },
};

export const disableFromOptions: Journey = {
  name: 'disables the site again from the options page: nothing runs there any more',
  async run(driver) {
    const options = await driver.extensionPage('options.html');
    await expect.poll(() => options.texts('#sites ~ .sfx-rows code')).toEqual([FIXTURE_HOST]);
    await options.click('#sites ~ .sfx-rows button');
    await expect.poll(() => options.text('[role="status"]')).toBe(`SyncFix no longer runs on ${FIXTURE_HOST}.`);
    await expect.poll(() => options.text('#sites ~ p')).toMatch(/No site yet/);
    await expect.poll(() => registered(driver)).toEqual([]);
    await options.close();
    const page = await driver.open(driver.fixture('exchange-mobile-devices.html'));
    const tabId = await driver.tabId(page);
    expect((await driver.summary(tabId)).state).toBe('not-scanned');
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(await driver.badge(tabId)).toBe('');
    await page.close();
  },
};

export const toggleFromPopup: Journey = {
  name: 'enables the site from the popup after a toolbar click, and switches it off there again',
  async run(driver) {
    const page = await driver.open(driver.fixture('notifysync-outbox.html'));
    const tabId = await driver.tabId(page);
    await driver.clickToolbarButton(page);
    const popup = await driver.extensionPage(`popup.html?tab=${tabId}`);
    await expect.poll(() => popup.text('.sfx-host')).toBe(FIXTURE_HOST);
    expect(await popup.checked('[role="switch"]')).toBe(false);
    expect(await popup.text('.sfx-status')).toBe('SyncFix is off on this site.');
    await popup.click('.sfx-switch');
    await expect.poll(() => popup.checked('[role="switch"]')).toBe(true);
    await expect.poll(() => registered(driver)).toEqual([expect.objectContaining({ matches: patterns })]);
    // The switch scans the page at once; its errors are counted in the popup and on the badge.
    await expect.poll(() => popup.text('.sfx-status'), { timeout: 15_000 }).toMatch(/^\d+ known errors? on this page/);
    const errors = (await driver.summary(tabId)).errors;
    expect(errors).toBeGreaterThan(0);
    await expect.poll(() => driver.badge(tabId)).toBe(String(errors));

    await popup.click('.sfx-switch');
    await expect.poll(() => popup.checked('[role="switch"]')).toBe(false);
    await expect.poll(() => registered(driver)).toEqual([]);
    await popup.close();
    await page.close();
  },
};

/** In order: each journey starts where the one before left the browser. */
export const JOURNEYS: readonly Journey[] = [
  enableFromOptions,
  marksAndBadge,
  cardByKeyboard,
  cardByMouse,
  searchFromPopup,
  explainSelection,
  disableFromOptions,
  toggleFromPopup,
];
