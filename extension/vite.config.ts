/**
 * Vite builds of the extension, one source for Chrome and Firefox (extension/build.mjs
 * runs them and writes the per-browser manifests):
 *   pages       popup, options and guide pages (Preact, code-split ES modules)
 *   background  one classic script: a Chrome service worker and a Firefox event page alike
 *   content     one classic script (content scripts cannot be modules), no chunks
 * The default export is the pages build, for `vite build -c extension/vite.config.ts`.
 */
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import type { InlineConfig, Plugin } from 'vite';
import { knowledgePlugin } from '../shared/compiler/vite-plugin-kb';
import { noRawHtml } from './no-raw-html';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export interface ExtensionBuildOptions {
  outDir: string;
  /** Test build only: expose listeners to end-to-end tests. */
  testHooks?: boolean;
}

/** One plugin instance for all three builds, so the content is compiled once. */
function plugins(): Plugin[] {
  return [knowledgePlugin({ root: repoRoot })];
}

const common = (options: ExtensionBuildOptions, shared: Plugin[]): InlineConfig => ({
  configFile: false,
  root: here('.'),
  logLevel: 'warn',
  plugins: shared,
  define: { __SYNCFIX_TEST_HOOKS__: JSON.stringify(options.testHooks ?? false) },
  build: {
    outDir: options.outDir,
    emptyOutDir: false,
    target: ['chrome123', 'firefox140'],
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
  },
});

export function pagesConfig(options: ExtensionBuildOptions, shared = plugins()): InlineConfig {
  const base = common(options, shared);
  return {
    ...base,
    root: here('pages'),
    base: './',
    plugins: [preact(), noRawHtml(), ...shared],
    build: {
      ...base.build,
      // The polyfill fetch()es modules; every browser we support preloads natively, and our CSP forbids fetch.
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 2048,
      rollupOptions: {
        input: {
          popup: here('pages/popup.html'),
          options: here('pages/options.html'),
          guide: here('pages/guide.html'),
        },
      },
    },
  };
}

function scriptConfig(name: string, entry: string, options: ExtensionBuildOptions, shared: Plugin[]): InlineConfig {
  const base = common(options, shared);
  return {
    ...base,
    build: {
      ...base.build,
      // IIFE: one file, no chunks (a content script or classic worker cannot import).
      lib: { entry: here(entry), formats: ['iife'], name: `SyncFix_${name}`, fileName: () => `${name}.js` },
      // The whole knowledge bundle ships inside; nothing is fetched at run time.
      chunkSizeWarningLimit: 2048,
    },
  };
}

export function backgroundConfig(options: ExtensionBuildOptions, shared = plugins()): InlineConfig {
  return scriptConfig('background', 'background/index.ts', options, shared);
}

export function contentConfig(options: ExtensionBuildOptions, shared = plugins()): InlineConfig {
  return scriptConfig('content', 'content/index.ts', options, shared);
}

export { plugins as extensionPlugins };

export default defineConfig(
  pagesConfig({ outDir: fileURLToPath(new URL('../dist/extension-pages', import.meta.url)) }),
);
