/**
 * The field technician's case: one visit with a connection, then a basement. Every view must
 * come back from the service worker's precache, by deep link and by reload, with no network.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../browser';
import { builtKnowledge, precacheUrls, richProblem, seriousViolations, waitForGuide } from './built-app';
import type { BuiltKnowledge } from './built-app';
import { openSession } from './session';
import type { Session } from './session';

let s: Session;
let kb: BuiltKnowledge;

beforeAll(async () => {
  kb = await builtKnowledge();
  s = await openSession();
});
afterAll(() => s?.close());

interface View {
  name: string;
  path: string;
  /** Something on the page that proves the view works. */
  ready(): Promise<unknown>;
}

function views(): View[] {
  const article = richProblem(kb);
  const page = s.page;
  return [
    {
      name: 'search from ?q=',
      path: '?q=IT%20policy%20rejected',
      ready: async () => {
        await page.locator('.sf-result-title mark').first().waitFor();
        expect(new URL(page.url()).hash).toBe('#/?q=IT+policy+rejected');
      },
    },
    {
      name: 'search from #/?q=',
      path: '#/?q=activation&p=bes',
      ready: () => page.locator('.sf-result .sf-badge-bes').first().waitFor(),
    },
    {
      name: 'article',
      path: `#/a/${article.id}`,
      ready: () => page.getByRole('heading', { level: 1, name: article.title }).waitFor(),
    },
    {
      name: 'diagnosis step',
      path: '#/diagnose/bes-activation/activation-email',
      ready: () => page.getByRole('heading', { level: 1, name: /activation email reach/ }).waitFor(),
    },
    {
      name: 'diagnosis checklist',
      path: '#/diagnose/eas-not-receiving/access-denied',
      ready: () => page.locator('.sf-checklist input[type="checkbox"]').first().waitFor(),
    },
    {
      name: 'explain',
      path: '#/explain',
      ready: () => page.getByLabel('Text to explain').waitFor(),
    },
    {
      name: 'saved',
      path: '#/saved',
      ready: () => page.getByRole('heading', { level: 1, name: 'Saved articles' }).waitFor(),
    },
  ];
}

async function cachedPaths(): Promise<string[]> {
  return s.page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
}

describe('offline', () => {
  it('says "ready to work offline" once every precached file, the knowledge bundle included, is stored', async () => {
    await s.page.goto(s.server.url);
    await waitForGuide(s.page);
    await s.page.getByText('Ready to work offline').waitFor({ timeout: 60_000 });
    const cached = new Set(await cachedPaths());
    const base = new URL(s.server.url).pathname;
    expect(precacheUrls().filter((url) => !cached.has(base + url))).toEqual([]);
    await s.page.locator('.pwa-offline-pill').waitFor();
    // The notice leaves at the user's next action instead of staying over the content.
    await s.page.keyboard.press('Shift');
    await s.page.getByText('Ready to work offline').waitFor({ state: 'detached' });
    await s.page.locator('.pwa-offline-pill').waitFor();
  });

  it('is installable by Chromium’s own criteria, with a manifest that parses cleanly', async () => {
    // Installability is not assessed in incognito-like contexts: this check needs a profile.
    const profile = mkdtempSync(join(tmpdir(), 'syncfix-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(s.server.url);
      await page.getByText('Ready to work offline').waitFor({ timeout: 60_000 });
      const cdp = await context.newCDPSession(page);
      const manifest = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[]; url: string };
      expect(manifest.url).toMatch(/manifest\.webmanifest$/);
      expect(manifest.errors).toEqual([]);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors, JSON.stringify(installabilityErrors)).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('opens every view by deep link, and each has no serious accessibility violation', async () => {
    for (const view of views()) {
      await s.page.goto(s.server.url + view.path);
      await view.ready();
      expect(await seriousViolations(s.page), view.name).toEqual([]);
      // Nothing on a phone scrolls sideways.
      expect(await s.page.evaluate(() => document.documentElement.scrollWidth), view.name).toBeLessThanOrEqual(390);
    }
  });

  it('gives every view again with the server stopped and the network off, by link and by reload', async () => {
    await s.page.goto(`${s.server.url}#/diagnose/eas-not-receiving/access-denied`);
    await s.page.locator('.sf-checklist input[type="checkbox"]').first().check();
    const requestsBefore = s.server.requests.length;
    await s.server.close();
    await s.context.setOffline(true);

    for (const view of views()) {
      await s.page.goto(s.server.url + view.path);
      await view.ready();
      await s.page.reload();
      await view.ready();
    }
    await s.page.goto(`${s.server.url}#/diagnose/eas-not-receiving/access-denied`);
    expect(await s.page.locator('.sf-checklist input[type="checkbox"]').first().isChecked()).toBe(true);

    // Search and explain still work: the knowledge and its engines are all on the device.
    await s.page.goto(s.server.url);
    await s.page.getByRole('combobox', { name: 'Search the field guide' }).fill('partnership access denied');
    await s.page.locator('.sf-result-title mark').first().waitFor();
    await s.page.goto(`${s.server.url}#/explain`);
    await s.page.getByLabel('Text to explain').fill('Device: IT Policy Rejected. Please wipe handheld and try again.');
    await s.page.locator('.sf-log mark').first().waitFor();
    expect(s.server.requests.length).toBe(requestsBefore);
    expect(s.errors).toEqual([]);
  });
});
