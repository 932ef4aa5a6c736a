/**
 * Screenshots of every view, phone and desktop, light and dark, for a person to look at:
 * `npm run build:pwa && npx tsx test/e2e/pwa/take-screenshots.ts` → .tmp/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../browser';
import { serveStatic } from '../static-server';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const out = `${repo}.tmp/screenshots/`;
mkdirSync(out, { recursive: true });

const VIEWS: { name: string; hash: string; prepare?: string; scroll?: string }[] = [
  { name: 'home', hash: '#/' },
  { name: 'search', hash: '#/?q=activation%20email%20not%20arriving' },
  { name: 'search-filtered', hash: '#/?q=timeout&p=seg,activesync' },
  { name: 'no-match', hash: '#/?q=printer%20toner%20jam' },
  { name: 'possible-matches', hash: '#/?q=calendar%20events%20missing' },
  { name: 'code', hash: '#/?q=449' },
  { name: 'article', hash: '#/a/bes-server-not-responding-email-in-mailbox' },
  { name: 'article-causes', hash: '#/a/eas-path-timeout-shorter-than-heartbeat', scroll: '#sf-causes' },
  { name: 'procedure', hash: '#/a/f5-irule-connection-close' },
  { name: 'procedure-applies', hash: '#/a/eas-clean-reenrolment', scroll: '.sf-copy >> nth=1' },
  { name: 'article-sources', hash: '#/a/eas-partnership-access-denied', scroll: '#sf-sources' },
  { name: 'article-merged', hash: '#/a/eas-command-ping' },
  { name: 'diagnose', hash: '#/diagnose' },
  { name: 'diagnose-question', hash: '#/diagnose/bes-activation/activation-email' },
  { name: 'diagnose-checklist', hash: '#/diagnose/bes-activation/stage-2-email-in-mailbox', prepare: 'tick' },
  { name: 'explain', hash: '#/explain', prepare: 'example' },
  { name: 'explain-log', hash: '#/explain', prepare: 'example', scroll: '#sf-your-text' },
  { name: 'saved', hash: '#/saved', prepare: 'save' },
];

const SIZES = [
  { label: 'phone', width: 390, height: 844, mobile: true },
  { label: 'desktop', width: 1280, height: 800, mobile: false },
];

const only = process.argv[2];
const server = await serveStatic(`${repo}dist/pwa`);
const browser = await launchBrowser();
try {
  for (const size of SIZES) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        deviceScaleFactor: 1,
        isMobile: size.mobile,
        hasTouch: size.mobile,
        colorScheme: scheme,
        serviceWorkers: 'block',
      });
      const page = await context.newPage();
      for (const view of VIEWS) {
        if (only && !view.name.includes(only)) continue;
        await page.goto(server.url + view.hash);
        await page.waitForSelector('.sf-footer time');
        if (view.prepare === 'tick') await page.locator('.sf-check-row input').first().check();
        if (view.prepare === 'example') {
          await page.getByRole('button', { name: 'Try an example' }).click();
          await page.waitForSelector('.sf-fix-card');
        }
        if (view.prepare === 'save') {
          for (const id of ['bes-it-policy-rejected', 'eas-user-not-receiving-email']) {
            await page.goto(`${server.url}#/a/${id}`);
            await page.getByRole('button', { name: /save for later/i }).click();
          }
          await page.goto(server.url + view.hash);
          await page.waitForSelector('.sf-saved-item');
        }
        if (view.scroll) await page.locator(view.scroll).evaluate((el) => el.scrollIntoView());
        await page.waitForTimeout(150);
        await page.screenshot({ path: `${out}${view.name}-${size.label}-${scheme}.png`, fullPage: false });
      }
      await context.close();
    }
  }
  // A first visit with the service worker: the offline pill and the "ready" notice.
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      colorScheme: scheme,
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByText('Ready to work offline').waitFor();
    await page.screenshot({ path: `${out}offline-ready-phone-${scheme}.png` });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots in ${out}`);
