import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../browser';
import { serveStatic } from '../static-server';
import type { StaticServer } from '../static-server';
import { assertBuilt, DIST } from './built-app';

export interface Session {
  server: StaticServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page: every test ends by expecting none. */
  errors: string[];
  close(): Promise<void>;
}

export const PHONE = { width: 390, height: 844 };

/** The built app on a local static server, in a fresh phone-sized Chromium context with service workers on. */
export async function openSession(
  options: { dir?: string; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<Session> {
  assertBuilt(options.dir);
  const server = await serveStatic(options.dir ?? DIST);
  const browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: options.serviceWorkers ?? 'allow',
    // No colour transitions: axe must read settled colours right after a theme switch.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    server,
    browser,
    context,
    page,
    errors,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
