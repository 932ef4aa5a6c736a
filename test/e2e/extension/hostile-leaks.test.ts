/**
 * A page that frames SyncFix's own pages or posts it forged card content gets nothing shown.
 * (What a page can still learn about an open card is written down in extension/README.md.)
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCard } from './card-probe';
import { startHarness } from './harness';
import type { Harness } from './harness';
import { HOSTILE } from './hostile-tools';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

test('a page that frames our card page itself gets a blank frame that says and does nothing', async () => {
  const page = await h.open(`${HOSTILE}plain-errors.html`);
  await h.settled(page);
  const url = `chrome-extension://${h.extensionId}/card.html`;
  const opened = await page.evaluate(async (src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.style.cssText = 'position:fixed;top:0;left:0;width:400px;height:300px';
    document.body.append(frame);
    const loaded = await new Promise<boolean>((resolve) => {
      frame.onload = () => resolve(true);
      frame.onerror = () => resolve(false);
      setTimeout(() => resolve(false), 3000);
    });
    if (!loaded || !frame.contentWindow) return 'not loaded';
    const channel = new MessageChannel();
    const fake = { type: 'render', model: { title: 'PWNED', steps: [] }, token: 'guessed' };
    frame.contentWindow.postMessage({ type: 'connect', token: 'guessed' }, '*', [channel.port2]);
    channel.port1.postMessage(fake);
    return 'posted';
  }, url);
  await page.waitForTimeout(800);
  // Whatever the page framed, no frame of our origin on it shows the page's words.
  for (const frame of page.frames().filter((f) => f.url().startsWith(url))) {
    expect(await frame.evaluate(() => document.body?.innerText ?? '')).not.toContain('PWNED');
  }
  expect(['not loaded', 'posted']).toContain(opened);
  expect(await readCard(page)).toBeUndefined();
  await page.close();
});
