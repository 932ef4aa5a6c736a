/**
 * The PWA built for real over a generated knowledge base (test/bench/generate-kb.ts): the
 * same Vite config, knowledge plugin and service worker as dist/pwa, so what is measured or
 * tested at 1,000 or 10,000 articles is what would ship at that size.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { generateKnowledge } from '../../bench/generate-kb';
import { REPO } from './built-app';

export interface GeneratedPwa {
  /** The built app: serve it like dist/pwa. */
  dir: string;
  articles: number;
  buildMs: number;
  /** Every file the build wrote, relative to `dir`, with its size in bytes. */
  files: { file: string; bytes: number }[];
  remove(): void;
}

export function buildGeneratedPwa(articles: number): GeneratedPwa {
  const work = mkdtempSync(join(tmpdir(), `syncfix-pwa-${articles}-`));
  const dir = join(work, 'pwa');
  for (const file of generateKnowledge(articles)) {
    mkdirSync(dirname(join(work, file.path)), { recursive: true });
    writeFileSync(join(work, file.path), file.source);
  }
  const started = performance.now();
  try {
    execFileSync(
      process.execPath,
      [join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--configLoader', 'runner', '--outDir', dir],
      { cwd: REPO, env: buildEnv(work), stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(
      `PWA build of ${articles} articles failed:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`,
    );
  }
  return {
    dir,
    articles,
    buildMs: performance.now() - started,
    files: listFiles(dir).map((path) => ({
      file: relative(dir, path).split('\\').join('/'),
      bytes: statSync(path).size,
    })),
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
}

/** A production build as `npm run build:pwa` makes it, even from inside vitest (NODE_ENV=test builds differently). */
function buildEnv(kbRoot: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SYNCFIX_KB_ROOT: kbRoot };
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key];
  return env;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
