#!/usr/bin/env node
/**
 * `npm run audit`: Lighthouse (mobile emulation, simulated slow 4G and 4x CPU throttling, its
 * defaults) against the built PWA in Debian's Chromium. Serves dist/pwa the way a static
 * host does (gzip, no rewrites) and prints the performance score with LCP, TBT and CLS.
 *
 * Options: --url=<url> audits a running server instead; --path=<path or #/hash> audits another
 * view; --runs=N takes the median of N runs (default 3); --verbose shows LCP element, shifts, long tasks.
 * Exits non-zero when the median performance score is below --min (default 0, report only).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const repo = fileURLToPath(new URL('..', import.meta.url));
const dist = resolve(repo, 'dist/pwa');
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v = 'true'] = a.replace(/^--/, '').split('=');
    return [k, v];
  }),
);
const runs = Math.max(1, Number(args.runs ?? 3));
const minScore = Number(args.min ?? 0);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.webmanifest', '.json', '.svg']);

function serve(root) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) return void res.writeHead(404).end('not found');
    const ext = extname(path);
    // Hashed assets never change; everything else is revalidated (as a static host would be set up).
    const cache = path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    res.writeHead(200, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': cache,
      ...(gzip && { 'content-encoding': 'gzip', vary: 'accept-encoding' }),
    });
    const stream = createReadStream(path);
    (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

let server;
let target = args.url;
if (!target) {
  if (!existsSync(join(dist, 'index.html'))) {
    console.error('dist/pwa is missing: run `npm run build:pwa` first');
    process.exit(1);
  }
  server = await serve(dist);
  target = `http://127.0.0.1:${server.address().port}/`;
}
if (args.path) target = new URL(args.path, target).href;

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});

const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const { lhr } = await lighthouse(target, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      // A first visit each time: no warm HTTP cache or service worker from the previous run.
      disableStorageReset: false,
    });
    const a = lhr.audits;
    const run = {
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      bestPractices: Math.round(lhr.categories['best-practices'].score * 100),
      fcp: a['first-contentful-paint'].numericValue,
      lcp: a['largest-contentful-paint'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      si: a['speed-index'].numericValue,
    };
    results.push(run);
    results.version = lhr.lighthouseVersion;
    if (args.verbose) {
      const details = (id) => JSON.stringify(a[id]?.details?.items ?? [], null, 1).slice(0, 3000);
      console.log('LCP element', details('largest-contentful-paint-element'));
      console.log('layout shifts', details('layout-shifts'));
      console.log('long tasks', details('long-tasks'));
    }
    console.log(
      `run ${i + 1}/${runs}: performance ${run.performance}, LCP ${Math.round(run.lcp)} ms, TBT ${Math.round(run.tbt)} ms, CLS ${run.cls.toFixed(3)}`,
    );
  }
} finally {
  await chrome.kill();
  server?.close();
}

const pick = (key) => median(results.map((r) => r[key]));
console.log('');
console.log(`Lighthouse ${results.version} · ${target} · mobile emulation, simulated throttling · median of ${runs}`);
console.log(`  Performance score       ${pick('performance')}`);
console.log(`  Largest Contentful Paint ${(pick('lcp') / 1000).toFixed(2)} s`);
console.log(`  Total Blocking Time      ${Math.round(pick('tbt'))} ms`);
console.log(`  Cumulative Layout Shift  ${pick('cls').toFixed(3)}`);
console.log(`  First Contentful Paint   ${(pick('fcp') / 1000).toFixed(2)} s`);
console.log(`  Speed Index              ${(pick('si') / 1000).toFixed(2)} s`);
console.log(`  Accessibility ${pick('accessibility')} · Best practices ${pick('bestPractices')}`);
if (pick('performance') < minScore) {
  console.error(`performance ${pick('performance')} is below --min=${minScore}`);
  process.exit(1);
}
