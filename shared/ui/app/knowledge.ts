import { Detector } from '../../detect/detector';
import type { KnowledgeSource } from '../../kb/knowledge-source';
import { headerOf } from '../../kb/split';
import type { ArticleHeader, KnowledgeCore, ShownArticle } from '../../kb/split';
import type { Signature } from '../../kb/types';
import { KnowledgeSearch } from '../../search/search';

/** The core with its lookups and engines, built once; article details come from the source. */
export interface Knowledge {
  version: string;
  date: string;
  signatures: readonly Signature[];
  /** Every article's header: lists, links and id checks need nothing more. */
  headers: ReadonlyMap<string, ArticleHeader>;
  /** Old article id → the article it was merged into. */
  redirects: ReadonlyMap<string, string>;
  /** The id to open for `id`: the article that absorbed it, or `id` itself. */
  resolve(id: string): string;
  search: KnowledgeSearch;
  detector: Detector;
  /** Verbatim error strings per article id. */
  signaturesOf(id: string): string[];
  /** The whole article, once its details are in memory (see `load`); undefined before. */
  article(id: string): ShownArticle | undefined;
  /** Brings these articles' details into memory (in the PWA, their shards). */
  load(ids: readonly string[]): Promise<void>;
}

type Details = Pick<KnowledgeSource, 'detail' | 'load'>;

export function buildKnowledge(
  core: KnowledgeCore,
  details: Details,
  detector = new Detector(core.signatures, core.detection),
): Knowledge {
  const bySignature = new Map<string, string[]>();
  for (const s of core.signatures) bySignature.set(s.article, [...(bySignature.get(s.article) ?? []), s.text]);
  const headers = new Map(core.search.docs.map((d) => [d.id, headerOf(d)]));
  const redirects = new Map(Object.entries(core.redirects ?? {}));
  // One object per article, so a view re-rendering gets the same one.
  const shown = new Map<string, ShownArticle>();
  return {
    version: core.version,
    date: core.date,
    signatures: core.signatures,
    headers,
    redirects,
    resolve: (id) => (headers.has(id) ? id : (redirects.get(id) ?? id)),
    search: new KnowledgeSearch(core, detector),
    detector,
    signaturesOf: (id) => bySignature.get(id) ?? [],
    article(id) {
      const known = shown.get(id);
      if (known) return known;
      const header = headers.get(id);
      const detail = header && details.detail(id);
      if (!header || !detail) return undefined;
      const article = { ...detail, ...header };
      shown.set(id, article);
      return article;
    },
    load: (ids) => details.load(ids),
  };
}

/** The same, one engine per task, so a slow phone never sees one long task (TBT). */
export async function buildKnowledgeInSteps(core: KnowledgeCore, details: Details): Promise<Knowledge> {
  await nextTask();
  const detector = new Detector(core.signatures, core.detection);
  await nextTask();
  return buildKnowledge(core, details, detector);
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
