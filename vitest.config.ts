import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { knowledgePlugin } from './shared/compiler/vite-plugin-kb';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  plugins: [knowledgePlugin({ root })],
  test: {
    reporters: ['default', './test/plain-summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          // A guard against hangs, not a speed check: a shared machine under load is slow.
          testTimeout: 60_000,
          include: [
            'shared/**/*.test.ts',
            'extension/**/*.test.ts',
            'pwa/**/*.test.ts',
            'cli/**/*.test.ts',
            'test/content/**/*.test.ts',
            'test/fuzz/**/*.test.ts',
            'test/fixtures/real-logs/**/*.test.ts',
            'test/quality/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
