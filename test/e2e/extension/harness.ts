/**
 * End-to-end harness for the extension: real Chromium with the built test extension
 * (dist/extension-chrome-test) loaded unpacked in a persistent context, http://127.0.0.1
 * allowed through the options page as an admin would, the fixture pages served from
 * 127.0.0.1, and every request the browser makes recorded so tests can prove nothing else
 * was fetched. The journeys in both browsers (journeys.test.ts) use journeys/*-driver.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { TabSummary } from '../../../extension/common/frame-report';
import { launchWithExtension } from '../browser';
import { allowInExtensionsPage, allowThroughOptions } from './journeys/chromium-driver';
import type { Ext } from './chrome-api';
import { serveStatic } from '../static-server';
import type { StaticServer } from '../static-server';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const EXTENSION_DIR = `${ROOT}dist/extension-chrome-test`;
export const FIXTURES_DIR = `${ROOT}test/fixtures/pages`;
export const SCREENSHOT_DIR = `${ROOT}.tmp/screenshots/extension`;

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  server: StaticServer;
  /** Every URL any page or worker of the browser requested. */
  requests: string[];
  url(path: string): string;
  open(path: string, options?: { colorScheme?: 'light' | 'dark' }): Promise<Page>;
  tabId(page: Page): Promise<number>;
  /** Waits until every frame of the tab reported a finished scan; returns the tab's summary. */
  settled(page: Page, options?: { states?: TabSummary['state'][]; timeout?: number }): Promise<TabSummary>;
  badge(tabId: number): Promise<string>;
  extensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Builds the extension when the test build is missing or older than its sources (content,
 * core or extension code), so the cards asserted here are the cards the build carries.
 */
export function ensureBuilt(): void {
  const manifest = `${EXTENSION_DIR}/manifest.json`;
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const newest = Math.max(...['content', 'shared', 'extension'].map((dir) => newestMtime(`${ROOT}${dir}`)));
  if (built >= newest) return;
  execFileSync(process.execPath, [`${ROOT}extension/build.mjs`], { cwd: ROOT, stdio: 'inherit' });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export async function startHarness(servedDir = FIXTURES_DIR): Promise<Harness> {
  ensureBuilt();
  const server = await serveStatic(servedDir);
  const { context, close } = await launchWithExtension(EXTENSION_DIR);
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  await allowInExtensionsPage(context, extensionId, '127.0.0.1');
  await allowThroughOptions(context, extensionId, 'http://127.0.0.1');
  // The browser's own chrome://extensions page, opened above to grant the site, loads its
  // resources; what the extension and the pages fetch is still recorded in full.
  requests.splice(0, requests.length, ...requests.filter((url) => !url.startsWith('chrome://')));
  // The content script is registered on the grant; pages opened before that would be missed.
  await worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as Ext;
    for (let i = 0; i < 200; i++) {
      const scripts = await chrome.scripting.getRegisteredContentScripts();
      if (scripts.length) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('content script never registered');
  });

  const harness: Harness = {
    context,
    worker,
    extensionId,
    server,
    requests,
    url: (path) => new URL(path, server.url).href,
    async open(path, options = {}) {
      const page = await context.newPage();
      if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
      await page.goto(harness.url(path));
      return page;
    },
    async tabId(page) {
      const url = page.url();
      // By URL where the extension may read it; else the active tab (the page just opened).
      const id = await worker.evaluate(async (u) => {
        const { chrome } = globalThis as unknown as Ext;
        const byUrl = (await chrome.tabs.query({ url: u }))[0]?.id;
        return byUrl ?? (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
      }, url);
      if (id === undefined) throw new Error(`no tab for ${url}`);
      return id;
    },
    async settled(page, options = {}) {
      const states = options.states ?? ['done'];
      const tabId = await harness.tabId(page);
      const deadline = Date.now() + (options.timeout ?? 15_000);
      let last: TabSummary | undefined;
      while (Date.now() < deadline) {
        last = await summary(worker, tabId);
        if (states.includes(last.state)) return last;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`tab never settled: ${JSON.stringify(last)}`);
    },
    badge: (tabId) =>
      worker.evaluate((id) => (globalThis as unknown as Ext).chrome.action.getBadgeText({ tabId: id }), tabId),
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await close();
      await server.close();
    },
  };
  return harness;
}

interface TestHooks {
  tabSummary(tabId: number): Promise<TabSummary>;
  command(tabId: number): Promise<void>;
  contextMenuClicked(
    info: { menuItemId: string; selectionText?: string },
    tab?: { id?: number; index?: number },
  ): Promise<void>;
  omniboxSuggestions(text: string): { content: string; description: string }[];
  omniboxEntered(text: string, disposition: 'currentTab' | 'newForegroundTab' | 'newBackgroundTab'): Promise<void>;
}

/** Calls one of the test build's hooks (background/index.ts) inside the service worker. */
export function hook<K extends keyof TestHooks>(
  worker: Worker,
  name: K,
  ...args: Parameters<TestHooks[K]>
): Promise<Awaited<ReturnType<TestHooks[K]>>> {
  return worker.evaluate(
    ([n, a]) => {
      const hooks = (globalThis as unknown as { __syncfixTest: Record<string, (...x: unknown[]) => unknown> })
        .__syncfixTest;
      return hooks[n]!(...a);
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<TestHooks[K]>>>;
}

/** The tab summary the popup shows, from the extension's own code. */
export function summary(worker: Worker, tabId: number): Promise<TabSummary> {
  return hook(worker, 'tabSummary', tabId);
}

export interface PageMark {
  kind: 'error' | 'info';
  text: string;
  /** `data-expect` of the line holding the mark, or null for an ordinary line. */
  expect: string | null;
  /** Key of the annotated line holding it (or of its parent element when not annotated). */
  line: string;
}

export interface Annotations {
  /** Lines annotated as holding a known error (`data-expect`), in every frame and open shadow root. */
  expected: { line: string; expect: string }[];
  /** The marks as the page's own world sees them: ranges registered in `CSS.highlights`. */
  marks: PageMark[];
  /** The line holding the mark whose card is open (the `syncfix-active` highlight). */
  active: {
    line: string;
    expect: string | null;
    rects: { left: number; top: number; right: number; bottom: number }[];
  }[];
}

/**
 * Reads the fixture's annotations and the marks. `CSS.highlights` belongs to the document,
 * so the page's world sees the ranges the content script registered in its isolated world.
 */
export async function annotations(page: Page): Promise<Annotations> {
  const all: Annotations = { expected: [], marks: [], active: [] };
  for (const [index, frame] of page.frames().entries()) {
    const part = await frame.evaluate((prefix) => {
      const keys = new Map<Element, string>();
      let next = 0;
      const keyOf = (el: Element | null) => {
        if (!el) return `${prefix}:none`;
        if (!keys.has(el)) keys.set(el, `${prefix}:${el.tagName}#${next++}`);
        return keys.get(el)!;
      };
      const expected: { line: string; expect: string }[] = [];
      const visit = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('[data-expect]'))
          expected.push({ line: keyOf(el), expect: el.getAttribute('data-expect')! });
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
      };
      visit(document);
      const read = (name: string) => {
        const highlight = CSS.highlights.get(name) as unknown as Iterable<AbstractRange> | undefined;
        return [...(highlight ?? [])].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const el = r.startContainer.parentElement;
          const line = el?.closest('[data-expect]') ?? null;
          return {
            text: range.toString(),
            expect: line?.getAttribute('data-expect') ?? null,
            line: keyOf(line ?? el),
            rects: [...range.getClientRects()].map((b) => ({
              left: b.left,
              top: b.top,
              right: b.right,
              bottom: b.bottom,
            })),
          };
        });
      };
      return {
        expected,
        marks: [
          ...read('syncfix-error').map(({ rects: _, ...m }) => ({ ...m, kind: 'error' as const })),
          ...read('syncfix-info').map(({ rects: _, ...m }) => ({ ...m, kind: 'info' as const })),
        ],
        active: read('syncfix-active').map(({ line, expect, rects }) => ({ line, expect, rects })),
      };
    }, `f${index}`);
    all.expected.push(...part.expected);
    all.marks.push(...part.marks);
    all.active.push(...part.active);
  }
  return all;
}
