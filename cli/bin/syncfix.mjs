#!/usr/bin/env node
// Launcher for the built CLI (dist/cli/syncfix.mjs carries the knowledge bundle inside).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../../dist/cli/syncfix.mjs', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('syncfix: the CLI is not built yet: run `npm run build` (or `npm start`) first\n');
  process.exit(1);
}
await import(pathToFileURL(built).href);
