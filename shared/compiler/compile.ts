/**
 * Content compiler: source files in, one knowledge bundle (or a list of problems) out.
 * Pure: the caller reads the files (see `read-content.ts`), so tests feed it strings.
 */
import { Detector } from '../detect/detector';
import { PatternError, compilePattern } from '../detect/pattern';
import { foldString } from '../detect/fold';
import { readArticle } from '../kb/schema';
import type { ArticleSource, StepSource } from '../kb/schema';
import type { Article, FixStep, KnowledgeBundle, SearchDoc, Signature } from '../kb/types';
import { PRODUCTS } from '../kb/types';
import { toSearchDoc } from '../search/search-doc';
import { buildTokenIndex } from '../search/token-index';
import { splitFrontmatter } from './frontmatter';
import { checkGates } from './gates';
import { inspectMarkdown, plainText, renderBlock, renderInline } from './markdown';

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes: `content/bes/x.md`. */
  path: string;
  source: string;
}

export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}

export interface CompileResult {
  bundle?: KnowledgeBundle;
  problems: ContentProblem[];
}

export interface CompileOptions {
  /** ISO date of the newest content change; defaults to today. */
  date?: string;
}

interface Parsed {
  file: string;
  src: ArticleSource;
  body: string;
}

/** 53-bit FNV-style hash: a stable content version without node:crypto (pure module). */
function hashText(parts: string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    h1 = Math.imul(h1 ^ 0xff, 0x01000193);
  }
  return ((h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0')).slice(0, 12);
}

function renderStep(step: StepSource): FixStep {
  return {
    html: renderInline(step.text),
    text: plainText(step.text),
    ...(step.command !== undefined && { command: step.command }),
    ...(step.lang !== undefined && { lang: step.lang }),
    ...(step.warning !== undefined && { warning: step.warning }),
    ...(step.applies !== undefined && { applies: step.applies }),
  };
}

type Report = (file: string, field: string, message: string) => void;

export function compileContent(files: readonly SourceFile[], options: CompileOptions = {}): CompileResult {
  const problems: ContentProblem[] = [];
  const report: Report = (file, field, message) => problems.push({ file, field, message });
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  const parsed = sorted.flatMap((file) => parseFile(file, report) ?? []);
  for (const p of checkGates(parsed)) report(p.file, p.field, p.message);
  const byId = indexById(parsed, report);
  const redirects = redirectsOf(parsed, byId, report);
  const inbound = new Map<string, number>();
  const linkedFrom = (target: string) => inbound.set(target, (inbound.get(target) ?? 0) + 1);
  const signatureOwner = new Map<string, string>();
  for (const p of parsed) {
    checkLinks(p, byId, linkedFrom, report);
    checkSignatures(p, signatureOwner, report);
  }
  if (parsed.length > 1) {
    for (const p of parsed) {
      if (!inbound.has(p.src.id) && byId.get(p.src.id) === p) {
        report(p.file, 'id', `"${p.src.id}" is an orphan: no other article links to it`);
      }
    }
  }
  if (problems.length) return { problems };

  const articles = parsed.map(toArticle);
  const signatures = parsed.flatMap(toSignatures);
  const signaturesOf = new Map<string, Signature[]>();
  for (const sig of signatures)
    (signaturesOf.get(sig.article) ?? signaturesOf.set(sig.article, []).get(sig.article)!).push(sig);
  const docs: SearchDoc[] = articles.map((a) => toSearchDoc(a, signaturesOf.get(a.id) ?? []));
  return {
    bundle: {
      version: hashText(sorted.flatMap((f) => [f.path, f.source])),
      date: options.date ?? new Date().toISOString().slice(0, 10),
      articles,
      signatures,
      detection: Detector.compile(signatures),
      redirects,
      search: { docs, tokens: buildTokenIndex(docs, articles) },
    },
    problems: [],
  };
}

/** One file's frontmatter and body, with what can be checked of it alone. */
function parseFile({ path, source }: SourceFile, report: Report): Parsed | undefined {
  const split = splitFrontmatter(source);
  if (split.error) {
    report(path, 'frontmatter', split.error);
    return undefined;
  }
  const { article, problems: fieldProblems } = readArticle(split.data);
  for (const p of fieldProblems) report(path, p.field, p.message);
  if (!article) return undefined;
  const segments = path.split('/');
  const fileId = segments[segments.length - 1]!.replace(/\.md$/, '');
  const folder = segments[segments.length - 2];
  if (article.id !== fileId) report(path, 'id', `must equal the file name "${fileId}", got "${article.id}"`);
  if (folder && (PRODUCTS as readonly string[]).includes(folder) && folder !== article.product) {
    report(path, 'product', `must match its folder "${folder}", got "${article.product}"`);
  }
  if (!split.body.trim()) report(path, 'body', 'required: explain the problem or concept below the frontmatter');
  return { file: path, src: article, body: split.body };
}

/** Ids are unique across the whole knowledge base. */
function indexById(parsed: readonly Parsed[], report: Report): Map<string, Parsed> {
  const byId = new Map<string, Parsed>();
  for (const p of parsed) {
    const other = byId.get(p.src.id);
    if (other) report(p.file, 'id', `duplicate id "${p.src.id}", also used by ${other.file}`);
    else byId.set(p.src.id, p);
  }
  return byId;
}

/** A merged article's old id leads to the one that replaced it, and to nothing else. */
function redirectsOf(parsed: readonly Parsed[], byId: Map<string, Parsed>, report: Report): Record<string, string> {
  const redirects: Record<string, string> = {};
  for (const p of parsed) {
    p.src.replaces.forEach((old, i) => {
      const taken = byId.get(old)?.file ?? (redirects[old] && `"${redirects[old]}"`);
      if (taken) report(p.file, `replaces[${i}]`, `"${old}" is still in use by ${taken}`);
      else redirects[old] = p.src.id;
    });
  }
  return redirects;
}

/** Every link (fields, body, step texts) names an existing article of the right kind. */
function checkLinks(p: Parsed, byId: Map<string, Parsed>, linkedFrom: (id: string) => void, report: Report): void {
  const { src, file } = p;
  for (const field of ['related', 'concepts', 'procedures'] as const) {
    src[field].forEach((target, i) => {
      const found = byId.get(target);
      if (!found) return report(file, `${field}[${i}]`, `links to "${target}", which does not exist`);
      if (target === src.id) report(file, `${field}[${i}]`, 'an article cannot link to itself');
      linkedFrom(target);
      if (field === 'concepts' && found.src.kind !== 'concept') {
        report(file, `${field}[${i}]`, `"${target}" is a ${found.src.kind}, not a concept`);
      }
      if (field === 'procedures' && found.src.kind !== 'procedure') {
        report(file, `${field}[${i}]`, `"${target}" is a ${found.src.kind}, not a procedure`);
      }
    });
  }
  const body = inspectMarkdown(p.body);
  for (const message of body.problems) report(file, 'body', message);
  for (const target of body.links) {
    if (!byId.has(target)) report(file, 'body', `links to "${target}", which does not exist`);
    else linkedFrom(target);
  }
  const inlineTexts: [string, string][] = [
    ...src.causes.flatMap((c, i): [string, string][] => (c.check ? [[`causes[${i}].check`, c.check]] : [])),
    ...src.causes.flatMap((c, i) => c.fix.map((s, k): [string, string] => [`causes[${i}].fix[${k}]`, s.text])),
    ...src.steps.map((s, k): [string, string] => [`steps[${k}]`, s.text]),
  ];
  for (const [field, text] of inlineTexts) {
    const inline = inspectMarkdown(text, true);
    for (const message of inline.problems) report(file, field, message);
    for (const target of inline.links) {
      if (!byId.has(target)) report(file, field, `links to "${target}", which does not exist`);
    }
  }
}

/** Each signature is claimed once, compiles, finds its own examples and none of its counterexamples. */
function checkSignatures({ src, file }: Parsed, owner: Map<string, string>, report: Report): void {
  src.signatures.forEach((sig, i) => {
    const field = `signatures[${i}]`;
    const key = foldString(sig.text);
    const claimed = owner.get(key);
    if (claimed && claimed !== src.id) {
      return report(file, `${field}.text`, `"${sig.text}" is already claimed by article "${claimed}"`);
    }
    owner.set(key, src.id);
    try {
      compilePattern(sig.text);
    } catch (err) {
      if (err instanceof PatternError) return report(file, `${field}.text`, `"${sig.text}": ${err.message}`);
      throw err;
    }
    const detector = new Detector([{ id: 'check', article: src.id, ...sig }]);
    sig.examples.forEach((example, k) => {
      if (!detector.find(example).length) {
        report(file, `${field}.examples[${k}]`, `does not match its own signature "${sig.text}": "${example}"`);
      }
    });
    sig.counterexamples.forEach((line, k) => {
      if (detector.find(line).length) {
        report(file, `${field}.counterexamples[${k}]`, `matches signature "${sig.text}" but must not: "${line}"`);
      }
    });
  });
}

function toArticle({ src, body, file }: Parsed): Article {
  return {
    id: src.id,
    title: src.title,
    product: src.product,
    kind: src.kind,
    summary: src.summary,
    aliases: src.aliases,
    tags: src.tags,
    related: src.related,
    concepts: src.concepts,
    procedures: src.procedures,
    ...(src.symptom !== undefined && { symptom: src.symptom }),
    shows: src.shows,
    ...(src.stage !== undefined && { stage: src.stage }),
    ...(src.distinguish !== undefined && { distinguish: src.distinguish }),
    ...(src.retry !== undefined && { retry: src.retry }),
    causes: src.causes.map((c) => ({
      title: c.title,
      ...(c.check !== undefined && { check: plainText(c.check), checkHtml: renderInline(c.check) }),
      kb: c.kb,
      fix: c.fix.map(renderStep),
    })),
    steps: src.steps.map(renderStep),
    kb: src.kb,
    codes: src.codes,
    sources: src.sources,
    replaces: src.replaces,
    html: renderBlock(body),
    text: plainText(body),
    source: file,
  };
}

function toSignatures({ src }: Parsed): Signature[] {
  return src.signatures.map((sig, i) => ({
    id: `${src.id}#${i}`,
    article: src.id,
    text: sig.text,
    where: sig.where,
    specificity: sig.specificity,
    ...(sig.context && { context: sig.context }),
    examples: sig.examples,
    counterexamples: sig.counterexamples,
  }));
}
