/**
 * The PWA build: pwa/ → dist/pwa/. Relative base, so the same files work from any static
 * host or subpath; every view is a hash route, so no server rewrites are needed.
 *
 * SYNCFIX_KB_ROOT points the knowledge plugin at another checkout's content/ (a frozen copy
 * while writers are mid-edit, or a generated knowledge base for the benchmarks); by default
 * it is this repository. `vite build --outDir <dir>` builds elsewhere than dist/pwa.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { MAX_MODULE_BYTES, knowledgeChunkName, knowledgePlugin } from './shared/compiler/vite-plugin-kb';
import { manifest } from './pwa/manifest';

const repo = fileURLToPath(new URL('.', import.meta.url));
const kbRoot = process.env.SYNCFIX_KB_ROOT ? resolve(process.env.SYNCFIX_KB_ROOT) : repo;

export default defineConfig({
  root: resolve(repo, 'pwa'),
  base: './',
  publicDir: resolve(repo, 'pwa/public'),
  build: {
    outDir: resolve(repo, 'dist/pwa'),
    emptyOutDir: true,
    target: 'es2022',
    // Every browser that runs the service worker supports modulepreload natively.
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: {
        // Stable, readable names for the knowledge chunks (knowledge-core-<n>, knowledge-articles-<n>): tests look for them.
        chunkFileNames: (chunk) => `assets/${knowledgeChunkName(chunk.moduleIds) ?? '[name]'}-[hash].js`,
      },
    },
  },
  plugins: [
    knowledgePlugin({ root: kbRoot }),
    preact(),
    VitePWA({
      strategies: 'generateSW',
      // "Update available → reload" is the user's call, so an open tab never mixes two versions.
      registerType: 'prompt',
      injectRegister: false,
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      // globPatterns below already takes the icons and favicon from public/.
      includeManifestIcons: false,
      manifest,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Any navigation (`./?q=…`, a share `./?text=…`) gets the app shell from the precache.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        // Workbox's default, stated: a bigger file would be left out of the precache without an error, so
        // the knowledge plugin keeps every chunk under it and the e2e build test checks every file.
        maximumFileSizeToCacheInBytes: MAX_MODULE_BYTES,
      },
    }),
  ],
  server: { host: '127.0.0.1' },
});
