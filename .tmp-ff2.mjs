import puppeteer from 'puppeteer-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
const srv = http.createServer((req, res) => { try { const b = readFileSync('test/fixtures/pages' + req.url.split('?')[0]); res.writeHead(200, {'content-type': req.url.endsWith('.css') ? 'text/css' : req.url.endsWith('.js') ? 'text/javascript' : 'text/html'}); res.end(b); } catch { res.writeHead(404); res.end(); } });
await new Promise(r => srv.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${srv.address().port}/`;
const UUID = '5b1c1c9e-1d0f-4c8e-9a3e-6f0d2b7a1c11';
const t0 = Date.now();
const browser = await puppeteer.launch({
  browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, protocol: 'webDriverBiDi',
  args: ['-remote-allow-system-access'], userDataDir: mkdtempSync('/tmp/exp18/ff-'),
  extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ 'syncfix@syncfix.app': UUID }), 'extensions.webextOptionalPermissionPrompts': false },
});
await browser.installExtension('/work/wt/issue-18/dist/extension-firefox');
const page = await browser.newPage();
const conn = browser.connection;
await conn.send('browsingContext.navigate', { context: page.mainFrame()._id, url: `moz-extension://${UUID}/options.html`, wait: 'none' });
await page.waitForSelector('#site-input');
await page.type('#site-input', 'http://127.0.0.1');
await page.click('form button');
await page.waitForSelector('[role=status]');
console.log('fallback', await page.evaluate(() => browser.scripting.registerContentScripts([{ id: 'x', js: ['content.js'], matches: ['http://127.0.0.1/*'], matchOriginAsFallback: true, allFrames: true }]).then(() => 'ok', (e) => 'ERR ' + e.message)));
console.log(await page.evaluate(() => browser.scripting.getRegisteredContentScripts()));
await page.evaluate(() => browser.scripting.unregisterContentScripts({ ids: ['x'] }));
const fx = await browser.newPage();
await fx.goto(base + 'notifysync-outbox.html');
const t1 = Date.now();
// wait for badge via options page
const tab = await page.evaluate(async (u) => (await browser.tabs.query({ url: u }))[0]?.id, base + 'notifysync-outbox.html');
for (let i = 0; i < 100; i++) { const b = await page.evaluate((t) => browser.action.getBadgeText({ tabId: t }), tab); if (b) { console.log('badge', b, Date.now() - t1); break; } await new Promise(r => setTimeout(r, 100)); }
console.log('highlights', await fx.evaluate(() => CSS.highlights.size));
// closed shadow root via BiDi
const ctx = fx.mainFrame()._id;
const r = await conn.send('script.evaluate', { expression: 'document.querySelector("syncfix-ui")', target: { context: ctx }, awaitPromise: false, serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' } });
console.log(JSON.stringify(r.result.result).slice(0, 600));
// hover a mark
const pt = await fx.evaluate(() => { const [r] = CSS.highlights.get('syncfix-error'); const range = document.createRange(); range.setStart(r.startContainer, r.startOffset); range.setEnd(r.endContainer, r.endOffset); const b = range.getClientRects()[0]; return { x: b.left + 10, y: b.top + b.height / 2 }; });
await fx.mouse.click(pt.x, pt.y);
await new Promise(r => setTimeout(r, 1500));
const r2 = await conn.send('script.evaluate', { expression: 'document.querySelector("syncfix-ui")', target: { context: ctx }, awaitPromise: false, serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' } });
const sr = r2.result.result.value?.shadowRoot;
console.log('shadow', JSON.stringify(sr).slice(0, 300));
if (sr) {
  const r3 = await conn.send('script.callFunction', { functionDeclaration: 'function () { const c = this.querySelector(".card"); return c ? c.querySelector("h2")?.textContent : "no card"; }', this: { sharedId: sr.sharedId }, target: { context: ctx }, awaitPromise: false });
  console.log('card', JSON.stringify(r3.result.result));
}
await browser.close(); srv.close();
console.log('total', Date.now() - t0);
