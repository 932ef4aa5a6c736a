import { Detector } from '../../detect/detector';
import type { Article, KnowledgeBundle } from '../../kb/types';
import { KnowledgeSearch } from '../../search/search';

/** The bundle with its lookups and engines, built once per bundle. */
export interface Knowledge {
  kb: KnowledgeBundle;
  articles: ReadonlyMap<string, Article>;
  search: KnowledgeSearch;
  detector: Detector;
  /** Verbatim error strings per article id. */
  signaturesOf(id: string): string[];
}

export function buildKnowledge(kb: KnowledgeBundle, detector = new Detector(kb.signatures)): Knowledge {
  const bySignature = new Map<string, string[]>();
  for (const s of kb.signatures) bySignature.set(s.article, [...(bySignature.get(s.article) ?? []), s.text]);
  return {
    kb,
    articles: new Map(kb.articles.map((a) => [a.id, a])),
    search: new KnowledgeSearch(kb, detector),
    detector,
    signaturesOf: (id) => bySignature.get(id) ?? [],
  };
}

/** The same, one engine per task, so a slow phone never sees one long task (TBT). */
export async function buildKnowledgeInSteps(kb: KnowledgeBundle): Promise<Knowledge> {
  await nextTask();
  const detector = new Detector(kb.signatures);
  await nextTask();
  return buildKnowledge(kb, detector);
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
