/**
 * The built PWA as files: how much JavaScript a phone must fetch before the first paint, and
 * whether the service worker stores everything the app can ever ask for.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, DIST, knowledgeChunk, precacheUrls } from './built-app';

/** The budget from issue 4: initial JavaScript at most 50 KB gzip. */
const INITIAL_JS_BUDGET = 50 * 1024;

/** Entry scripts and modulepreloads of index.html, then every static import they make, transitively. */
export function initialJavaScript(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entries = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="\.\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.\/([^"]+)"/g),
  ].map((m) => m[1]!);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    // Static `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"`; never `import("./x.js")`.
    for (const m of code.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
      visit(posix.normalize(posix.join(posix.dirname(file), m[1]!)));
    }
  };
  entries.forEach(visit);
  return [...seen];
}

function gzipSize(file: string): number {
  return gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [relative(DIST, path).split('\\').join('/')];
  });
}

beforeAll(assertBuilt);

describe('the built PWA', () => {
  it('loads at most 50 KB of gzipped JavaScript before the first paint, without the knowledge bundle', () => {
    const initial = initialJavaScript();
    const sizes = initial.map((f) => [f, gzipSize(f)] as const);
    const total = sizes.reduce((sum, [, size]) => sum + size, 0);
    console.log(
      `initial JS: ${(total / 1024).toFixed(1)} KB gzip (${sizes.map(([f, s]) => `${f} ${(s / 1024).toFixed(1)} KB`).join(', ')}); ` +
        `knowledge chunk (lazy): ${(gzipSize(knowledgeChunk()) / 1024).toFixed(1)} KB gzip`,
    );
    expect(initial.length).toBeGreaterThan(0);
    expect(initial).not.toContain(knowledgeChunk());
    expect(total).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
  });

  it('precaches every chunk, the knowledge bundle, the page, the manifest and the icons', () => {
    const precached = new Set(precacheUrls());
    // The service worker script and its workbox runtime are the cache's owner, not its content.
    const shipped = allFiles(DIST).filter((f) => f !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(f));
    expect(shipped.filter((f) => !precached.has(f))).toEqual([]);
    expect(precached).toContain(knowledgeChunk());
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
    expect(dirname(knowledgeChunk())).toBe('assets');
  });
});
