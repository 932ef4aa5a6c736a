/**
 * `import kb from 'virtual:kb'` in any entry: the compiled knowledge bundle. Content
 * problems fail the build with one `file: field: reason` line each; in dev, editing a
 * Markdown file recompiles and reloads.
 *
 * `virtual:kb/detect` is the slim part the content script needs: signatures and the card
 * text of each article, without bodies or the search index.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { KnowledgeBundle } from '../kb/types';
import { toDetectKit } from '../kb/detect-kit';
import { compileContent, formatProblem } from './compile';
import { contentDate, listMarkdown, readContent } from './read-content';

const FULL = 'virtual:kb';
const DETECT = 'virtual:kb/detect';
const RESOLVED = new Map([
  [FULL, '\0virtual:kb'],
  [DETECT, '\0virtual:kb-detect'],
]);

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

export function knowledgePlugin(options: { root: string }): Plugin {
  const contentDir = resolve(options.root, 'content');
  let cached: KnowledgeBundle | undefined;
  const bundle = () => (cached ??= buildBundle(options.root, contentDir));
  return {
    name: 'syncfix-knowledge',
    resolveId(id) {
      return RESOLVED.get(id);
    },
    load(id) {
      if (id !== RESOLVED.get(FULL) && id !== RESOLVED.get(DETECT)) return undefined;
      for (const file of listMarkdown(contentDir)) this.addWatchFile(file);
      const kb = bundle();
      return asModule(id === RESOLVED.get(FULL) ? kb : toDetectKit(kb));
    },
    watchChange(id) {
      if (id.startsWith(contentDir)) cached = undefined;
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(contentDir) || !file.endsWith('.md')) return undefined;
      cached = undefined;
      for (const id of RESOLVED.values()) {
        const mod = server.moduleGraph.getModuleById(id);
        if (mod) server.moduleGraph.invalidateModule(mod);
      }
      server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
