/**
 * Knowledge search: detection first (a pasted error goes straight to its article), then
 * fuse.js per query token over short fields, combined by how much of the query each
 * article answers. The verdict `confident` says whether the top result is a real answer.
 */
import Fuse from 'fuse.js';
import { Detector } from '../detect/detector';
import { foldString } from '../detect/fold';
import type { Finding } from '../detect/detector';
import type { Article, KnowledgeBundle, Product, SearchDoc } from '../kb/types';
import { FUSE_KEYS, FUSE_OPTIONS, MAX_PHRASE_LENGTH, MAX_TOKENS, MAX_TOKEN_LENGTH, STOPWORDS } from './config';
import { highlightRanges, makeSnippet } from './highlight';
import type { Range } from './highlight';
import { articleWords } from './search-doc';
import { cleanQuery, editDistance, typoBudget, wordMatches, wordMatchesPrefix, words } from './text';

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

/** How well a vocabulary word answers a query token. */
const EXACT = 1;
const PREFIX = 0.9;
const LONG_TYPO = 0.8;
const SHORT_TYPO = 0.5;
/** A word found only in a body or a fix step counts less than one in a title or alias. */
const BODY_ONLY = 0.75;
/** Share of the query an article must answer for the verdict "confident". */
const CONFIDENT_COVERAGE = 0.7;

interface Candidate {
  doc: number;
  /** Per token: 0 (absent) .. 1 (exact word in a short field). */
  quality: number[];
  /** Per token: fuse.js score over the weighted short fields (0 best, 1 absent). */
  fuse: number[];
}

export class KnowledgeSearch {
  private readonly fuse: Fuse<SearchDoc>;
  private readonly docs: readonly SearchDoc[];
  private readonly detector: Detector;
  private readonly docIndex = new Map<string, number>();
  /** Folded word → documents holding it in a short field (title, aliases, signatures...). */
  private readonly fieldWordDocs = new Map<string, number[]>();
  /** Folded word → documents holding it only in their body or steps. */
  private readonly bodyWordDocs = new Map<string, number[]>();
  private readonly titleWords: string[][];
  /** Folded aliases per doc: a query that is exactly an alias ("EAS", "F5") names its article. */
  private readonly aliasSets: Set<string>[];

  constructor(bundle: SearchableBundle, detector?: Detector) {
    this.docs = bundle.search.docs;
    const index = Fuse.parseIndex<SearchDoc>(bundle.search.index as unknown as Parameters<typeof Fuse.parseIndex>[0]);
    this.fuse = new Fuse(this.docs, { ...FUSE_OPTIONS, keys: FUSE_KEYS as unknown as string[] }, index);
    this.detector = detector ?? new Detector(bundle.signatures);
    this.docs.forEach((d, i) => this.docIndex.set(d.id, i));
    const byId = new Map(bundle.articles.map((a) => [a.id, a]));
    const add = (map: Map<string, number[]>, word: string, doc: number) => {
      const list = map.get(word);
      if (list) list.push(doc);
      else map.set(word, [doc]);
    };
    this.titleWords = this.docs.map((d) => words(d.title));
    this.aliasSets = this.docs.map((d) => new Set(d.aliases.map(foldString)));
    this.docs.forEach((doc, i) => {
      const fields = new Set(
        words(
          [doc.title, doc.aliases.join(' '), doc.signatures.join(' '), doc.symptom, doc.summary, doc.keywords].join(
            ' ',
          ),
        ),
      );
      for (const w of fields) add(this.fieldWordDocs, w, i);
      const article = byId.get(doc.id);
      if (!article) return;
      for (const w of new Set(words(articleWords(article)))) if (!fields.has(w)) add(this.bodyWordDocs, w, i);
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
      .map((c) => ({ c, ...this.assess(c, tokens, foldString(query)) }))
      .sort((a, b) => b.score - a.score || a.c.doc - b.c.doc);
    for (const { c, score } of ranked) results.push(this.hit(c.doc, tokens, round(score), 'fuzzy'));

    const top = ranked[0];
    const confident = confidentByDetection || (top !== undefined && top.coverage >= CONFIDENT_COVERAGE);
    return { query, confident, results: results.slice(0, limit), findings };
  }

  /** Vocabulary words answering a token, with their quality (exact, prefix, typo). */
  private vocabularyMatches(token: string): Map<string, number> {
    const out = new Map<string, number>();
    const known = this.fieldWordDocs.has(token) || this.bodyWordDocs.has(token);
    const budget = typoBudget(token.length);
    for (const vocabulary of [this.fieldWordDocs, this.bodyWordDocs]) {
      for (const word of vocabulary.keys()) {
        let q = 0;
        if (word === token) q = EXACT;
        else if (token.length >= 3 && wordMatchesPrefix(word, token)) q = PREFIX;
        // A correctly spelt word is not a typo of its neighbours ("token" is not "toner").
        else if (!known && budget > 0 && editDistance(word, token, budget) <= budget) {
          q = token.length >= 7 ? LONG_TYPO : SHORT_TYPO;
        }
        if (q > (out.get(word) ?? 0)) out.set(word, q);
      }
    }
    return out;
  }

  private rankFuzzy(query: string, tokens: string[]): Candidate[] {
    const candidates = new Map<number, Candidate>();
    const get = (doc: number) => {
      let c = candidates.get(doc);
      if (!c) {
        c = { doc, quality: tokens.map(() => 0), fuse: tokens.map(() => 1) };
        candidates.set(doc, c);
      }
      return c;
    };
    tokens.forEach((token, t) => {
      for (const [word, q] of this.vocabularyMatches(token)) {
        for (const doc of this.fieldWordDocs.get(word) ?? []) {
          const c = get(doc);
          c.quality[t] = Math.max(c.quality[t]!, q);
        }
        for (const doc of this.bodyWordDocs.get(word) ?? []) {
          const c = get(doc);
          c.quality[t] = Math.max(c.quality[t]!, q * BODY_ONLY);
        }
      }
    });
    if (!candidates.size) return [];
    // fuse.js ranks the candidates: weighted fields, typo-tolerant, per token.
    tokens.forEach((token, t) => {
      for (const r of this.fuse.search(token)) {
        const c = candidates.get(r.refIndex);
        if (c && c.quality[t]! > 0) c.fuse[t] = Math.min(c.fuse[t]!, r.score ?? 1);
      }
    });
    if (tokens.length > 1 && query.length <= MAX_PHRASE_LENGTH) {
      for (const r of this.fuse.search(query)) {
        const c = candidates.get(r.refIndex);
        // A whole-phrase hit is the strongest evidence of all: let it lift every token.
        if (c && (r.score ?? 1) < 0.1) c.fuse = c.fuse.map((f) => Math.min(f, r.score ?? 1));
      }
    }
    return [...candidates.values()];
  }

  private assess(c: Candidate, tokens: string[], folded: string): { score: number; coverage: number } {
    const coverage = mean(c.quality);
    const titleWords = this.titleWords[c.doc]!;
    const inTitle = mean(tokens.map((t) => (titleWords.some((w) => wordMatches(w, t)) ? 1 : 0)));
    // Among equals, the title most about the query wins: "Enterprise activation" over a long symptom.
    const focus = titleWords.length
      ? titleWords.filter((w) => tokens.some((t) => wordMatches(w, t))).length / titleWords.length
      : 0;
    const fuse = mean(c.fuse.map((f) => 1 - f));
    // Answering every word of the query matters most; titles and fuse's field weights order the rest.
    const answersAll = c.quality.every((q) => q > 0) ? 0.1 : 0;
    const alias = this.aliasSets[c.doc]!.has(folded) ? 0.2 : 0;
    return { score: 0.6 * coverage + answersAll + 0.1 * inTitle + 0.2 * fuse + 0.05 * focus + alias, coverage };
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

function mean(values: number[]): number {
  return values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : 0;
}
function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}
