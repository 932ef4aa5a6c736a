/**
 * Knowledge search: detection first (a pasted error goes straight to its article), then the
 * token index picks candidates and scores them (candidates.ts), fuse.js adds its typo-tolerant
 * part for those that can still reach the top (fuzzy.ts), and ranking.ts holds the rules. The
 * verdict `confident` says whether the top result is a real answer.
 */
import { Detector } from '../detect/detector';
import type { Finding } from '../detect/detector';
import { foldString } from '../detect/fold';
import type { Article, KnowledgeBundle, Product, SearchDoc } from '../kb/types';
import { gatherCandidates, tokenWords } from './candidates';
import type { Candidate } from './candidates';
import { MAX_TOKENS, MAX_TOKEN_LENGTH, STOPWORDS } from './config';
import { fuzzyScores } from './fuzzy';
import { highlightRanges, makeSnippet } from './highlight';
import type { Range } from './highlight';
import { CONFIDENT_COVERAGE, score, upperBound } from './ranking';
import { cleanQuery, words } from './text';
import { TokenIndex, buildTokenIndex } from './token-index';

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

/** `articles` is only read when the bundle predates the shipped token index. */
type SearchableBundle = Pick<KnowledgeBundle, 'signatures' | 'search'> &
  Partial<Pick<KnowledgeBundle, 'articles' | 'detection'>>;

/** fuse.js scores candidates this many at a time, best bound first. */
const FUZZY_BATCH = 4;
/**
 * At most this many candidates per query, those with the best bounds, go to fuse.js (~25 µs
 * per article and token); the rest keep the score they have without it. fuse.js's part is a
 * fifth of the score: it orders the best candidates, it does not find them.
 */
export const FUZZY_BUDGET = 16;

interface Ranked {
  doc: number;
  score: number;
  coverage: number;
}

export class KnowledgeSearch {
  private readonly docs: readonly SearchDoc[];
  private readonly detector: Detector;
  private readonly docIndex = new Map<string, number>();
  private readonly tokens: TokenIndex;
  /** Folded alias → articles: a query that is exactly an alias ("EAS", "F5") names its article. */
  private readonly aliasDocs = new Map<string, number[]>();

  constructor(bundle: SearchableBundle, detector?: Detector) {
    this.docs = bundle.search.docs;
    this.detector = detector ?? new Detector(bundle.signatures, bundle.detection);
    this.tokens = new TokenIndex(bundle.search.tokens ?? buildTokenIndex(this.docs, bundle.articles ?? []));
    this.docs.forEach((d, i) => {
      this.docIndex.set(d.id, i);
      for (const alias of new Set(d.aliases.map(foldString))) {
        (this.aliasDocs.get(alias) ?? this.aliasDocs.set(alias, []).get(alias)!).push(i);
      }
    });
  }

  search(rawQuery: string, options: SearchOptions = {}): SearchResponse {
    const query = cleanQuery(rawQuery);
    if (!query) return { query, confident: false, results: [], findings: [] };
    const limit = Math.max(1, Math.min(options.limit ?? 10, 100));
    const products = options.product === undefined ? undefined : new Set([options.product].flat());
    const allowed = (doc: number) => !products || products.has(this.docs[doc]!.product);
    const tokens = significantTokens(query);
    const findings = query.length >= 4 ? this.detector.find(query, { maxFindings: 50 }) : [];

    // Detected error strings first, most certain first, then in order of appearance.
    const detected: number[] = [];
    for (const f of [...findings].sort((a, b) => b.confidence - a.confidence || a.start - b.start)) {
      const doc = this.docIndex.get(f.article);
      if (doc === undefined || detected.includes(doc) || !allowed(doc)) continue;
      detected.push(doc);
    }
    const results = detected.slice(0, limit).map((doc) => {
      const confidence = findings.find((f) => f.article === this.docs[doc]!.id)!.confidence;
      return this.hit(doc, confidence, 'signature', tokens);
    });
    const ranked = this.rank(query, tokens, limit - results.length, (doc) => allowed(doc) && !detected.includes(doc));
    for (const r of ranked) results.push(this.hit(r.doc, round(r.score), 'fuzzy', tokens));
    const confident = detected.length > 0 || (ranked[0]?.coverage ?? 0) >= CONFIDENT_COVERAGE;
    return { query, confident, results, findings };
  }

  /**
   * The best `need` eligible candidates, best first. Candidates are taken in order of their
   * upper bound, fuse.js scoring a batch at a time, until the page is full of scores no
   * remaining bound can beat (or the fuzzy budget is spent).
   */
  private rank(query: string, tokens: string[], need: number, eligible: (doc: number) => boolean): Ranked[] {
    if (need <= 0 || !tokens.length) return [];
    const candidates = gatherCandidates({
      index: this.tokens,
      docs: this.docs,
      tokens,
      words: tokens.map((t) => tokenWords(this.tokens, t)),
      aliasOf: new Set(this.aliasDocs.get(foldString(query)) ?? []),
      eligible,
    });
    const width = tokens.length;
    const bound = (c: Candidate) => upperBound(c.parts, c.answered / width);
    candidates.sort((a, b) => bound(b) - bound(a) || a.doc - b.doc);
    const scored: Ranked[] = [];
    let next = 0;
    for (; next < candidates.length && next < FUZZY_BUDGET; next += FUZZY_BATCH) {
      if (scored.length >= need && kthBest(scored, need) > bound(candidates[next]!)) break;
      const batch = candidates.slice(next, next + FUZZY_BATCH);
      const fuzzy = fuzzyScores(this.docs, batch, tokens);
      batch.forEach((c, i) => scored.push(ranked(c, fuzzy[i]!)));
    }
    // Past the budget, the rest keep their score without fuse.js's part.
    for (const c of candidates.slice(next)) scored.push(ranked(c, 0));
    return scored.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, need);
  }

  private hit(doc: number, relevance: number, via: SearchHit['via'], tokens: readonly string[]): SearchHit {
    const d = this.docs[doc]!;
    const snippet = makeSnippet([d.symptom, d.summary], tokens);
    return {
      id: d.id,
      title: d.title,
      product: d.product,
      kind: d.kind,
      score: relevance,
      snippet: snippet.text,
      titleRanges: highlightRanges(d.title, tokens),
      snippetRanges: snippet.ranges,
      via,
    };
  }
}

function ranked(c: Candidate, fuzzy: number): Ranked {
  return { doc: c.doc, score: score({ ...c.parts, fuzzy }), coverage: c.parts.coverage };
}

/** The `k`th highest score of the list. */
function kthBest(list: readonly Ranked[], k: number): number {
  return list
    .map((r) => r.score)
    .sort((a, b) => b - a)
    .at(k - 1)!;
}

/** Query words worth searching for: no stopwords, no duplicates, bounded in count and size. */
export function significantTokens(query: string): string[] {
  const all = words(query.length > 2000 ? query.slice(0, 2000) : query);
  const kept = all.filter((w) => !STOPWORDS.has(w) && (w.length > 1 || /\d/.test(w)));
  const unique = [...new Set((kept.length ? kept : all).map((w) => w.slice(0, MAX_TOKEN_LENGTH)))];
  return unique.slice(0, MAX_TOKENS);
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}
