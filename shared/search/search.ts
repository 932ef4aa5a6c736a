/**
 * Knowledge search: detection first (a pasted error goes straight to its article), then
 * fuse.js per query token over short fields, combined by how much of the query each
 * article answers. The verdict `confident` says whether the top result is a real answer.
 *
 * Cost follows the words a query matches, not the size of the knowledge base: the prebuilt
 * token index (token-index.ts) finds each token's exact, prefix and typo words and their
 * articles, and fuse.js scores only the few candidates that can still reach the top, in
 * best-first order of an upper bound of their score (exact: same results as scoring all).
 * fuse.js's records are made at runtime from `search.docs` (no index ships), and what one
 * query worked out per token carries over to the next, which typing mostly repeats.
 */
import { Detector } from '../detect/detector';
import { foldString } from '../detect/fold';
import type { Finding } from '../detect/detector';
import type { Article, KnowledgeBundle, Product, SearchDoc } from '../kb/types';
import { FUSE_KEYS, FUSE_OPTIONS, MAX_PHRASE_LENGTH, MAX_TOKENS, MAX_TOKEN_LENGTH, STOPWORDS } from './config';
import { markSpans, snippetOf, tokenMatcher } from './highlight';
import type { Range, WordTest } from './highlight';
import { FuseRanker } from './fuse-ranker';
import type { PreparedPattern } from './fuse-ranker';
import { BODY, FIELD, TITLE, TokenIndex, buildTokenIndex } from './token-index';
import { cleanQuery, typoBudget, wordMatches, wordSpans, words } from './text';
import type { WordSpan } from './text';

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
type SearchableBundle = Pick<KnowledgeBundle, 'signatures' | 'search'> & Partial<Pick<KnowledgeBundle, 'articles'>>;

/** How well a vocabulary word answers a query token. */
const EXACT = 1;
const PREFIX = 0.9;
const LONG_TYPO = 0.8;
const SHORT_TYPO = 0.5;
/** A word found only in a body or a fix step counts less than one in a title or alias. */
const BODY_ONLY = 0.75;
/** Share of the query an article must answer for the verdict "confident". */
const CONFIDENT_COVERAGE = 0.7;
/** fuse.js score under which a whole-phrase hit lifts every token. */
const PHRASE_LIFT = 0.1;
/**
 * Candidates measured (~5 µs per article and pattern on the test machine) and scored by
 * fuse.js (~3 µs per article and pattern, on windows of its values) per query at most. Never reached on a knowledge base of a few hundred
 * articles; at 10,000, common words tie thousands of candidates within rounding.
 */
const MEASURE_BUDGET = 256;
const SCORE_BUDGET = 96;
// Refinement levels of a candidate's score, each an upper bound of the next.
/** Every term exact but fuse.js's, bounded by the share of tokens it may credit. */
const BOUND_FUSE = 0;
/** fuse.js's part bounded by measuring each value (fuse-ranker.ts). */
const BOUND_MEASURED = 1;
const EXACT_SCORE = 2;

interface QueryContext {
  query: string;
  tokens: string[];
  /** Per candidate row, per token: 0 (absent) .. 1 (exact word in a short field). */
  quality: number[];
  prepared: PreparedPattern[];
  phrase: PreparedPattern | undefined;
}

/** What a query token needs from the vocabulary, worked out once per token. */
interface TokenWork {
  /** Vocabulary words answering the token, with their quality (exact, prefix, typo). */
  answers: Map<number, number>;
  /** Vocabulary words `wordMatches` accepts: highlighted, and counted in titles. */
  shown: number[];
}

/** A shown word with its index in the vocabulary (-1 if not in it). */
interface IndexedSpan extends WordSpan {
  id: number;
}

/** Work kept from one query to the next, by token and by pattern. */
interface Reuse {
  work: Map<string, TokenWork>;
  patterns: Map<string, PreparedPattern>;
}

interface ShownSpans {
  title: IndexedSpan[];
  symptom: IndexedSpan[];
  summary: IndexedSpan[];
}

/** Articles whose shown words are kept: ~1 KB each, a few pages of results while typing. */
const SHOWN_CACHE = 512;

interface Candidate {
  doc: number;
  /** Row of this candidate in the query's quality table. */
  slot: number;
  level: number;
  /** Upper bound of the score at `level`, the score itself at EXACT_SCORE. */
  key: number;
  coverage: number;
  answersAll: number;
  /** Upper bound of the fuse term: the share of tokens fuse.js may credit. */
  fuseBound: number;
  inTitle: number;
  focus: number;
  /** 0.2 when the whole query is one of the article's aliases. */
  alias: number;
  /** Lower bound of fuse.js's score of the whole phrase: NaN until measured, 1 if no phrase. */
  phrase: number;
  /** Per token, lower bound of fuse.js's score: NaN until measured. */
  measured: number[] | undefined;
  /** Tokens the article answers, least well answered first: the order they are measured in. */
  order?: number[];
}

export class KnowledgeSearch {
  private readonly docs: readonly SearchDoc[];
  private readonly detector: Detector;
  private readonly docIndex = new Map<string, number>();
  private readonly tokens: TokenIndex;
  /** fuse.js over records made from the candidates being scored. */
  private readonly ranker: FuseRanker;
  /** Title words of each document as vocabulary indexes, with repeats, made on first use. */
  private readonly titleWords: (number[] | undefined)[];
  /** Query scratch: document → row in the quality table, -1 when not a candidate. */
  private readonly slotOf: Int32Array;
  /** Query scratch: 1 for the vocabulary words answering a token (`wordMatches`), else 0. */
  private readonly answering: Uint8Array;
  /** Most recently shown last: see `spansOf`. */
  private readonly shown = new Map<number, ShownSpans>();
  /** Folded alias → documents: a query that is exactly an alias ("EAS", "F5") names its article. */
  private aliasDocs?: Map<string, number[]>;
  /**
   * The previous query's token work and measured patterns, and the current one's. Typing
   * extends the previous query, so all its tokens but the last come back, and what was
   * measured of each article for them still holds (it depends on the pattern alone).
   */
  private previous: Reuse = { work: new Map(), patterns: new Map() };
  private current: Reuse = { work: new Map(), patterns: new Map() };

  constructor(bundle: SearchableBundle, detector?: Detector) {
    this.docs = bundle.search.docs;
    this.ranker = new FuseRanker(this.docs, { ...FUSE_OPTIONS, keys: FUSE_KEYS });
    this.detector = detector ?? new Detector(bundle.signatures);
    this.docs.forEach((d, i) => this.docIndex.set(d.id, i));
    this.tokens = new TokenIndex(bundle.search.tokens ?? buildTokenIndex(this.docs, bundle.articles ?? []));
    this.titleWords = new Array<number[] | undefined>(this.docs.length);
    this.slotOf = new Int32Array(this.docs.length).fill(-1);
    this.answering = new Uint8Array(this.tokens.words.length);
  }

  search(rawQuery: string, options: SearchOptions = {}): SearchResponse {
    try {
      return this.run(rawQuery, options);
    } finally {
      this.previous = this.current;
      this.current = { work: new Map(), patterns: new Map() };
    }
  }

  private run(rawQuery: string, options: SearchOptions): SearchResponse {
    const query = cleanQuery(rawQuery);
    if (!query) return { query, confident: false, results: [], findings: [] };
    const tokens = significantTokens(query);
    const work = tokens.map((t) => this.tokenWork(t));
    for (const w of work) for (const word of w.shown) this.answering[word] = 1;
    try {
      return this.answer(query, tokens, work, options);
    } finally {
      for (const w of work) for (const word of w.shown) this.answering[word] = 0;
    }
  }

  private answer(query: string, tokens: string[], work: TokenWork[], options: SearchOptions): SearchResponse {
    const limit = Math.max(1, Math.min(options.limit ?? 10, 100));
    const products = options.product === undefined ? undefined : new Set([options.product].flat());
    const allowed = (doc: SearchDoc) => !products || products.has(doc.product);
    const findings = query.length >= 4 ? this.detector.find(query, { maxFindings: 50 }) : [];
    const results: SearchHit[] = [];
    const seen = new Set<number>();
    const fallback = tokenMatcher(tokens);
    // Shown words are vocabulary words but for an older bundle's: those are checked as text.
    const matches: WordTest<IndexedSpan> = (span) => (span.id >= 0 ? this.answering[span.id] === 1 : fallback(span));

    // Detected error strings first, most certain first, then in order of appearance.
    const detected = [...findings].sort((a, b) => b.confidence - a.confidence || a.start - b.start);
    for (const f of detected) {
      const i = this.docIndex.get(f.article);
      if (i === undefined || seen.has(i) || !allowed(this.docs[i]!)) continue;
      seen.add(i);
      results.push(this.hit(i, f.confidence, 'signature', matches));
      if (results.length >= limit) break;
    }
    const confidentByDetection = results.length > 0;
    if (results.length >= limit) return { query, confident: true, results: results.slice(0, limit), findings };

    const eligible = (doc: number) => !seen.has(doc) && allowed(this.docs[doc]!);
    const ranked = this.rankFuzzy(query, tokens, work, limit - results.length, eligible);
    for (const c of ranked) results.push(this.hit(c.doc, round(c.key), 'fuzzy', matches));

    const top = ranked[0];
    const confident = confidentByDetection || (top !== undefined && top.coverage >= CONFIDENT_COVERAGE);
    return { query, confident, results: results.slice(0, limit), findings };
  }

  /**
   * Vocabulary words answering a token, with their quality (exact, prefix, typo), and the
   * words `wordMatches` accepts, from one walk of the token index.
   */
  private tokenWork(token: string): TokenWork {
    let work = this.current.work.get(token) ?? this.previous.work.get(token);
    if (!work) {
      const answers = new Map<number, number>();
      const shown = new Set<number>();
      const exact = this.tokens.find(token);
      const known = exact >= 0;
      if (known) {
        answers.set(exact, EXACT);
        shown.add(exact);
      }
      if (token.length >= 2) {
        this.tokens.forEachPrefixed(token, (w) => {
          shown.add(w);
          if (token.length >= 3 && (answers.get(w) ?? 0) < PREFIX) answers.set(w, PREFIX);
        });
      }
      const budget = typoBudget(token.length);
      if (budget > 0) {
        const q = token.length >= 7 ? LONG_TYPO : SHORT_TYPO;
        this.tokens.forEachTypo(token, budget, (w) => {
          // A correctly spelt word is not a typo of its neighbours ("token" is not "toner").
          if (!known && (answers.get(w) ?? 0) < q) answers.set(w, q);
          // wordMatches allows the typos of the shorter word: never more than the token's own.
          if (!shown.has(w) && wordMatches(this.tokens.words[w]!, token)) shown.add(w);
        });
      }
      work = { answers, shown: [...shown] };
    }
    this.current.work.set(token, work);
    return work;
  }

  /** A pattern for fuse.js, with what the previous query measured of it. */
  private pattern(text: string): PreparedPattern {
    const prepared = this.current.patterns.get(text) ?? this.previous.patterns.get(text) ?? this.ranker.prepare(text);
    this.current.patterns.set(text, prepared);
    return prepared;
  }

  /**
   * The best `need` eligible candidates, best first, with their exact scores. A candidate is
   * any article holding a word that answers a token. Everything but fuse.js's part of the
   * score comes from the token index; fuse.js's part is bounded, then measured (Myers, see
   * fuse-ranker.ts), then asked of fuse.js, each only while the candidate can reach the top.
   */
  private rankFuzzy(
    query: string,
    tokens: string[],
    work: TokenWork[],
    need: number,
    eligible: (doc: number) => boolean,
  ): Candidate[] {
    const width = tokens.length;
    if (!width) return [];
    const slotOf = this.slotOf;
    const slots: number[] = [];
    try {
      const quality: number[] = [];
      const raise = (doc: number, t: number, q: number) => {
        let slot = slotOf[doc]!;
        if (slot < 0) {
          slot = slots.length;
          slotOf[doc] = slot;
          slots.push(doc);
          for (let k = 0; k < width; k++) quality.push(0);
        }
        const at = slot * width + t;
        if (q > quality[at]!) quality[at] = q;
      };
      work.forEach(({ answers }, t) => {
        for (const [word, q] of answers) {
          this.tokens.forEachDoc(word, FIELD, (doc) => raise(doc, t, q));
          const bodyQ = q * BODY_ONLY;
          this.tokens.forEachDoc(word, BODY, (doc) => raise(doc, t, bodyQ));
        }
      });

      // The candidates whose title holds a word answering each token.
      const inTitle = new Uint8Array(slots.length * width);
      work.forEach(({ shown }, t) => {
        for (const word of shown) {
          if (!this.tokens.has(word, TITLE)) continue;
          this.tokens.forEachDoc(word, TITLE, (doc) => {
            const slot = slotOf[doc]!;
            if (slot >= 0) inTitle[slot * width + t] = 1;
          });
        }
      });

      const ctx: QueryContext = {
        query,
        tokens,
        quality,
        prepared: tokens.map((t) => this.pattern(t)),
        // The phrase pass only runs for typed queries; a whole-phrase hit may lift every token.
        phrase: tokens.length > 1 && query.length <= MAX_PHRASE_LENGTH ? this.pattern(query) : undefined,
      };
      const aliasOf = new Set(this.aliasIndex().get(foldString(query)) ?? []);
      const heap = new CandidateHeap();
      slots.forEach((doc, slot) => {
        if (!eligible(doc)) return;
        // Means summed in token order, as `mean` does: the same floating-point values.
        let coverage = 0;
        let answered = 0;
        let titled = 0;
        for (let t = 0, at = slot * width; t < width; t++, at++) {
          coverage += quality[at]!;
          if (quality[at]! > 0) answered++;
          titled += inTitle[at]!;
        }
        const c: Candidate = {
          doc,
          slot,
          level: BOUND_FUSE,
          key: 0,
          coverage: coverage / width,
          answersAll: answered === width ? 0.1 : 0,
          // Any token fuse.js may credit: all of them when a phrase hit may lift them.
          fuseBound: ctx.phrase ? 1 : answered / width,
          inTitle: titled / width,
          focus: titled ? this.focus(doc) : 0,
          alias: aliasOf.has(doc) ? 0.2 : 0,
          phrase: ctx.phrase ? NaN : 1,
          measured: undefined,
        };
        c.key = score(c, c.fuseBound);
        heap.add(c);
      });
      heap.heapify();

      // Best first: refine the candidate with the highest bound; an exact score on top is final.
      // Measured candidates wait aside until there are enough to fill the page, then fuse.js
      // scores them together: one call per token for the lot, not per article (fuse.js costs
      // ~10 µs a call before any matching). Nothing is final while some wait aside.
      // Past a budget of work, candidates not yet measured drop out and measured ones keep
      // their (tight) bound: exact on a small knowledge base, bounded time on a large one.
      const top: Candidate[] = [];
      const waiting: Candidate[] = [];
      let measured = 0;
      let scored = 0;
      while (top.length < need) {
        const best = heap.peek();
        if (waiting.length && (!best || best.level === EXACT_SCORE || waiting.length >= need - top.length)) {
          if (scored >= SCORE_BUDGET) for (const c of waiting) c.level = EXACT_SCORE;
          else this.fuseScores(waiting, ctx);
          scored += waiting.length;
          for (const c of waiting) heap.push(c);
          waiting.length = 0;
          continue;
        }
        if (!best) break;
        heap.pop();
        if (best.level === EXACT_SCORE) top.push(best);
        else if (best.level === BOUND_MEASURED) waiting.push(best);
        else if (best.measured || measured++ < MEASURE_BUDGET) {
          this.measure(best, ctx, heap.peek());
          heap.push(best);
        }
      }
      return top;
    } finally {
      for (const doc of slots) slotOf[doc] = -1;
    }
  }

  /** Share of the title's words answering some token: "Enterprise activation" over a long symptom. */
  private focus(doc: number): number {
    const ids = (this.titleWords[doc] ??= words(this.docs[doc]!.title).map((w) => this.tokens.find(w)));
    let answering = 0;
    for (const w of ids) if (w >= 0 && this.answering[w] === 1) answering++;
    return ids.length ? answering / ids.length : 0;
  }

  private aliasIndex(): Map<string, number[]> {
    if (!this.aliasDocs) {
      const map = new Map<string, number[]>();
      this.docs.forEach((d, i) => {
        for (const alias of new Set(d.aliases.map(foldString))) {
          const list = map.get(alias);
          if (list) list.push(i);
          else map.set(alias, [i]);
        }
      });
      this.aliasDocs = map;
    }
    return this.aliasDocs;
  }

  /**
   * Tightens the fuse bound with lower bounds of fuse.js's scores (fuse-ranker.ts), until the
   * candidate falls behind `next`, the best other one, or all is measured: first whether the
   * whole phrase can lift every token (it does only under 0.1: measured only until that is
   * settled), then the tokens least likely to be credited (body-only words) first.
   */
  private measure(c: Candidate, ctx: QueryContext, next: Candidate | undefined): void {
    const width = ctx.tokens.length;
    const measured = (c.measured ??= new Array<number>(width).fill(NaN));
    if (Number.isNaN(c.phrase)) {
      c.phrase = this.ranker.lowerBound(c.doc, ctx.phrase!, PHRASE_LIFT);
      this.rebound(c, ctx);
      if (next && before(next, c)) return;
    }
    if (!c.order) {
      const row = c.slot * width;
      c.order = [];
      for (let t = 0; t < width; t++) if (ctx.quality[row + t]! > 0) c.order.push(t);
      c.order.sort((a, b) => ctx.quality[row + a]! - ctx.quality[row + b]! || a - b);
    }
    for (const t of c.order) {
      // Each token all the way: stopping part-way to let `next` ahead (as the phrase does)
      // made near-equal candidates take turns, which cost more than it saved.
      measured[t] = this.ranker.lowerBound(c.doc, ctx.prepared[t]!);
      this.rebound(c, ctx);
      if (next && before(next, c)) return;
    }
    c.level = BOUND_MEASURED;
  }

  /** The candidate's fuse bound and key from what is measured so far. */
  private rebound(c: Candidate, ctx: QueryContext): void {
    const width = ctx.tokens.length;
    const row = c.slot * width;
    const lift = Number.isNaN(c.phrase) ? 0 : c.phrase < PHRASE_LIFT ? c.phrase : 1;
    // Credit 1 - f per token: f is at least its own bound (0 until measured, 1 for a token
    // with no word in the article) or, where the phrase may lift it, the phrase's bound.
    let credit = 0;
    for (let t = 0; t < width; t++) {
      const lb = c.measured?.[t];
      const f = ctx.quality[row + t]! > 0 ? (lb === undefined || Number.isNaN(lb) ? 0 : lb) : 1;
      credit += 1 - Math.min(f, lift);
    }
    c.fuseBound = credit / width;
    c.key = score(c, c.fuseBound);
  }

  /** fuse.js ranks the batch: weighted fields, typo-tolerant, per token, then the whole phrase. */
  private fuseScores(batch: Candidate[], ctx: QueryContext): void {
    const width = ctx.tokens.length;
    const fuse = new Map(batch.map((c) => [c.doc, ctx.tokens.map(() => 1)]));
    ctx.prepared.forEach((prepared, t) => {
      const docs = batch.filter((c) => ctx.quality[c.slot * width + t]! > 0).map((c) => c.doc);
      for (const [doc, s] of this.ranker.scores(prepared, docs)) {
        const f = fuse.get(doc)!;
        f[t] = Math.min(f[t]!, s);
      }
    });
    if (ctx.phrase) {
      // Only where the phrase may score under the lift threshold can it change anything.
      const lifted = batch.filter((c) => c.phrase < PHRASE_LIFT).map((c) => c.doc);
      for (const [doc, s] of this.ranker.scores(ctx.phrase, lifted)) {
        // A whole-phrase hit is the strongest evidence of all: let it lift every token.
        if (s < PHRASE_LIFT)
          fuse.set(
            doc,
            fuse.get(doc)!.map((f) => Math.min(f, s)),
          );
      }
    }
    for (const c of batch) {
      c.level = EXACT_SCORE;
      c.key = score(c, mean(fuse.get(c.doc)!.map((f) => 1 - f)));
    }
  }

  /** Words of the fields a hit shows, kept for the last few hundred articles shown. */
  private spansOf(doc: number): ShownSpans {
    let spans = this.shown.get(doc);
    if (spans) this.shown.delete(doc);
    else {
      const d = this.docs[doc]!;
      // A literal, not a spread: V8 gives spread copies shapes that made every lookup ~10× slower.
      const indexed = (text: string) =>
        wordSpans(text).map(({ word, start, end }): IndexedSpan => ({ word, start, end, id: this.tokens.find(word) }));
      spans = { title: indexed(d.title), symptom: indexed(d.symptom), summary: indexed(d.summary) };
      if (this.shown.size >= SHOWN_CACHE) this.shown.delete(this.shown.keys().next().value!);
    }
    this.shown.set(doc, spans);
    return spans;
  }

  private hit(doc: number, score: number, via: SearchHit['via'], matches: WordTest<IndexedSpan>): SearchHit {
    const d = this.docs[doc]!;
    const spans = this.spansOf(doc);
    const snippet = snippetOf([d.symptom, d.summary], [spans.symptom, spans.summary], matches);
    return {
      id: d.id,
      title: d.title,
      product: d.product,
      kind: d.kind,
      score,
      snippet: snippet.text,
      titleRanges: markSpans(spans.title, matches),
      snippetRanges: snippet.ranges,
      via,
    };
  }
}

/**
 * Answering every word of the query matters most; titles and fuse's field weights order the
 * rest. With `fuse` and the candidate's current inTitle/focus (1 until known) this is an
 * upper bound of the final score: the same sum in the same order, so it holds in floating
 * point too.
 */
function score(c: Candidate, fuse: number): number {
  return 0.6 * c.coverage + c.answersAll + 0.1 * c.inTitle + 0.2 * fuse + 0.05 * c.focus + c.alias;
}

/** Max-heap of candidates by key; equal keys: lower document first (the final sort's tie-break). */
class CandidateHeap {
  private readonly items: Candidate[] = [];

  get size(): number {
    return this.items.length;
  }

  add(c: Candidate): void {
    this.items.push(c);
  }

  heapify(): void {
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  peek(): Candidate | undefined {
    return this.items[0];
  }

  push(c: Candidate): void {
    const items = this.items;
    items.push(c);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): Candidate | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length && last) {
      items[0] = last;
      this.down(0);
    }
    return top;
  }

  private down(i: number): void {
    const items = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < items.length && before(items[l]!, items[best]!)) best = l;
      if (r < items.length && before(items[r]!, items[best]!)) best = r;
      if (best === i) return;
      [items[i], items[best]] = [items[best]!, items[i]!];
      i = best;
    }
  }
}

function before(a: Candidate, b: Candidate): boolean {
  return a.key > b.key || (a.key === b.key && a.doc < b.doc);
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
