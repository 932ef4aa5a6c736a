/** Node-only: reads a content folder from disk for the compiler. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SourceFile } from './compile';

export function listMarkdown(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listMarkdown(full));
    else if (entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'README.md') out.push(full);
  }
  return out.sort();
}

/** Paths are reported relative to `root` (the repository), with forward slashes. */
export function readContent(dir: string, root: string): SourceFile[] {
  return listMarkdown(dir).map((file) => ({
    path: relative(root, file).split(sep).join('/'),
    source: readFileSync(file, 'utf8'),
  }));
}

/** Where a copy without git history (the AMO source archive) keeps the guide's date. */
export const KNOWLEDGE_DATE_FILE = '.knowledge-date';

/**
 * Date of the newest content change: the last commit touching it, else the date a source
 * archive wrote down, else the newest file.
 */
export function contentDate(dir: string): string {
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%cs', '--', '.'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', '.'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(out) && !dirty) return out;
  } catch {
    // Not a git checkout (a tarball, a copy): fall back to what it says, or to file times.
  }
  const written = join(dir, KNOWLEDGE_DATE_FILE);
  if (existsSync(written)) {
    const date = readFileSync(written, 'utf8').trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  }
  const newest = Math.max(0, ...listMarkdown(dir).map((f) => statSync(f).mtimeMs));
  return new Date(newest || Date.now()).toISOString().slice(0, 10);
}
