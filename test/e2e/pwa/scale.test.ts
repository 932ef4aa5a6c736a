/**
 * The guide at scale: the real PWA build over 2,000 generated articles, where the knowledge
 * is cut into several core parts and a dozen article shards. Every file must fit the service
 * worker's precache, and an article whose shard the page never loaded must open offline,
 * its header at once and the rest after a quiet wait, never a "not found".
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleShard } from '../../../shared/kb/split';
import { buildGeneratedPwa } from './build-generated';
import type { GeneratedPwa } from './build-generated';
import {
  builtKnowledge,
  initialJavaScript,
  knowledgeChunks,
  PRECACHE_LIMIT,
  precacheUrls,
  shippedFiles,
  waitForGuide,
} from './built-app';
import type { BuiltKnowledge } from './built-app';
import { openSession } from './session';
import type { Session } from './session';

const ARTICLES = 2000;
const SHARDS = '**/assets/knowledge-articles-*';

let build: GeneratedPwa;
let kb: BuiltKnowledge;
/** The shard file of each article id. */
const shardOf = new Map<string, string>();

beforeAll(async () => {
  build = buildGeneratedPwa(ARTICLES);
  kb = await builtKnowledge(build.dir);
  for (const file of knowledgeChunks(build.dir).articles) {
    const shard = (await import(pathToFileURL(join(build.dir, file)).href)) as { default: ArticleShard };
    for (const a of shard.default) shardOf.set(a.id, file);
  }
});
afterAll(() => build?.remove());

/** A problem article of a shard other than `not`'s, so loading one never brings the other. */
function problemOutside(...not: string[]) {
  const taken = new Set(not.map((id) => shardOf.get(id)));
  return kb.articles.findLast((a) => a.kind === 'problem' && !taken.has(shardOf.get(a.id)))!;
}

/** Records every level-1 heading the page ever shows, to prove none said "No article". */
const RECORD_HEADINGS = `(() => {
  window.__headings = [];
  new MutationObserver(() => {
    const h = document.querySelector('h1');
    if (h && window.__headings.at(-1) !== h.textContent) window.__headings.push(h.textContent);
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

const headings = (s: Session) => s.page.evaluate(() => (window as unknown as { __headings: string[] }).__headings);

/** The page's own requests for article shards (the service worker's installs are not the page's). */
const shardsFetchedByPage = (s: Session) =>
  s.page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.includes('/knowledge-articles-')),
  );

describe(`the PWA over ${ARTICLES.toLocaleString('en')} articles`, () => {
  it('ships its knowledge in several core parts and many shards, all precached, none over 2 MiB', () => {
    const precached = new Set(precacheUrls(build.dir));
    const shipped = shippedFiles(build.dir);
    const { core, articles } = knowledgeChunks(build.dir);
    console.log(
      `${ARTICLES} articles: built in ${(build.buildMs / 1000).toFixed(1)} s, ${shipped.length} files, ` +
        `${core.length} core parts, ${articles.length} shards, largest ${Math.max(...shipped.map((f) => f.bytes))} bytes`,
    );
    expect(shipped.filter((f) => f.bytes > PRECACHE_LIMIT)).toEqual([]);
    expect(shipped.filter((f) => !precached.has(f.file)).map((f) => f.file)).toEqual([]);
    expect(core.length).toBeGreaterThan(1);
    expect(articles.length).toBeGreaterThan(5);
    expect(initialJavaScript(build.dir).filter((f) => core.includes(f) || articles.includes(f))).toEqual([]);
    // Nothing lost in the cut: every article has its header and its details.
    expect(kb.articles).toHaveLength(ARTICLES);
    expect(kb.articles.filter((a) => !a.title || !a.html || shardOf.get(a.id) === undefined)).toEqual([]);
  });

  it('opens offline an article whose shard the page never loaded, in the app and by a deep-link reload', async () => {
    const s = await openSession({ dir: build.dir });
    try {
      await s.page.goto(s.server.url);
      await s.page.getByText('Ready to work offline').waitFor({ timeout: 120_000 });
      expect(await shardsFetchedByPage(s)).toEqual([]);
      await s.server.close();
      await s.context.setOffline(true);

      const first = problemOutside();
      await s.page.evaluate((id) => (location.hash = `#/a/${id}`), first.id);
      await s.page.getByRole('heading', { level: 1, name: first.title }).waitFor();
      await s.page.getByRole('heading', { name: 'Causes, in the order to check' }).waitFor();
      expect(await s.page.locator('.sf-cause').count()).toBe(first.causes.length);

      const second = problemOutside(first.id);
      await s.page.goto(`${s.server.url}#/a/${second.id}`);
      await s.page.getByRole('heading', { level: 1, name: second.title }).waitFor();
      await s.page.locator('.sf-cause').first().waitFor();
      expect(await s.page.locator('.sf-cause h3').first().textContent()).toContain(second.causes[0]!.title);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('shows the header at once and a quiet loading line while a shard is slow, never "No article"', async () => {
    const s = await openSession({ dir: build.dir, serviceWorkers: 'block' });
    try {
      await s.page.addInitScript(RECORD_HEADINGS);
      await s.page.goto(s.server.url);
      await waitForGuide(s.page);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await s.page.route(SHARDS, async (route) => {
        await held;
        await route.continue();
      });
      const article = problemOutside();
      await s.page.evaluate((id) => (location.hash = `#/a/${id}`), article.id);
      await s.page.getByRole('heading', { level: 1, name: article.title }).waitFor();
      await s.page.getByText(article.summary).waitFor();
      await s.page.getByRole('button', { name: 'Save for later' }).waitFor();
      // Said only after a moment: a load from the cache never flashes it.
      await s.page.getByRole('status').filter({ hasText: 'Loading the rest of this article…' }).waitFor();
      expect(await s.page.locator('article[aria-busy="true"]').count()).toBe(1);
      release();
      await s.page.locator('.sf-cause').first().waitFor();
      expect(await s.page.getByText('Loading the rest of this article…').count()).toBe(0);
      expect(await s.page.locator('article[aria-busy="true"]').count()).toBe(0);
      expect((await headings(s)).filter((h) => /No article/.test(h))).toEqual([]);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('says so when a shard cannot be fetched, and loads it on "Try again"', async () => {
    const s = await openSession({ dir: build.dir, serviceWorkers: 'block' });
    try {
      await s.page.goto(s.server.url);
      await waitForGuide(s.page);
      await s.page.route(SHARDS, (route) => route.abort('internetdisconnected'));
      const article = problemOutside();
      await s.page.goto(`${s.server.url}#/a/${article.id}`);
      await s.page.getByRole('heading', { level: 1, name: article.title }).waitFor();
      await s.page.getByRole('alert').filter({ hasText: 'could not be loaded' }).waitFor();
      await s.page.unroute(SHARDS);
      await s.page.getByRole('button', { name: 'Try again' }).click();
      await s.page.locator('.sf-cause').first().waitFor();
      expect(await s.page.getByRole('alert').count()).toBe(0);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
