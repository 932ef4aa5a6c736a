/**
 * First paint of the PWA on a slow phone: Lighthouse's mobile throttling (4× slower CPU,
 * 150 ms round trips, 1.6 Mbit/s down) applied through DevTools, first visit with no service
 * worker, so the shell and the knowledge core compete for the same thin pipe.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../e2e/browser';
import { waitForGuide } from '../e2e/pwa/built-app';
import { serveStatic } from '../e2e/static-server';

export interface StartPaint {
  loads: number;
  /** Medians over the loads (ms from navigation). */
  fcpMs: number;
  lcpMs: number;
  /** What the largest contentful paint was, e.g. `P.sf-lead`: shell text, not an answer. */
  lcpElement: string;
  /** Loads whose largest paint came before the knowledge core finished downloading. */
  paintedBeforeKnowledge: number;
}

const THROTTLE = { latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/** Runs in the page before its scripts: every LCP candidate with the element it painted. */
const OBSERVE_LCP = `window.__lcp = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const el = e.element;
    window.__lcp.push({ t: e.startTime, el: el ? el.tagName + '.' + String(el.className).split(' ')[0] : '' });
  }
}).observe({ type: 'largest-contentful-paint', buffered: true });`;

interface Load {
  fcp: number;
  lcp: number;
  el: string;
  coreEnd: number;
}

async function loadOnce(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    isMobile: true,
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLE });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(OBSERVE_LCP);
    await page.goto(url, { timeout: 120_000 });
    // The footer shows the knowledge's date once it is in: start-up is over, LCP is final.
    await page.getByRole('combobox', { name: 'Search the field guide' }).waitFor({ timeout: 120_000 });
    await waitForGuide(page);
    return await page.evaluate(() => {
      const w = window as unknown as { __lcp: { t: number; el: string }[] };
      const last = w.__lcp.at(-1) ?? { t: NaN, el: '' };
      const core = performance
        .getEntriesByType('resource')
        .filter((r) => r.name.includes('knowledge-core'))
        .map((r) => (r as PerformanceResourceTiming).responseEnd);
      return {
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        lcp: last.t,
        el: last.el,
        coreEnd: Math.max(0, ...core),
      };
    });
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

export async function measureStartPaint(dir: string, loads = 5): Promise<StartPaint> {
  const server = await serveStatic(dir);
  const browser = await launchBrowser();
  try {
    const runs: Load[] = [];
    for (let i = 0; i < loads; i++) runs.push(await loadOnce(browser, server.url));
    return {
      loads,
      fcpMs: median(runs.map((r) => r.fcp)),
      lcpMs: median(runs.map((r) => r.lcp)),
      lcpElement: runs.at(-1)!.el,
      paintedBeforeKnowledge: runs.filter((r) => r.lcp < r.coreEnd).length,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
