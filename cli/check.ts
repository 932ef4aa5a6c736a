/**
 * `syncfix check [DIR]`: validates a content folder read from disk, no build needed.
 * `npm run content:check` runs it from source through check-main.ts.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { compileContent, formatProblem } from '../shared/compiler/compile';
import { readContent } from '../shared/compiler/read-content';

export interface CheckReport {
  ok: boolean;
  files: number;
  articles: number;
  signatures: number;
  problems: string[];
}

/** Paths in messages are relative to the folder above `dir` (the repository for `content/`). */
export function checkContent(dir: string): CheckReport {
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    return { ok: false, files: 0, articles: 0, signatures: 0, problems: [`${dir}: not a folder`] };
  }
  const files = readContent(abs, dirname(abs));
  if (!files.length) {
    return { ok: false, files: 0, articles: 0, signatures: 0, problems: [`${dir}: no .md articles found`] };
  }
  const result = compileContent(files);
  return {
    ok: !!result.bundle,
    files: files.length,
    articles: result.bundle?.articles.length ?? 0,
    signatures: result.bundle?.signatures.length ?? 0,
    problems: result.problems.map(formatProblem),
  };
}

export function runCheck(dir: string, out: (line: string) => void, err: (line: string) => void): number {
  const report = checkContent(dir);
  if (!report.ok) {
    for (const line of report.problems) err(line);
    err(`${report.problems.length} problem(s) in ${report.files} file(s)`);
    return 1;
  }
  out(`${dir}: ${report.articles} articles, ${report.signatures} signatures, all valid`);
  return 0;
}
