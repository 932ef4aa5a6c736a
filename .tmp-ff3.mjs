import puppeteer from 'puppeteer-core';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
const srv = http.createServer((req, res) => { res.writeHead(200, {'content-type':'text/html'}); res.end('<p>hello</p>'); });
await new Promise(r => srv.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${srv.address().port}/`;
const UUID = '5b1c1c9e-1d0f-4c8e-9a3e-6f0d2b7a1c11';
const browser = await puppeteer.launch({
  browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, protocol: 'webDriverBiDi',
  args: ['-remote-allow-system-access'], userDataDir: mkdtempSync('/tmp/exp18/ff-'),
  extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ 'syncfix@syncfix.app': UUID }), 'extensions.webextOptionalPermissionPrompts': false },
});
await browser.installExtension('/work/wt/issue-18/dist/extension-firefox');
const conn = browser.connection;
const fx = await browser.newPage();
await fx.goto(base + 'x.html');
const opts = await browser.newPage();
await conn.send('browsingContext.navigate', { context: opts.mainFrame()._id, url: `moz-extension://${UUID}/options.html`, wait: 'none' });
await opts.waitForSelector('#site-input');
const tabId = await opts.evaluate(async () => (await browser.tabs.query({})).map(t => [t.id, t.url, t.title]));
console.log('tabs', JSON.stringify(tabId));
// chrome scope
const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' }).catch(e => ({ err: e.message }));
console.log('chrome tree', JSON.stringify(tree).slice(0, 400));
const chromeCtx = tree.result?.contexts?.[0]?.context;
if (chromeCtx) {
  // activate the fixture tab first
  await fx.bringToFront();
  const r = await conn.send('script.evaluate', { target: { context: chromeCtx }, awaitPromise: true, expression: `(async () => {
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    const ext = ExtensionParent.GlobalManager.getExtension('syncfix@syncfix.app');
    const g = ExtensionParent.apiManager.global;
    const ba = g.browserActionFor(ext);
    await ba.triggerAction(window);
    return 'ok ' + gBrowser.selectedBrowser.currentURI.spec;
  })()` }).catch(e => ({ err: e.message }));
  console.log('trigger', JSON.stringify(r).slice(0, 300));
}
console.log('tabs after', JSON.stringify(await opts.evaluate(async () => (await browser.tabs.query({})).map(t => [t.id, t.url]))));
await browser.close(); srv.close();
