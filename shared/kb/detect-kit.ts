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
  /** The first fix steps of the likeliest cause, plain text. */
  steps: string[];
}

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
    const steps = (first?.fix ?? a.steps).slice(0, CARD_STEPS).map((s) => s.text);
    cards[a.id] = {
      id: a.id,
      title: a.title,
      product: a.product,
      kind: a.kind,
      summary: a.summary,
      cause: first?.title,
      steps,
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
