/**
 * `import kb from 'virtual:kb'` in any entry: the compiled knowledge bundle. Content
 * problems fail the build with one `file: field: reason` line each; in dev, editing a
 * Markdown file recompiles and reloads.
 *
 * `virtual:kb/detect` is the slim part the content script needs: signatures and the card
 * text of each article, without bodies or the search index.
 *
 * `virtual:kb/split` is the same knowledge cut for the PWA (see shared/kb/split.ts): import
 * thunks of the core parts (`virtual:kb/part/<n>`) and of the article shards
 * (`virtual:kb/articles/<n>`), each its own chunk and none near the 2 MiB precache limit.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { KnowledgeBundle } from '../kb/types';
import { toDetectKit } from '../kb/detect-kit';
import { splitKnowledge } from '../kb/split';
import type { SplitKnowledge } from '../kb/split';
import { compileContent, formatProblem } from './compile';
import { contentDate, listMarkdown, readContent } from './read-content';

const PREFIX = 'virtual:kb';
const FULL = 'virtual:kb';
const DETECT = 'virtual:kb/detect';
const SPLIT = 'virtual:kb/split';
const PART = /^virtual:kb\/part\/(\d+)$/;
const SHARD = /^virtual:kb\/articles\/(\d+)$/;

/** The precache limit of the PWA's service worker (workbox's default): no knowledge module may reach it. */
export const MAX_MODULE_BYTES = 2 * 2 ** 20;

export class ContentError extends Error {
  constructor(readonly lines: string[]) {
    super(`SyncFix content has ${lines.length} problem(s):\n${lines.join('\n')}`);
  }
}

export function buildBundle(root: string, contentDir = resolve(root, 'content')): KnowledgeBundle {
  const result = compileContent(readContent(contentDir, root), { date: contentDate(contentDir) });
  if (!result.bundle) throw new ContentError(result.problems.map(formatProblem));
  return result.bundle;
}

/** JSON.parse of a string literal loads faster than the same data as an object literal. */
function asModule(data: unknown): string {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
}

function splitModule(split: SplitKnowledge): string {
  const thunks = (kind: string, count: number) =>
    Array.from({ length: count }, (_, n) => `() => import(${JSON.stringify(`${PREFIX}/${kind}/${n}`)})`).join(',\n  ');
  return [
    `export const parts = [\n  ${thunks('part', split.parts.length)}\n];`,
    `export const shards = [\n  ${thunks('articles', split.shards.length)}\n];`,
    `export const shardStarts = ${JSON.stringify(split.shardStarts)};`,
  ].join('\n');
}

/**
 * The output file name (without hash) of a chunk that holds a split knowledge module, so the
 * build and its tests can tell them apart: `knowledge-core-<n>`, `knowledge-articles-<n>`.
 */
export function knowledgeChunkName(moduleIds: readonly string[]): string | undefined {
  for (const id of moduleIds) {
    const plain = id.replace(/^\0/, '');
    const part = PART.exec(plain);
    if (part) return `knowledge-core-${part[1]}`;
    const shard = SHARD.exec(plain);
    if (shard) return `knowledge-articles-${shard[1]}`;
    if (plain === FULL) return 'knowledge';
  }
  return undefined;
}

export function knowledgePlugin(options: { root: string }): Plugin {
  const contentDir = resolve(options.root, 'content');
  let cached: { kb: KnowledgeBundle; split?: SplitKnowledge } | undefined;
  const bundle = () => (cached ??= { kb: buildBundle(options.root, contentDir) }).kb;
  const split = () => {
    const kb = bundle();
    return (cached!.split ??= splitKnowledge(kb));
  };
  const invalidate = () => (cached = undefined);
  return {
    name: 'syncfix-knowledge',
    resolveId(id) {
      if (id === FULL || id === DETECT || id === SPLIT || PART.test(id) || SHARD.test(id)) return `\0${id}`;
      return undefined;
    },
    load(resolved) {
      if (!resolved.startsWith(`\0${PREFIX}`)) return undefined;
      const id = resolved.slice(1);
      for (const file of listMarkdown(contentDir)) this.addWatchFile(file);
      if (id === FULL) return asModule(bundle());
      if (id === DETECT) return asModule(toDetectKit(bundle()));
      if (id === SPLIT) return splitModule(split());
      const [, part] = PART.exec(id) ?? [];
      const [, shard] = SHARD.exec(id) ?? [];
      const data =
        part !== undefined ? split().parts[Number(part)] : shard !== undefined && split().shards[Number(shard)];
      if (!data) return undefined;
      const code = asModule(data);
      // splitKnowledge aims far lower; this only trips if one article or signature alone is huge.
      if (Buffer.byteLength(code) >= MAX_MODULE_BYTES) {
        this.error(`${id} is ${Buffer.byteLength(code)} bytes: the service worker would not precache it`);
      }
      return code;
    },
    watchChange(id) {
      if (id.startsWith(contentDir)) invalidate();
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(contentDir) || !file.endsWith('.md')) return undefined;
      invalidate();
      for (const mod of server.moduleGraph.idToModuleMap.values()) {
        if (mod.id?.startsWith(`\0${PREFIX}`)) server.moduleGraph.invalidateModule(mod);
      }
      server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
