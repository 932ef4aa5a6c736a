/**
 * Knowledge search: detection first (a pasted error goes straight to its article), then the
 * token index picks candidates and scores them (candidates.ts), fuse.js adds its typo-tolerant
 * part for those that can still reach the top (fuzzy.ts), and ranking.ts holds the rules. The
 * verdict `confident` says whether the top result is a real answer.
 */
import { Detector } from '../detect/detector';
import { GENERIC_CONFIDENCE } from '../detect/detector';
import type { Finding } from '../detect/detector';
import { foldString } from '../detect/fold';
import type { Article, KnowledgeBundle, Product, SearchDoc } from '../kb/types';
import { gatherCandidates, tokenWords } from './candidates';
import type { Candidate } from './candidates';
import { MAX_TOKENS, MAX_TOKEN_LENGTH, STOPWORDS } from './config';
import { fuzzyScores } from './fuzzy';
import { highlightRanges, makeSnippet } from './highlight';
import type { Range } from './highlight';
import { CodeLookup, codeLabel } from './codes';
import { score, upperBound } from './ranking';
import { cleanQuery, words } from './text';
import { TokenIndex, buildTokenIndex } from './token-index';
import { verdict } from './verdict';
import type { VerdictInputs } from './verdict';

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
  /** `signature`: the query contains a known error string of this article; `code`: a code it claims. */
  via: 'signature' | 'code' | 'fuzzy';
}

export interface SearchResponse {
  query: string;
  /** The first result is an answer (verdict.ts). */
  confident: boolean;
  /** Why it is, or why it may not be: one sentence for the user. */
  reason: string;
  /** What the verdict was made of. */
  inputs: VerdictInputs;
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
  /** Per query token, how well this article answers it (0..1). */
  quality: readonly number[];
}

interface RankedPage {
  ranked: Ranked[];
  /** Per query token, how rare it is in the guide (0 when no article holds it). */
  rarity: number[];
}

const NO_INPUTS: VerdictInputs = { detection: 'none', answeredWeight: 0, unknownShare: 1, margin: 0, knownWords: 0 };

export class KnowledgeSearch {
  private readonly docs: readonly SearchDoc[];
  private readonly detector: Detector;
  private readonly docIndex = new Map<string, number>();
  private readonly tokens: TokenIndex;
  /** Folded alias → articles: a query that is exactly an alias ("EAS", "F5") names its article. */
  private readonly aliasDocs = new Map<string, number[]>();
  private readonly codes: CodeLookup;

  constructor(bundle: SearchableBundle, detector?: Detector) {
    this.docs = bundle.search.docs;
    this.detector = detector ?? new Detector(bundle.signatures, bundle.detection);
    this.tokens = new TokenIndex(bundle.search.tokens ?? buildTokenIndex(this.docs, bundle.articles ?? []));
    this.codes = new CodeLookup(this.docs.map((d) => d.codes ?? []));
    this.docs.forEach((d, i) => {
      this.docIndex.set(d.id, i);
      for (const alias of new Set(d.aliases.map(foldString))) {
        (this.aliasDocs.get(alias) ?? this.aliasDocs.set(alias, []).get(alias)!).push(i);
      }
    });
  }

  search(rawQuery: string, options: SearchOptions = {}): SearchResponse {
    const query = cleanQuery(rawQuery);
    if (!query) return { query, ...verdict(NO_INPUTS, false), inputs: NO_INPUTS, results: [], findings: [] };
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
    // Then the articles claiming a code the query names.
    const coded = this.codes.find(query).filter((c) => allowed(c.doc) && !detected.includes(c.doc));
    for (const c of coded.slice(0, limit - results.length)) results.push(this.hit(c.doc, 0.9, 'code', tokens));
    const taken = new Set([...detected, ...coded.map((c) => c.doc)]);
    const { ranked, rarity } = this.rank(
      query,
      tokens,
      limit - results.length,
      (doc) => allowed(doc) && !taken.has(doc),
    );
    for (const r of ranked) results.push(this.hit(r.doc, round(r.score), 'fuzzy', tokens));

    const first = findings.find((f) => f.article === results[0]?.id);
    const inputs: VerdictInputs = {
      detection: first ? (first.confidence === GENERIC_CONFIDENCE ? 'generic' : 'exact') : 'none',
      ...(results[0]?.via === 'code' && coded[0]!.decisive && { code: codeLabel(coded[0]!.key) }),
      ...wordEvidence(ranked, rarity),
    };
    return { query, ...verdict(inputs, results.length > 0), inputs, results, findings };
  }

  /**
   * The best `need` eligible candidates, best first. Candidates are taken in order of their
   * upper bound, fuse.js scoring a batch at a time, until the page is full of scores no
   * remaining bound can beat (or the fuzzy budget is spent).
   */
  private rank(query: string, tokens: string[], need: number, eligible: (doc: number) => boolean): RankedPage {
    if (need <= 0 || !tokens.length) return { ranked: [], rarity: tokens.map(() => 0) };
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
    return {
      ranked: scored.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, need),
      rarity: rarityOf(tokens.length, candidates, this.docs.length),
    };
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
  return { doc: c.doc, score: score({ ...c.parts, fuzzy }), quality: c.quality };
}

/** Per token, ln(1 + articles / articles holding it): 0 for a word no article holds. */
function rarityOf(width: number, candidates: readonly Candidate[], articles: number): number[] {
  const holding = new Array<number>(width).fill(0);
  for (const c of candidates) c.quality.forEach((q, t) => (holding[t]! += q > 0 ? 1 : 0));
  return holding.map((n) => (n ? Math.log(1 + articles / n) : 0));
}

/** The verdict's word-based inputs for the first fuzzy result (none: nothing answered). */
function wordEvidence(
  ranked: readonly Ranked[],
  rarity: readonly number[],
): Pick<VerdictInputs, 'answeredWeight' | 'unknownShare' | 'margin' | 'knownWords'> {
  const [top, second] = ranked;
  const known = rarity.reduce((sum, r) => sum + r, 0);
  const knownWords = rarity.filter((r) => r > 0).length;
  if (!top || known === 0) return { answeredWeight: 0, unknownShare: 1, margin: 0, knownWords };
  const answered = rarity.reduce((sum, r, t) => sum + r * top.quality[t]!, 0);
  return {
    answeredWeight: answered / known,
    unknownShare: rarity.filter((r) => r === 0).length / rarity.length,
    margin: top.score > 0 ? (top.score - (second?.score ?? 0)) / top.score : 0,
    knownWords,
  };
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
