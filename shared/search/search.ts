/**
 * Knowledge search: detection first (a pasted error goes straight to its article), then
 * fuse.js per query token over short fields, combined by how much of the query each
 * article answers. The verdict `confident` says whether the top result is a real answer.
 */
import Fuse from 'fuse.js';
import type { FuseIndexRecords } from 'fuse.js';
import { Detector } from '../detect/detector';
import type { Finding } from '../detect/detector';
import type { Article, KnowledgeBundle, Product, SearchDoc } from '../kb/types';
import { FUSE_KEYS, FUSE_OPTIONS, MAX_PHRASE_LENGTH, MAX_TOKENS, MAX_TOKEN_LENGTH, STOPWORDS } from './config';
import { highlightRanges, makeSnippet } from './highlight';
import type { Range } from './highlight';
import { articleWords } from './search-doc';
import { cleanQuery, words } from './text';

export type { Range } from './highlight';

export interface SearchOptions {
  product?: Product | readonly Product[];
  limit?: number;
}

export interface SearchHit {
  id: string;
  title: string;
  product: Product;
  kind: Article['kind'];
  /** Relevance, 0..1, higher is better. */
  score: number;
  snippet: string;
  titleRanges: Range[];
  snippetRanges: Range[];
  /** `signature`: the query contains a known error string of this article. */
  via: 'signature' | 'fuzzy';
}

export interface SearchResponse {
  query: string;
  confident: boolean;
  results: SearchHit[];
  /** Known error strings found in the query itself. */
  findings: Finding[];
}

type SearchableBundle = Pick<KnowledgeBundle, 'articles' | 'signatures' | 'search'>;

/** Below this, a token's fuse score counts as "the article answers this word". */
const TOKEN_MATCH = 0.34;
const WORD_IN_BODY_SCORE = 0.3;

interface Candidate {
  doc: number;
  tokenScores: number[];
  phrase: number;
}

export class KnowledgeSearch {
  private readonly fuse: Fuse<SearchDoc>;
  private readonly docs: readonly SearchDoc[];
  private readonly detector: Detector;
  private readonly docIndex = new Map<string, number>();
  /** Folded word → documents holding it anywhere (bodies and steps included). */
  private readonly wordDocs = new Map<string, number[]>();

  constructor(bundle: SearchableBundle, detector?: Detector) {
    this.docs = bundle.search.docs;
    const index = Fuse.parseIndex<SearchDoc>(bundle.search.index as { keys: []; records: FuseIndexRecords });
    this.fuse = new Fuse(this.docs, { ...FUSE_OPTIONS, keys: FUSE_KEYS as unknown as string[] }, index);
    this.detector = detector ?? new Detector(bundle.signatures);
    this.docs.forEach((d, i) => this.docIndex.set(d.id, i));
    const byId = new Map(bundle.articles.map((a) => [a.id, a]));
    this.docs.forEach((doc, i) => {
      const article = byId.get(doc.id);
      const text = [doc.title, doc.aliases.join(' '), doc.signatures.join(' '), doc.symptom, doc.summary, doc.keywords];
      if (article) text.push(articleWords(article));
      for (const w of new Set(words(text.join(' ')))) {
        const list = this.wordDocs.get(w);
        if (list) list.push(i);
        else this.wordDocs.set(w, [i]);
      }
    });
  }

  search(rawQuery: string, options: SearchOptions = {}): SearchResponse {
    const query = cleanQuery(rawQuery);
    const limit = Math.max(1, Math.min(options.limit ?? 10, 100));
    const products = options.product === undefined ? undefined : new Set([options.product].flat());
    const allowed = (doc: SearchDoc) => !products || products.has(doc.product);
    if (!query) return { query, confident: false, results: [], findings: [] };

    const findings = query.length >= 4 ? this.detector.find(query, { maxFindings: 50 }) : [];
    const tokens = significantTokens(query);
    const results: SearchHit[] = [];
    const seen = new Set<number>();

    // Detected error strings first, most certain first, then in order of appearance.
    const detected = [...findings].sort((a, b) => b.confidence - a.confidence || a.start - b.start);
    for (const f of detected) {
      const i = this.docIndex.get(f.article);
      if (i === undefined || seen.has(i) || !allowed(this.docs[i]!)) continue;
      seen.add(i);
      results.push(this.hit(i, tokens, f.confidence, 'signature'));
    }
    const confidentByDetection = results.length > 0;

    const ranked = this.rankFuzzy(query, tokens)
      .filter((c) => !seen.has(c.doc) && allowed(this.docs[c.doc]!))
      .map((c) => ({ c, ...assess(c) }))
      .sort((a, b) => a.cost - b.cost || a.c.doc - b.c.doc);
    for (const { c, cost } of ranked) results.push(this.hit(c.doc, tokens, round(1 - cost), 'fuzzy'));

    const top = ranked[0];
    const confident = confidentByDetection || (top !== undefined && top.coverage >= 0.75 && top.cost <= 0.4);
    return { query, confident, results: results.slice(0, limit), findings };
  }

  private rankFuzzy(query: string, tokens: string[]): Candidate[] {
    const candidates = new Map<number, Candidate>();
    const get = (doc: number) => {
      let c = candidates.get(doc);
      if (!c) {
        c = { doc, tokenScores: tokens.map(() => 1), phrase: 1 };
        candidates.set(doc, c);
      }
      return c;
    };
    if (tokens.length > 1 && query.length <= MAX_PHRASE_LENGTH) {
      for (const r of this.fuse.search(query)) get(r.refIndex).phrase = r.score ?? 1;
    }
    tokens.forEach((token, t) => {
      for (const r of this.fuse.search(token)) {
        const c = get(r.refIndex);
        c.tokenScores[t] = Math.min(c.tokenScores[t]!, r.score ?? 1);
      }
      // Exact words in bodies and steps count, a little less than a hit in a short field.
      for (const doc of this.wordDocs.get(token) ?? []) {
        const c = get(doc);
        c.tokenScores[t] = Math.min(c.tokenScores[t]!, WORD_IN_BODY_SCORE);
      }
    });
    return [...candidates.values()];
  }

  private hit(doc: number, tokens: string[], score: number, via: SearchHit['via']): SearchHit {
    const d = this.docs[doc]!;
    const snippet = makeSnippet([d.symptom, d.summary], tokens);
    return {
      id: d.id,
      title: d.title,
      product: d.product,
      kind: d.kind,
      score,
      snippet: snippet.text,
      titleRanges: highlightRanges(d.title, tokens),
      snippetRanges: snippet.ranges,
      via,
    };
  }
}

/** Query words worth searching for: no stopwords, no duplicates, bounded in count and size. */
export function significantTokens(query: string): string[] {
  const all = words(query.length > 2000 ? query.slice(0, 2000) : query);
  const kept = all.filter((w) => !STOPWORDS.has(w) && (w.length > 1 || /\d/.test(w)));
  const unique = [...new Set((kept.length ? kept : all).map((w) => w.slice(0, MAX_TOKEN_LENGTH)))];
  return unique.slice(0, MAX_TOKENS);
}

function assess(c: Candidate): { cost: number; coverage: number } {
  const n = c.tokenScores.length || 1;
  const matched = c.tokenScores.filter((s) => s <= TOKEN_MATCH).length;
  const coverage = c.tokenScores.length ? matched / n : c.phrase <= TOKEN_MATCH ? 1 : 0;
  const mean = c.tokenScores.reduce((sum, s) => sum + s, 0) / n;
  const cost = 0.5 * (1 - coverage) + 0.3 * mean + 0.2 * (c.tokenScores.length > 1 ? c.phrase : mean);
  return { cost, coverage };
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}
