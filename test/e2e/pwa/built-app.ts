/** What the PWA e2e tests share: the built app on disk, its knowledge bundle, and page helpers. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { KnowledgeBundle } from '../../../shared/kb/types';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const DIST = join(REPO, 'dist/pwa');
const AXE = join(REPO, 'node_modules/axe-core/axe.min.js');

export function assertBuilt(): void {
  if (!existsSync(join(DIST, 'index.html')) || !existsSync(join(DIST, 'sw.js'))) {
    throw new Error('dist/pwa is missing: run `npm run build:pwa` first');
  }
}

export function assetFiles(): string[] {
  return readdirSync(join(DIST, 'assets')).map((f) => `assets/${f}`);
}

export function knowledgeChunk(): string {
  const chunk = assetFiles().find((f) => /^assets\/knowledge-[\w-]+\.js$/.test(f));
  if (!chunk) throw new Error('no assets/knowledge-*.js chunk in dist/pwa');
  return chunk;
}

/** The bundle exactly as built into the app (content may have moved on since). */
export async function builtKnowledge(): Promise<KnowledgeBundle> {
  const mod = (await import(pathToFileURL(join(DIST, knowledgeChunk())).href)) as { default: KnowledgeBundle };
  return mod.default;
}

/** The URLs the service worker precaches, read from the generated sw.js. */
export function precacheUrls(): string[] {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  return [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]!);
}

/** A problem article with several causes and at least one command to copy. */
export function richProblem(kb: KnowledgeBundle) {
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
