/**
 * The CLI's subcommands. Each returns an exit code and writes through `io`, so tests can
 * run them in-process as well as through the built binary.
 */
import { versionLabel } from '../shared/kb/labels';
import type { Article, Source } from '../shared/kb/types';
import { PRODUCTS, PRODUCT_LABELS } from '../shared/kb/types';
import type { Product } from '../shared/kb/types';
import { UsageError, parseArgs } from './args';
import { runCheck } from './check';
import { InputError, readStdin, readTextFile } from './input';
import type { SearchHit, SearchResponse } from '../shared/search/search';
import { POSSIBLE_MATCHES } from '../shared/search/verdict';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  stdin?: NodeJS.ReadableStream;
}

export const USAGE = `SyncFix: offline fixes for BES activation, BlackBerry sync, ActiveSync, SEG and NotifySync.

Usage:
  syncfix search "<query>" [--product P] [--limit N] [--json]
  syncfix explain [FILE|-] [--json]      find known errors in a log or text (default: stdin)
  syncfix show <id> [--json]             one article with its causes and fixes
  syncfix check [DIR]                    validate a content folder (default: content/)

Products: ${PRODUCTS.join(', ')}`;

async function knowledge() {
  return import('./knowledge');
}

function json(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

async function searchCommand(argv: string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(argv, { product: 'value', limit: 'value', json: 'bool' });
  const query = positional.join(' ');
  if (!query.trim()) throw new UsageError('search needs a query, e.g. syncfix search "waiting for services"');
  const product = flags.get('product');
  if (product !== undefined && !(PRODUCTS as readonly string[]).includes(product as string)) {
    throw new UsageError(`--product must be one of ${PRODUCTS.join(', ')}, got "${String(product)}"`);
  }
  const limitRaw = flags.get('limit') ?? '10';
  const limit = Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new UsageError(`--limit must be a whole number from 1 to 100, got "${String(limitRaw)}"`);
  }
  const { search } = await knowledge();
  const response = search.search(query, { product: product as Product | undefined, limit });
  if (flags.has('json')) {
    json(io, {
      confident: response.confident,
      reason: response.reason,
      results: shownResults(response).map(({ id, title, product: p, score, snippet }) => ({
        id,
        title,
        product: p,
        score,
        snippet,
      })),
    });
    return 0;
  }
  if (!response.confident) {
    io.out(`Not sure about "${response.query.slice(0, 80)}": ${response.reason}`);
    if (!response.results.length) return 0;
    io.out('Possible matches:');
  }
  shownResults(response).forEach((r, i) => {
    io.out(`${i + 1}. ${r.title}  [${PRODUCT_LABELS[r.product]} · ${r.id}]`);
    if (r.snippet) io.out(`   ${r.snippet}`);
  });
  return 0;
}

/** All results when the search is sure; the best three, as possible matches, when it is not. */
function shownResults(response: SearchResponse): SearchHit[] {
  return response.confident ? response.results : response.results.slice(0, POSSIBLE_MATCHES);
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

async function explainCommand(argv: string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(argv, { json: 'bool' });
  if (positional.length > 1) throw new UsageError('explain takes one FILE (or - for standard input)');
  const source = positional[0] ?? '-';
  const { text, warning } = source === '-' ? await readStdin(io.stdin) : readTextFile(source);
  if (warning) io.err(`syncfix: ${warning}`);
  const { detector, articleById } = await knowledge();
  const findings = detector.find(text);
  if (flags.has('json')) {
    json(io, {
      findings: findings.map((f) => ({
        start: f.start,
        end: f.end,
        text: f.text,
        signature: f.signature,
        article: f.article,
        title: articleById.get(f.article)?.title ?? f.article,
        confidence: f.confidence,
      })),
    });
    return 0;
  }
  if (!findings.length) {
    io.out('No known errors found.');
    return 0;
  }
  io.out(`${findings.length} known error${findings.length === 1 ? '' : 's'} found:\n`);
  const explained = new Set<string>();
  for (const f of findings) {
    const where = lineAndColumn(text, f.start);
    const article = articleById.get(f.article);
    io.out(`line ${where.line}:${where.column}  "${f.text.length > 100 ? `${f.text.slice(0, 97)}...` : f.text}"`);
    if (!article) continue;
    io.out(`  → ${article.title}  [${article.id}]`);
    if (explained.has(article.id)) continue;
    explained.add(article.id);
    const cause = article.causes[0];
    const steps = (cause?.fix ?? article.steps).slice(0, 3);
    if (cause) io.out(`    Likely cause: ${cause.title}`);
    steps.forEach((s, i) => io.out(`    ${i + 1}. ${s.text}${s.command ? `\n       ${s.command}` : ''}`));
    io.out(`    Full guide: syncfix show ${article.id}\n`);
  }
  return 0;
}

function plainArticle(article: Article) {
  const step = (s: Article['steps'][number]) => ({
    text: s.text,
    ...(s.command !== undefined && { command: s.command }),
    ...(s.lang !== undefined && { lang: s.lang }),
    ...(s.warning !== undefined && { warning: s.warning }),
    ...(s.applies !== undefined && { applies: s.applies }),
  });
  return {
    id: article.id,
    title: article.title,
    product: article.product,
    kind: article.kind,
    summary: article.summary,
    ...(article.symptom !== undefined && { symptom: article.symptom }),
    shows: article.shows,
    ...(article.stage !== undefined && { stage: article.stage }),
    ...(article.distinguish !== undefined && { distinguish: article.distinguish }),
    ...(article.retry !== undefined && { retry: article.retry }),
    causes: article.causes.map((c) => ({
      title: c.title,
      ...(c.check !== undefined && { check: c.check }),
      kb: c.kb,
      fix: c.fix.map(step),
    })),
    steps: article.steps.map(step),
    kb: article.kb,
    related: article.related,
    concepts: article.concepts,
    procedures: article.procedures,
    body: article.text,
    sources: article.sources,
  };
}

/** "For Exchange 2013 and later, Exchange Online": the versions a step or command is for. */
function appliesLine(applies: readonly string[] | undefined): string | undefined {
  if (!applies?.length) return undefined;
  return `For ${applies.map((v) => versionLabel(v) ?? v).join(', ')}`;
}

function sourceLine(source: Source): string {
  return [source.title, source.section, source.url ?? source.seed].filter(Boolean).join(' · ');
}

function printStep(io: Io, number: string, s: ReturnType<typeof plainArticle>['steps'][number], indent: string): void {
  io.out(`${number} ${s.text}`);
  const applies = appliesLine(s.applies);
  if (applies) io.out(`${indent}[${applies}]`);
  if (s.command) io.out(`${indent}${s.command.split('\n').join(`\n${indent}`)}`);
  if (s.warning) io.out(`${indent}! ${s.warning}`);
}

async function showCommand(argv: string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(argv, { json: 'bool' });
  if (positional.length !== 1) throw new UsageError('show needs one article id, e.g. syncfix show it-policy-rejected');
  const { articleById, bundle, search } = await knowledge();
  const asked = positional[0]!;
  // A merged article's old id shows the article that absorbed it.
  const mergedInto = articleById.has(asked) ? undefined : bundle.redirects[asked];
  const article = articleById.get(mergedInto ?? asked);
  if (!article) {
    const near = search.search(positional[0]!.replace(/-/g, ' '), { limit: 3 }).results.map((r) => r.id);
    throw new InputError(`no article "${positional[0]}"${near.length ? `; did you mean: ${near.join(', ')}?` : ''}`);
  }
  const plain = plainArticle(article);
  if (flags.has('json')) {
    json(io, mergedInto ? { ...plain, redirectedFrom: asked } : plain);
    return 0;
  }
  if (mergedInto) io.out(`"${asked}" is now part of "${article.id}".\n`);
  io.out(`${plain.title}\n${'='.repeat(Math.min(plain.title.length, 78))}`);
  io.out(`[${PRODUCT_LABELS[article.product]} · ${article.kind} · ${article.id}]\n`);
  io.out(plain.summary + '\n');
  if (plain.symptom) io.out(`Symptom: ${plain.symptom}\n`);
  if (plain.distinguish) io.out(`Tell it apart: ${plain.distinguish}\n`);
  if (plain.retry) io.out(`Retry? ${plain.retry.verdict}: ${plain.retry.note}\n`);
  plain.causes.forEach((c, i) => {
    io.out(`Cause ${i + 1}: ${c.title}${c.kb.length ? `  (${c.kb.join(', ')})` : ''}`);
    if (c.check) io.out(`  Check: ${c.check}`);
    c.fix.forEach((s, k) => printStep(io, `  ${k + 1}.`, s, '       '));
    io.out('');
  });
  plain.steps.forEach((s, k) => printStep(io, `${k + 1}.`, s, '     '));
  if (plain.body) io.out(`\n${plain.body}`);
  if (plain.kb.length) io.out(`\nKB: ${plain.kb.join(', ')}`);
  const links = [...plain.concepts, ...plain.procedures, ...plain.related];
  if (links.length) io.out(`See also: ${[...new Set(links)].join(', ')}`);
  if (plain.sources.length) {
    io.out('\nSources:');
    for (const source of plain.sources) io.out(`  - ${sourceLine(source)}`);
  }
  return 0;
}

function checkCommand(argv: string[], io: Io): number {
  const { positional } = parseArgs(argv, {});
  if (positional.length > 1) throw new UsageError('check takes one folder');
  return runCheck(positional[0] ?? 'content', io.out, io.err);
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'search':
        return await searchCommand(rest, io);
      case 'explain':
        return await explainCommand(rest, io);
      case 'show':
        return await showCommand(rest, io);
      case 'check':
        return checkCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`syncfix: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof InputError) {
      io.err(`syncfix: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
