/**
 * The built PWA as files: how much JavaScript a phone must fetch before the first paint, and
 * whether the service worker stores everything the app can ever ask for.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  DIST,
  initialJavaScript,
  knowledgeChunks,
  PRECACHE_LIMIT,
  precacheUrls,
  shippedFiles,
} from './built-app';

/** The budget from issue 4: initial JavaScript at most 50 KB gzip. */
const INITIAL_JS_BUDGET = 50 * 1024;

function gzipSize(file: string): number {
  return gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
}

beforeAll(() => assertBuilt());

describe('the built PWA', () => {
  it('loads at most 50 KB of gzipped JavaScript before the first paint, without the knowledge', () => {
    const initial = initialJavaScript();
    const sizes = initial.map((f) => [f, gzipSize(f)] as const);
    const total = sizes.reduce((sum, [, size]) => sum + size, 0);
    const { core, articles } = knowledgeChunks();
    const kb = (files: string[]) => `${(files.reduce((sum, f) => sum + gzipSize(f), 0) / 1024).toFixed(1)} KB gzip`;
    console.log(
      `initial JS: ${(total / 1024).toFixed(1)} KB gzip (${sizes.map(([f, s]) => `${f} ${(s / 1024).toFixed(1)} KB`).join(', ')}); ` +
        `knowledge (lazy): core ${core.length} part(s) ${kb(core)}, articles ${articles.length} shard(s) ${kb(articles)}`,
    );
    expect(initial.length).toBeGreaterThan(0);
    expect(initial.filter((f) => [...core, ...articles].includes(f))).toEqual([]);
    expect(total).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
  });

  it('precaches every file it ships, the knowledge chunks, the page, the manifest and the icons, none too big', () => {
    const precached = new Set(precacheUrls());
    const shipped = shippedFiles();
    expect(shipped.filter(({ file }) => !precached.has(file))).toEqual([]);
    expect(shipped.filter(({ bytes }) => bytes > PRECACHE_LIMIT)).toEqual([]);
    const { core, articles } = knowledgeChunks();
    for (const f of [...core, ...articles]) expect(precached).toContain(f);
    for (const f of ['index.html', 'manifest.webmanifest', 'icons/icon-192.png', 'icons/icon-512.png']) {
      expect(precached).toContain(f);
    }
  });

  it('serves every navigation from the precached page, so deep links and shares work offline', () => {
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    expect(sw).toMatch(/NavigationRoute\(\w+\.createHandlerBoundToURL\("index\.html"\)/);
    // Prompted updates: the new worker waits until the user chooses to reload.
    expect(sw.match(/skipWaiting\(\)/g)).toHaveLength(1);
    expect(sw).toMatch(/"SKIP_WAITING"===\w+\.data\.type&&self\.skipWaiting\(\)/);
  });

  it('has an installable manifest: name, icons 192/512/maskable, theme colour, start URL and a text share target', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8')) as {
      name: string;
      short_name: string;
      start_url: string;
      scope: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; purpose?: string }[];
      share_target: { action: string; method: string; params: Record<string, string> };
    };
    expect(manifest.name).toMatch(/SyncFix/);
    expect(manifest.short_name).toBe('SyncFix');
    expect(manifest.start_url).toBe('./');
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    const icon = (sizes: string, purpose: string) =>
      manifest.icons.find((i) => i.sizes === sizes && (i.purpose ?? 'any').split(' ').includes(purpose));
    for (const [sizes, purpose] of [
      ['192x192', 'any'],
      ['512x512', 'any'],
      ['512x512', 'maskable'],
    ] as const) {
      const found = icon(sizes, purpose);
      expect(found, `${sizes} ${purpose} icon`).toBeDefined();
      const png = readFileSync(join(DIST, found!.src));
      // PNG IHDR: width and height at bytes 16..23.
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(sizes);
    }
    expect(manifest.share_target).toEqual({
      action: './',
      method: 'GET',
      enctype: 'application/x-www-form-urlencoded',
      params: { title: 'title', text: 'text', url: 'url' },
    });
  });

  it('uses relative URLs only, so it runs from any static host or subpath', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    expect(html).not.toMatch(/(?:src|href)="\/(?!\/)/);
    const { core, articles } = knowledgeChunks();
    for (const f of [...core, ...articles]) expect(dirname(f)).toBe('assets');
  });
});
