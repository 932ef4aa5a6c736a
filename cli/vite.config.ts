/** Builds the CLI into one self-contained file with the knowledge bundle inside. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { knowledgePlugin } from '../shared/compiler/vite-plugin-kb';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  logLevel: 'warn',
  plugins: [knowledgePlugin({ root })],
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: 'cli/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'syncfix.mjs', codeSplitting: false } },
  },
});
