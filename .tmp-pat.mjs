import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { mkdtempSync } from 'node:fs';
const pats = ['http://[::1]/*', 'https://[2001:db8::5]/*', 'http://bes_01.contoso.local/*', 'http://xn--mller-kva.de/*', 'https://*.awmdm.com/*', 'http://127.0.0.1/*', 'http://bes01/*', 'http://127.0.0.1:8080/*', '*://127.0.0.1/*'];
if (false) {
const dir = '/work/wt/issue-18/dist/extension-chrome';
const ctx = await chromium.launchPersistentContext(mkdtempSync('/tmp/exp18/ud-'), { executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox','--disable-gpu',`--disable-extensions-except=${dir}`,`--load-extension=${dir}`] });
const w = ctx.serviceWorkers()[0] ?? await ctx.waitForEvent('serviceworker');
for (const p of pats) console.log('chrome', p, await w.evaluate((p) => chrome.permissions.contains({ origins: [p] }).then(String, (e) => 'ERR ' + e.message), p));
await ctx.close();
}
const UUID = '5b1c1c9e-1d0f-4c8e-9a3e-6f0d2b7a1c11';
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, protocol: 'webDriverBiDi',
  args: ['-remote-allow-system-access'], userDataDir: mkdtempSync('/tmp/exp18/ff-'),
  extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ 'syncfix@syncfix.app': UUID }), 'extensions.webextOptionalPermissionPrompts': false } });
await browser.installExtension('/work/wt/issue-18/dist/extension-firefox');
const opts = await browser.newPage();
await browser.connection.send('browsingContext.navigate', { context: opts.mainFrame()._id, url: `moz-extension://${UUID}/options.html`, wait: 'none' });
await opts.waitForSelector('#site-input');
for (const p of pats) {
  await opts.evaluate((p) => { window.res = undefined; document.body.onclick = () => { window.res = browser.permissions.request({ origins: [p] }).then(String, (e) => 'ERR ' + e.message); }; }, p);
  await opts.mouse.click(3, 3);
  await opts.waitForFunction(() => window.res);
  console.log('firefox', p, await opts.evaluate(() => window.res), (await opts.evaluate(() => browser.permissions.getAll())).origins.join(' '));
}
await browser.close();
