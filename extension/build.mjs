#!/usr/bin/env node
/**
 * Builds the extension from one source (`npm run build:extension`):
 *   dist/extension-chrome/          Chrome, loadable unpacked   + dist/syncfix-chrome-<version>.zip (store)
 *   dist/extension-firefox/         Firefox, loadable unpacked  + dist/syncfix-firefox-<version>.zip (AMO)
 *   dist/extension-<browser>-test/  the same for end-to-end tests, with listeners exposed to
 *                                   tests (no extra permission); never shipped, never zipped.
 * Pages, content script and icons are built once into a staging folder; only the manifest
 * (and the test builds' background) differ per target. Zips are reproducible (fixed dates).
 * `npm run package` adds the source archive AMO reviewers rebuild from (package-source.mjs).
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { tsImport } from 'tsx/esm/api';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dist = join(root, 'dist');
const stage = join(dist, '.extension-stage');
const stageTest = join(dist, '.extension-stage-test');

const load = (path) => tsImport(join(here, path), import.meta.url);
const { pagesConfig, backgroundConfig, contentConfig, extensionPlugins } = await load('vite.config.ts');
const { buildManifest } = await load('manifest/manifest.ts');
const { ICON_SIZES, renderIcon } = await load('manifest/icons.ts');
const { storeZipName, zipFolder } = await load('package-files.ts');

const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
// A store package is a production build whoever calls it: under NODE_ENV=test (a test running
// `npm run package`) the JSX transform would write this checkout's absolute paths into it.
process.env.NODE_ENV = 'production';
const started = performance.now();

for (const dir of [stage, stageTest]) rmSync(dir, { recursive: true, force: true });

const plugins = extensionPlugins();
try {
  await build(pagesConfig({ outDir: stage }, plugins));
  await build(contentConfig({ outDir: stage }, plugins));
  await build(backgroundConfig({ outDir: stage }, plugins));
  await build(backgroundConfig({ outDir: stageTest, testHooks: true }, plugins));
} catch (error) {
  // Content problems arrive as `file: field: reason` lines; show them, not a stack.
  console.error(error?.lines ? error.message : error);
  process.exit(1);
}
cpSync(join(here, 'content/marks/marks.css'), join(stage, 'content.css'));
mkdirSync(join(stage, 'icons'), { recursive: true });
for (const size of ICON_SIZES) writeFileSync(join(stage, `icons/icon-${size}.png`), renderIcon(size));

const targets = [
  { name: 'extension-chrome', browser: 'chrome', zip: true },
  { name: 'extension-firefox', browser: 'firefox', zip: true },
  { name: 'extension-chrome-test', browser: 'chrome', test: true },
  { name: 'extension-firefox-test', browser: 'firefox', test: true },
];

for (const target of targets) {
  const out = join(dist, target.name);
  rmSync(out, { recursive: true, force: true });
  cpSync(stage, out, { recursive: true });
  if (target.test) cpSync(join(stageTest, 'background.js'), join(out, 'background.js'));
  const manifest = buildManifest({ target: target.browser, version });
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (target.zip) writeFileSync(join(dist, storeZipName(target.browser, version)), zipFolder(out));
}
for (const dir of [stage, stageTest]) rmSync(dir, { recursive: true, force: true });

const content = readFileSync(join(dist, 'extension-chrome/content.js'));
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `extension ${version}: ${targets.map((t) => `dist/${t.name}/`).join(', ')} + zips in ${Math.round(performance.now() - started)} ms; ` +
    `content.js ${kib(content.length)} (${kib(gzipSync(content, { level: 9 }).length)} gzip)`,
);
