/**
 * The journeys' Firefox: Debian's firefox-esr through puppeteer-core over WebDriver BiDi
 * (no geckodriver; nothing downloaded). The extension is installed as a temporary add-on
 * with a fixed internal UUID so its pages open by address; permission prompts for optional
 * permissions are off (`extensions.webextOptionalPermissionPrompts`), which stands in for
 * the admin's "Allow". `page.goto` never settles on moz-extension: pages, so they are opened
 * through the BiDi browsing context. With `-remote-allow-system-access`, BiDi reaches the
 * browser window, where the toolbar click is the browser action's own `triggerAction`.
 * Extension calls run in a probe tab of our own options page (`chrome.*` promises there).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { cardButtonCenterInFirefox, readCardInFirefox } from '../card-probe';
import { serveStatic } from '../../static-server';
import type { BrowserDriver, JourneyPage } from './driver';
import { hookActions } from './driver';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'syncfix@syncfix.app';
const UUID = '5b1c1c9e-1d0f-4c8e-9a3e-6f0d2b7a1c11';
const BASE = `moz-extension://${UUID}/`;

interface Bidi {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

const bidiOf = (browser: Browser) => (browser as unknown as { connection: Bidi }).connection;
const contextOf = (page: Page) =>
  (page.mainFrame() as unknown as { browsingContext: { id: string } }).browsingContext.id;

export async function launchFirefox(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'syncfix-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Installs an unpacked folder or a packaged zip as a temporary add-on. */
export async function installInFirefox(browser: Browser, path: string): Promise<void> {
  const bidi = bidiOf(browser);
  const extensionData = path.endsWith('.zip') ? { type: 'archivePath', path } : { type: 'path', path };
  await bidi.send('webExtension.install', { extensionData });
}

async function openByContext(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  const bidi = bidiOf(browser);
  await bidi.send('browsingContext.navigate', { context: contextOf(page), url, wait: 'none' });
  await page.waitForFunction((u) => location.href === u && document.readyState === 'complete', {}, url);
  return page;
}

function journeyPage(page: Page): JourneyPage {
  return {
    url: () => page.url(),
    click: (selector) => page.click(selector),
    async type(selector, text) {
      await page.$eval(selector, (el) => ((el as HTMLInputElement).value = ''));
      await page.type(selector, text);
    },
    text: (selector) => page.$eval(selector, (el) => el.textContent).catch(() => null),
    texts: (selector) => page.$$eval(selector, (els) => els.map((el) => el.textContent ?? '')),
    checked: (selector) => page.$eval(selector, (el) => (el as HTMLInputElement).checked),
    press: (key) => page.keyboard.press(key),
    mouseClick: (x, y) => page.mouse.click(x, y),
    mouseMove: (x, y) => page.mouse.move(x, y, { steps: 4 }),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    evaluateFrames: (fn) => Promise.all(page.frames().map((f) => f.evaluate(fn))) as never,
    card: () => readCardInFirefox(page),
    cardButtonCenter: (label) => cardButtonCenterInFirefox(page, label),
    setViewport: (width, height) => page.setViewport({ width, height }),
    screenshot: async (path) => void (await page.screenshot({ path })),
    reload: async () => void (await page.reload()),
    close: () => page.close(),
  };
}

type Hooks = Record<string, (...args: unknown[]) => Promise<unknown>>;

export async function firefoxDriver(extensionPath: string, servedDir: string): Promise<BrowserDriver> {
  const server = await serveStatic(servedDir);
  const { browser, close } = await launchFirefox();
  await installInFirefox(browser, extensionPath);
  const bidi = bidiOf(browser);
  // The probe: our own options page in a tab of its own, for extension API calls.
  const probe = await openByContext(browser, `${BASE}options.html`);
  const pages = new Map<JourneyPage, Page>();
  const wrap = (page: Page) => {
    const wrapped = journeyPage(page);
    pages.set(wrapped, page);
    return wrapped;
  };
  const extension = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => probe.evaluate(fn as never, arg) as Promise<R>;
  const hook = (name: string, ...args: unknown[]) =>
    probe.evaluate(
      async (n, a) => {
        const runtime = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<unknown> } } })
          .browser.runtime;
        const background = (await runtime.getBackgroundPage()) as { __syncfixTest: Hooks };
        return background.__syncfixTest[n]!(...a);
      },
      name,
      args,
    );

  return {
    name: 'firefox',
    fixture: (path) => new URL(path, server.url).href,
    async open(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return wrap(page);
    },
    extensionPage: async (path) => wrap(await openByContext(browser, `${BASE}${path}`)),
    async nextPage(match) {
      const deadline = Date.now() + 15_000;
      const known = new Set(await browser.pages());
      while (Date.now() < deadline) {
        // Puppeteer does not follow tabs the extension opens; ask each new tab where it is.
        for (const page of await browser.pages()) {
          if (known.has(page)) continue;
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (match.test(href)) return wrap(page);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no new tab matching ${match}`);
    },
    async clickToolbarButton(page) {
      await pages.get(page)!.bringToFront();
      const tree = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const window = (tree.result.contexts as { context: string; url: string }[]).find((c) =>
        c.url.startsWith('chrome://browser/'),
      );
      if (!window) throw new Error('no browser window in the chrome scope');
      await bidi.send('script.evaluate', {
        target: { context: window.context },
        awaitPromise: true,
        expression: `(async () => {
          const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
          const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)});
          await ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
        })()`,
      });
    },
    async tabId(page) {
      const url = page.url();
      const id = await extension(async (u: string) => {
        const { browser: api } = globalThis as unknown as {
          browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string; active?: boolean }[]> } };
        };
        const tabs = await api.tabs.query({});
        return (tabs.find((t) => t.url === u) ?? tabs.find((t) => t.active && !t.url?.startsWith('moz-extension:')))
          ?.id;
      }, url);
      if (id === undefined) throw new Error(`no tab for ${url}`);
      return id;
    },
    extension,
    badge: (tabId) =>
      extension(
        (id: number) =>
          (
            globalThis as unknown as { browser: { action: { getBadgeText(d: object): Promise<string> } } }
          ).browser.action.getBadgeText({
            tabId: id,
          }),
        tabId,
      ),
    ...hookActions(hook),
    async close() {
      await close();
      await server.close();
    },
  };
}
