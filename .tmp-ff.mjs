import puppeteer from 'puppeteer-core';
import { mkdtempSync } from 'node:fs';
const UUID = '5b1c1c9e-1d0f-4c8e-9a3e-6f0d2b7a1c11';
const t0 = Date.now();
const browser = await puppeteer.launch({
  browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, protocol: 'webDriverBiDi',
  args: ['-remote-allow-system-access'],
  userDataDir: mkdtempSync('/tmp/exp18/ff-'),
  extraPrefsFirefox: {
    'extensions.webextensions.uuids': JSON.stringify({ 'syncfix@syncfix.app': UUID }),
    'extensions.webextOptionalPermissionPrompts': false,
  },
});
console.log('launched', Date.now() - t0);
const id = await browser.installExtension('/work/wt/issue-18/dist/extension-firefox');
console.log('installed', id, Date.now() - t0);
const page = await browser.newPage();
const conn = browser.connection;
const ctx = page.mainFrame()._id;
await conn.send('browsingContext.navigate', { context: ctx, url: `moz-extension://${UUID}/options.html`, wait: 'none' });
await page.waitForSelector('#site-input', { timeout: 10000 });
console.log('options open', Date.now() - t0, page.url());
console.log(await page.evaluate(() => typeof browser !== 'undefined' && typeof browser.permissions));
await page.type('#site-input', 'http://127.0.0.1');
await page.click('form button');
await page.waitForSelector('[role=status]', { timeout: 10000 });
console.log('status', await page.$eval('[role=status]', (e) => e.textContent), Date.now() - t0);
console.log(await page.evaluate(() => browser.permissions.getAll()));
console.log('bg', await page.evaluate(async () => { const bg = await browser.runtime.getBackgroundPage(); return bg ? typeof bg.__syncfixTest : 'null'; }));
const p2 = await browser.newPage();
await p2.goto('about:blank');
await browser.close();
console.log('closed', Date.now() - t0);
