import type { Article, KnowledgeBundle, Signature } from './types';

/** What an inline card shows for an article: enough to act, and a link to the rest. */
export interface CardArticle {
  id: string;
  title: string;
  product: Article['product'];
  /** A problem's string is an error; a concept's (e.g. "Services Received") is a status. */
  kind: Article['kind'];
  summary: string;
  cause?: string;
  /** The first fix steps of the likeliest cause, plain text, each with its caution when it has one. */
  steps: string[];
  /** Where the article's facts come from: title, the part used, and the site or document. */
  sources: { title: string; section?: string; where?: string }[];
}

/** Joins a step and its warning so that no card shows a destructive step without its caution. */
export const CAUTION = ' Caution: ';

/** The slim knowledge the content script ships: signatures and cards, no bodies or index. */
export interface DetectKit {
  version: string;
  signatures: Pick<Signature, 'id' | 'article' | 'text' | 'specificity' | 'context'>[];
  detection: KnowledgeBundle['detection'];
  cards: Record<string, CardArticle>;
}

const CARD_STEPS = 3;

export function toDetectKit(kb: Pick<KnowledgeBundle, 'version' | 'articles' | 'signatures' | 'detection'>): DetectKit {
  const cards: Record<string, CardArticle> = {};
  const detectable = new Set(kb.signatures.map((s) => s.article));
  for (const a of kb.articles) {
    if (!detectable.has(a.id)) continue;
    const first = a.causes[0];
    const steps = (first?.fix ?? a.steps)
      .slice(0, CARD_STEPS)
      .map((s) => (s.warning ? `${s.text}${CAUTION}${s.warning}` : s.text));
    cards[a.id] = {
      id: a.id,
      title: a.title,
      product: a.product,
      kind: a.kind,
      summary: a.summary,
      cause: first?.title,
      steps,
      sources: a.sources.map((src) => ({
        title: src.title,
        ...(src.section && { section: src.section }),
        ...((src.url ?? src.seed) && { where: src.url ? hostOf(src.url) : src.seed }),
      })),
    };
  }
  return {
    version: kb.version,
    signatures: kb.signatures.map(({ id, article, text, specificity, context }) => ({
      id,
      article,
      text,
      specificity,
      ...(context && { context }),
    })),
    detection: kb.detection,
    cards,
  };
}

function hostOf(url: string): string {
  const m = /^https?:\/\/([^/?#]+)/i.exec(url);
  return m ? m[1]! : url;
}
