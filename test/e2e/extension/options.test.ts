/** The options page: allowed sites, the common console patterns, how marks are drawn. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CONSOLE_SITES } from '../../../extension/common/site-patterns';
import type { Ext } from './chrome-api';
import { SCREENSHOT_DIR, startHarness } from './harness';
import type { Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

test('lists the allowed sites and offers the common console addresses', async () => {
  const options = await h.extensionPage('options.html');
  await options.setViewportSize({ width: 900, height: 1000 });
  // The fixture origin the harness allowed (http only) is the one allowed site.
  await expect.poll(() => options.locator('#sites ~ .sfx-rows code').allTextContents()).toEqual(['http://127.0.0.1']);
  const offered = await options.locator('#consoles ~ .sfx-rows .sfx-grow').allTextContents();
  expect(offered).toEqual(CONSOLE_SITES.map((c) => c.label));
  expect(await options.locator('#consoles ~ .sfx-rows').getByRole('button', { name: 'Allow' }).count()).toBe(
    CONSOLE_SITES.length,
  );
  await options.screenshot({ path: `${SCREENSHOT_DIR}/options-light.png`, fullPage: true });
  await options.close();
});

test('the content script is registered for the granted sites only, in every frame, with its stylesheet', async () => {
  const scripts = await h.worker.evaluate(() =>
    (globalThis as unknown as Ext).chrome.scripting.getRegisteredContentScripts(),
  );
  expect(scripts).toEqual([
    expect.objectContaining({
      id: 'syncfix-sites',
      matches: ['http://127.0.0.1/*'],
      js: ['content.js'],
      css: ['content.css'],
      allFrames: true,
      runAt: 'document_idle',
    }),
  ]);
});

test('a typed host that is not a site is refused with a hint, before any permission prompt', async () => {
  const options = await h.extensionPage('options.html');
  await options.locator('#site-input').fill('javascript:alert(1)');
  await options.getByRole('button', { name: 'Allow', exact: true }).first().click();
  await expect.poll(() => options.locator('.sfx-error').textContent()).toMatch(/Type a host name/);
  await options.close();
});

test('choosing boxes is saved for the content script to read', async () => {
  const options = await h.extensionPage('options.html');
  await options.getByLabel(/Draw boxes over the text/).check();
  await expect
    .poll(() =>
      h.worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as Ext;
        return (await chrome.storage.local.get('settings')).settings;
      }),
    )
    .toEqual({ markStyle: 'boxes' });
  await options.close();
});
