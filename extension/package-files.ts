/**
 * What the stores receive, named once for the build, the packaging step and the tests:
 * the two store zips and the source archive addons.mozilla.org reviewers rebuild from.
 * Zips are reproducible: sorted entries, one fixed date.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { KNOWLEDGE_DATE_FILE, contentDate } from '../shared/compiler/read-content';

export type Browser = 'chrome' | 'firefox';

export const storeZipName = (browser: Browser, version: string) => `syncfix-${browser}-${version}.zip`;
export const sourceZipName = (version: string) => `syncfix-source-${version}.zip`;

/**
 * Everything `npm install && npm run package` needs to rebuild the Firefox zip: the build
 * scripts and their config, the core, the knowledge and the extension. Tests and the other
 * surfaces are left out; the README says how to build.
 */
export const SOURCE_PATHS = [
  'README.md',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'content',
  'shared',
  'extension',
] as const;

const SKIPPED = /(^|\/)(node_modules|dist|\.tmp)(\/|$)|\.test\.tsx?$/;
const FIXED_DATE = new Date('2020-01-01T00:00:00Z');

/** Relative paths of the files under `dir` (itself relative to `root`), sorted. */
export function filesUnder(root: string, dir = '.'): string[] {
  const path = join(root, dir);
  if (!statSync(path).isDirectory()) return [dir];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(root, dir === '.' ? name : `${dir}/${name}`));
}

function filesEntries(root: string, names: readonly string[]): Record<string, [Uint8Array, { mtime: Date }]> {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const name of names) entries[name] = [readFileSync(join(root, name)), { mtime: FIXED_DATE }];
  return entries;
}

function zipFiles(root: string, names: readonly string[]): Uint8Array {
  return zipSync(filesEntries(root, names), { level: 9 });
}

/** A built extension folder as a store zip. */
export function zipFolder(dir: string): Uint8Array {
  return zipFiles(dir, filesUnder(dir));
}

/** The source archive for AMO review. */
export function sourceFiles(root: string): string[] {
  return SOURCE_PATHS.flatMap((path) => filesUnder(root, path)).filter((name) => !SKIPPED.test(name));
}

export function zipSource(root: string): Uint8Array {
  const entries = filesEntries(root, sourceFiles(root));
  // The archive has no git history and fixed file dates: it carries the guide's date instead.
  entries[`content/${KNOWLEDGE_DATE_FILE}`] = [
    strToU8(`${contentDate(join(root, 'content'))}\n`),
    { mtime: FIXED_DATE },
  ];
  return zipSync(entries, { level: 9 });
}
