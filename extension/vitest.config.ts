/**
 * Unit tests beside the extension's code (`extension/**\/*.test.ts`): pure modules only, in
 * node. DOM behaviour is proven end to end in real Chromium (test/e2e/extension).
 * Run: `npm run test:extension`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    name: 'extension',
    environment: 'node',
    include: ['extension/**/*.test.ts'],
  },
});
