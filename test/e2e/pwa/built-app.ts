/** What the PWA e2e tests share: the built app on disk, its knowledge bundle, and page helpers. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { joinParts } from '../../../shared/kb/split';
import type { ArticleShard, CorePart, KnowledgeCore, ShownArticle } from '../../../shared/kb/split';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const DIST = join(REPO, 'dist/pwa');
const AXE = join(REPO, 'node_modules/axe-core/axe.min.js');

export function assertBuilt(dir = DIST): void {
  if (!existsSync(join(dir, 'index.html')) || !existsSync(join(dir, 'sw.js'))) {
    throw new Error(`${dir === DIST ? 'dist/pwa' : dir} is missing: run \`npm run build:pwa\` first`);
  }
}

/**
 * Every file a build ships (relative paths, sizes): all of it must be precached, except the
 * service worker script and its workbox runtime, which are the cache's owner, not its content.
 */
export function shippedFiles(dir = DIST): { file: string; bytes: number }[] {
  const walk = (sub: string): string[] =>
    readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(posix.join(sub, e.name)) : [posix.join(sub, e.name)],
    );
  return walk('')
    .filter((f) => f !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(f))
    .map((file) => ({ file, bytes: statSync(join(dir, file)).size }));
}

export interface KnowledgeChunks {
  /** The core's parts, in order: the app fetches them all at start-up. */
  core: string[];
  /** The article shards, in order: fetched when an article is opened. */
  articles: string[];
}

/** The knowledge chunks of a built app (`assets/knowledge-core-<n>-<hash>.js`, `…-articles-<n>-…`). */
export function knowledgeChunks(dir = DIST): KnowledgeChunks {
  const files = readdirSync(join(dir, 'assets')).map((f) => `assets/${f}`);
  const numbered = (kind: string) =>
    files
      .map((f) => [f, new RegExp(`^assets/knowledge-${kind}-(\\d+)-[\\w-]+\\.js$`).exec(f)] as const)
      .filter((x): x is readonly [string, RegExpExecArray] => x[1] !== null)
      .sort((a, b) => Number(a[1][1]) - Number(b[1][1]))
      .map(([f]) => f);
  const chunks = { core: numbered('core'), articles: numbered('articles') };
  if (!chunks.core.length || !chunks.articles.length) throw new Error(`no knowledge chunks in ${dir}/assets`);
  return chunks;
}

/** The knowledge exactly as built into the app (content may have moved on since), every article whole. */
export type BuiltKnowledge = KnowledgeCore & { articles: ShownArticle[] };

export async function builtKnowledge(dir = DIST): Promise<BuiltKnowledge> {
  const load = async <T>(file: string) =>
    ((await import(pathToFileURL(join(dir, file)).href)) as { default: T }).default;
  const chunks = knowledgeChunks(dir);
  const core = joinParts(await Promise.all(chunks.core.map((f) => load<CorePart>(f)))) as KnowledgeCore;
  const details = (await Promise.all(chunks.articles.map((f) => load<ArticleShard>(f)))).flat();
  const articles = core.search.docs.map((doc, i) => {
    const { id, title, product, kind, summary } = doc;
    return { ...details[i]!, id, title, product, kind, summary };
  });
  return { ...core, articles };
}

/** The service worker's limit (workbox's maximumFileSizeToCacheInBytes): a bigger file is silently not precached. */
export const PRECACHE_LIMIT = 2 * 2 ** 20;

/** Entry scripts and modulepreloads of index.html, then every static import they make, transitively. */
export function initialJavaScript(dir = DIST): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const entries = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="\.\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.\/([^"]+)"/g),
  ].map((m) => m[1]!);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    // Static `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"`; never `import("./x.js")`.
    for (const m of code.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
      visit(posix.normalize(posix.join(posix.dirname(file), m[1]!)));
    }
  };
  entries.forEach(visit);
  return [...seen];
}

/** The URLs the service worker precaches, read from the generated sw.js. */
export function precacheUrls(dir = DIST): string[] {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  return [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]!);
}

/** A problem article with several causes and at least one command to copy. */
export function richProblem(kb: BuiltKnowledge) {
  const found = kb.articles.find(
    (a) => a.kind === 'problem' && a.causes.length >= 3 && a.causes.some((c) => c.fix.some((s) => s.command)),
  );
  if (!found) throw new Error('no problem article with 3+ causes and a command');
  return found;
}

/** The app has painted its shell and loaded the knowledge (the footer shows the content date). */
export async function waitForGuide(page: Page): Promise<void> {
  await page.locator('.sf-footer time').waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it stands. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
