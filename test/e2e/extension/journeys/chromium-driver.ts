/**
 * The journeys' Chromium: Debian's chromium through playwright-core, the extension loaded
 * unpacked. Automation cannot answer the browser's own permission prompt, so the driver
 * does what an admin can do beforehand in chrome://extensions: allow the fixture host
 * there (`developerPrivate.addHostPermission`); the extension's own request from the
 * options page or the popup then resolves without the prompt, and nothing is granted
 * until that request. The toolbar click is the DevTools protocol's `Extensions.triggerAction`.
 */
import type { BrowserContext, Frame, Page, Worker } from 'playwright-core';
import { cardButtonCenter, readCard } from '../card-probe';
import { launchWithExtension } from '../../browser';
import { serveStatic } from '../../static-server';
import type { StaticServer } from '../../static-server';
import type { BrowserDriver, JourneyPage } from './driver';
import { FIXTURE_HOST, hookActions } from './driver';

type Hooks = Record<string, (...args: unknown[]) => Promise<unknown>>;

export async function allowInExtensionsPage(context: BrowserContext, extensionId: string, host: string): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://extensions/');
  for (const scheme of ['http', 'https']) {
    const error = await page.evaluate(
      ([id, pattern]) =>
        new Promise<string | undefined>((resolve) => {
          const api = (
            globalThis as unknown as { chrome: { developerPrivate: Record<string, (...a: unknown[]) => void> } }
          ).chrome;
          api.developerPrivate.addHostPermission!(id, pattern, () =>
            resolve(
              (globalThis as unknown as { chrome: { runtime: { lastError?: { message: string } } } }).chrome.runtime
                .lastError?.message,
            ),
          );
        }),
      [extensionId, `${scheme}://${host}/*`] as const,
    );
    if (error) throw new Error(`chrome://extensions refused ${scheme}://${host}: ${error}`);
  }
  await page.close();
}

/** Allows a site the way an admin does, typed on the options page and confirmed by a click. */
export async function allowThroughOptions(context: BrowserContext, extensionId: string, typed: string): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.fill('#site-input', typed);
  await options.click('.sfx-add button[type="submit"]');
  const status = await options.locator('[role="status"]').textContent();
  if (!status?.startsWith('SyncFix now runs on')) throw new Error(`allowing ${typed} failed: ${status}`);
  await options.close();
}

function journeyPage(page: Page): JourneyPage {
  const frames = (): Frame[] => page.frames();
  return {
    url: () => page.url(),
    click: (selector) => page.click(selector),
    type: (selector, text) => page.fill(selector, text),
    text: (selector) =>
      page
        .locator(selector)
        .first()
        .textContent({ timeout: 2_000 })
        .catch(() => null),
    texts: (selector) => page.locator(selector).allTextContents(),
    checked: (selector) => page.locator(selector).isChecked(),
    press: (key) => page.keyboard.press(key),
    mouseClick: (x, y) => page.mouse.click(x, y),
    mouseMove: (x, y) => page.mouse.move(x, y, { steps: 4 }),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    evaluateFrames: (fn) => Promise.all(frames().map((f) => f.evaluate(fn))),
    card: () => readCard(page),
    cardButtonCenter: (label) => cardButtonCenter(page, label),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    screenshot: async (path) => void (await page.screenshot({ path })),
    reload: async () => void (await page.reload()),
    close: () => page.close(),
  };
}

export async function chromiumDriver(extensionDir: string, servedDir: string): Promise<BrowserDriver> {
  const server: StaticServer = await serveStatic(servedDir);
  const { context, close } = await launchWithExtension(extensionDir);
  const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  await allowInExtensionsPage(context, extensionId, FIXTURE_HOST);
  const pages = new Map<JourneyPage, Page>();
  const wrap = (page: Page) => {
    const wrapped = journeyPage(page);
    pages.set(wrapped, page);
    return wrapped;
  };
  const hook = (name: string, ...args: unknown[]) =>
    worker.evaluate(([n, a]) => (globalThis as unknown as { __syncfixTest: Hooks }).__syncfixTest[n]!(...a), [
      name,
      args,
    ] as const);

  const driver: BrowserDriver = {
    name: 'chromium',
    fixture: (path) => new URL(path, server.url).href,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return wrap(page);
    },
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return wrap(page);
    },
    async nextPage(match) {
      const page = await context.waitForEvent('page', {
        predicate: (p) => match.test(p.url()) || p.url() === 'about:blank',
      });
      await page.waitForURL(match);
      return wrap(page);
    },
    async clickToolbarButton(page) {
      const browser = context.browser()!;
      const cdp = await browser.newBrowserCDPSession();
      try {
        const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
          targetInfos: { targetId: string; url: string }[];
        };
        const tab = targetInfos.find((t) => t.url === pages.get(page)!.url());
        if (!tab) throw new Error(`no tab target for ${page.url()}`);
        await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
      } finally {
        await cdp.detach();
      }
    },
    async tabId(page) {
      const url = page.url();
      const id = await worker.evaluate(async (u) => {
        const { chrome } = globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
        };
        const tabs = await chrome.tabs.query({});
        return (
          tabs.find((t) => t.url === u) ?? (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]
        )?.id;
      }, url);
      if (id === undefined) throw new Error(`no tab for ${url}`);
      return id;
    },
    extension: (fn, arg) => worker.evaluate(fn as never, arg),
    badge: (tabId) =>
      worker.evaluate(
        (id) =>
          (
            globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
          ).chrome.action.getBadgeText({ tabId: id }),
        tabId,
      ),
    ...hookActions(hook),
    async close() {
      await close();
      await server.close();
    },
  };
  return driver;
}
