/**
 * The PWA build: pwa/ → dist/pwa/. Relative base, so the same files work from any static
 * host or subpath; every view is a hash route, so no server rewrites are needed.
 *
 * SYNCFIX_KB_ROOT points the knowledge plugin at another checkout's content/ (a frozen copy
 * while writers are mid-edit); by default it is this repository.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { knowledgePlugin } from './shared/compiler/vite-plugin-kb';
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
        // A stable, readable name for the lazily loaded knowledge chunk (tests and the audit look for it).
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => id.includes('virtual:kb'))
            ? 'assets/knowledge-[hash].js'
            : 'assets/[name]-[hash].js',
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
        // The knowledge chunk is the biggest file; keep headroom for the content to grow.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
    }),
  ],
  server: { host: '127.0.0.1' },
});
