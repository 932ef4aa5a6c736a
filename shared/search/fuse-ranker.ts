/**
 * fuse.js scores for a few chosen documents, without the work fuse.js would waste.
 *
 * fuse.js runs Bitap over every value of every key of a record, at every error level up to
 * its threshold: 3–5 µs per value even when nothing matches, and ~200 µs per article for a
 * 60-character phrase (two 32-character chunks, eleven levels each). A SyncFix article has
 * ~20 values (each alias is one). So before fuse.js runs, each value is measured with Myers'
 * bit-parallel edit distance (one pass, a few ns per character): the fewest errors with which
 * a pattern chunk matches anywhere in the value, and where, which is what Bitap's levels
 * search for.
 *
 * That gives, cheaply, (1) which values can match at all: fuse.js is given records holding
 * only those, and its score (a product over matching values) is unchanged; (2) where in each
 * value the best match lies: fuse.js is given the window of the value around it, which it
 * scores exactly as the whole value (see `window`); (3) a lower bound of fuse.js's score, by
 * fuse.js's own formula, so the search ranks candidates best first and asks fuse.js only
 * about those that can still reach the top. The bound is refined value by value, shortest
 * first, and only as far as the caller needs (`lowerBound`'s target): whether a phrase can
 * score under 0.1 is usually settled by a document's title and aliases. The scores used are
 * fuse.js's.
 */
import Fuse from 'fuse.js';
import type { FuseIndex, IFuseOptions } from 'fuse.js';
import type { SearchDoc } from '../kb/types';
import type { FUSE_OPTIONS } from './config';
import { charMask, popcount } from './text';

type FuseRecord = FuseIndex<SearchDoc>['records'][number];
type SubRecord = { v: string; i?: number; n?: number };
type KeySpec = { readonly name: string; readonly weight?: number };

/** Bitap works on 32-bit masks: fuse.js cuts longer patterns into chunks of 32. */
const CHUNK = 32;
/** fuse.js never scores a match better than this, except a value equal to the pattern. */
const BEST_PARTIAL = 0.001;
/**
 * Bounds are multiplied in another order than fuse.js multiplies: shaving a billionth keeps
 * them under fuse.js's own result whatever the rounding.
 */
const SAFE = 1 - 1e-9;

interface Chunk {
  text: string;
  length: number;
  /** Characters of the chunk as a 32-bit set (hashed by code & 31). */
  mask: number;
  /** Most errors a match may have: fuse.js tries level e while e / length <= threshold. */
  maxErrors: number;
  /** Myers' match masks: bit i set where the chunk's character i is c (ASCII, then others). */
  ascii: Int32Array;
  other: Map<number, number>;
}

interface Value {
  key: string;
  /** Index of the key in FUSE_KEYS order. */
  keyIndex: number;
  /** Position in the key's array, or -1 for a single value. */
  at: number;
  sub: SubRecord;
  /** As fuse.js compares it (`isCaseSensitive: false`). */
  lower: string;
  /** fuse.js's weight: the key's weight over the sum of all key weights. */
  weight: number;
  /** Characters of `lower` as a 32-bit set (hashed by code & 31). */
  mask: number;
  /** Position in fuse.js's record: fuse.js multiplies value scores in this order. */
  order: number;
}

/** A value that can match, and the window of it fuse.js is given. */
interface Match {
  value: Value;
  from: number;
  to: number;
}

interface Analysis {
  /** Values that may match (the others provably cannot), shortest first. */
  values: Value[];
  /**
   * rest[k]: product of the best factor score^weight each of values[k..] could have, from
   * its length and characters alone (a lower bound of what measuring them gives).
   */
  rest: number[];
  /** Values measured so far (a prefix of `values`). */
  measured: number;
  /** Product of score^weight over the measured values that match. */
  product: number;
  /** The measured values that match, with their windows. */
  matching: Match[];
}

/** A pattern measured once per query, with what was learnt about each document. */
export interface PreparedPattern {
  pattern: string;
  /** The pattern as fuse.js compares it. */
  lower: string;
  chunks: Chunk[];
  analysed: Map<number, Analysis>;
  /**
   * One chunk: score^weight of a value matching with e errors, at [keyIndex][e], so that
   * bounding a document costs no Math.pow per value.
   */
  factors: number[][] | undefined;
}

/** Where `fewestErrors` found its best match: the first end position (inclusive). */
let bestEnd = -1;

export class FuseRanker {
  private readonly fuse: Fuse<SearchDoc>;
  private readonly batch: FuseIndex<SearchDoc>;
  private readonly maker: FuseIndex<SearchDoc>;
  private readonly values: (Value[] | undefined)[];
  private readonly threshold: number;
  private readonly minMatch: number;
  private readonly keyWeights: number[];
  private readonly factorTables = new Map<number, number[][]>();

  constructor(
    private readonly docs: readonly SearchDoc[],
    options: typeof FUSE_OPTIONS & { keys: readonly KeySpec[] },
  ) {
    this.threshold = options.threshold;
    this.minMatch = options.minMatchCharLength;
    const raw = options.keys.map((k) => k.weight ?? 1);
    const total = raw.reduce((sum, w) => sum + w, 0);
    this.keyWeights = raw.map((w) => w / total);
    const fuseOptions: IFuseOptions<SearchDoc> = { ...options, keys: options.keys.map((k) => ({ ...k })) };
    this.maker = Fuse.createIndex<SearchDoc>(fuseOptions.keys!, []);
    this.values = new Array<Value[] | undefined>(docs.length);
    this.batch = Fuse.parseIndex<SearchDoc>({ keys: this.maker.keys, records: [] });
    this.fuse = new Fuse(docs, fuseOptions, this.batch);
  }

  prepare(pattern: string): PreparedPattern {
    // Chunked exactly as fuse.js's BitapSearch does, after the same lower-casing.
    const lower = pattern.toLowerCase();
    const texts: string[] = [];
    if (lower.length > CHUNK) {
      const remainder = lower.length % CHUNK;
      for (let i = 0; i < lower.length - remainder; i += CHUNK) texts.push(lower.substr(i, CHUNK));
      if (remainder) texts.push(lower.substr(lower.length - CHUNK));
    } else if (lower.length) texts.push(lower);
    const chunks = texts.map((text): Chunk => {
      let maxErrors = 0;
      while (maxErrors + 1 < text.length && (maxErrors + 1) / text.length <= this.threshold) maxErrors++;
      const ascii = new Int32Array(128);
      const other = new Map<number, number>();
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 128) ascii[c]! |= 1 << i;
        else other.set(c, (other.get(c) ?? 0) | (1 << i));
      }
      return { text, length: text.length, maxErrors, ascii, other, mask: charMask(text) };
    });
    const factors = chunks.length === 1 ? this.factorsFor(chunks[0]!) : undefined;
    return { pattern, lower, chunks, analysed: new Map(), factors };
  }

  /** score^weight by key and error count for a one-chunk pattern of this length (see `factors`). */
  private factorsFor(chunk: Chunk): number[][] {
    let factors = this.factorTables.get(chunk.length);
    if (!factors) {
      factors = this.keyWeights.map((weight) =>
        Array.from({ length: chunk.maxErrors + 1 }, (_, e) => Math.pow(e ? e / chunk.length : BEST_PARTIAL, weight)),
      );
      this.factorTables.set(chunk.length, factors);
    }
    return factors;
  }

  /**
   * A lower bound of fuse.js's score of the pattern for the document (0 best, 1: no match),
   * refined until it reaches `target` or is as tight as measuring makes it.
   */
  lowerBound(doc: number, prepared: PreparedPattern, target = Infinity): number {
    const analysis = this.analysis(doc, prepared);
    let bound = this.boundOf(analysis);
    while (bound < target && analysis.measured < analysis.values.length) {
      this.measureNext(analysis, prepared);
      bound = this.boundOf(analysis);
    }
    return bound;
  }

  /** fuse.js's score of the pattern for each document that matches it (0 best, 1 worst). */
  scores(prepared: PreparedPattern, docs: readonly number[]): Map<number, number> {
    const records: FuseRecord[] = [];
    for (const doc of docs) {
      this.lowerBound(doc, prepared);
      const matching = this.analysis(doc, prepared).matching;
      if (!matching.length) continue;
      // fuse.js multiplies value scores in record order; the same order gives the same bits.
      if (matching.length > 1) matching.sort((a, b) => a.value.order - b.value.order);
      const $: Record<string, SubRecord | SubRecord[]> = {};
      for (const { value, from, to } of matching) {
        const { sub } = value;
        const record =
          from === 0 && to === value.lower.length ? sub : { v: value.lower.slice(from, to), i: sub.i, n: sub.n };
        if (value.at < 0) $[value.key] = record;
        else {
          const list = ($[value.key] as SubRecord[] | undefined) ?? [];
          list.push(record);
          $[value.key] = list;
        }
      }
      records.push({ i: doc, $ } as FuseRecord);
    }
    const out = new Map<number, number>();
    if (!records.length) return out;
    this.batch.setIndexRecords(records);
    this.fuse.setCollection(this.docs, this.batch);
    for (const r of this.fuse.search(prepared.pattern)) out.set(r.refIndex, r.score ?? 1);
    return out;
  }

  private boundOf(a: Analysis): number {
    const bound = a.product * a.rest[a.measured]!;
    return bound >= 1 ? 1 : bound * SAFE;
  }

  private analysis(doc: number, prepared: PreparedPattern): Analysis {
    let analysis = prepared.analysed.get(doc);
    if (analysis) return analysis;
    const values: Value[] = [];
    const rest: number[] = [];
    for (const v of this.valuesOf(doc)) {
      const factor = this.bestPossible(v, prepared);
      if (factor === 1) continue;
      values.push(v);
      rest.push(factor);
    }
    // Suffix products, in place.
    rest.push(1);
    for (let k = values.length - 1; k >= 0; k--) rest[k]! *= rest[k + 1]!;
    analysis = { values, rest, measured: 0, product: 1, matching: [] };
    prepared.analysed.set(doc, analysis);
    return analysis;
  }

  /**
   * The best score^weight a value could have, from its length and characters alone: a chunk
   * needs at least one edit per character it has and the value lacks, and one per character
   * the value is too short. 1 when no chunk can match.
   */
  private bestPossible(v: Value, prepared: PreparedPattern): number {
    if (v.lower === prepared.lower) return Math.pow(Number.EPSILON, v.weight);
    if (prepared.factors) {
      const chunk = prepared.chunks[0]!;
      const errors = Math.max(chunk.length - v.lower.length, popcount(chunk.mask & ~v.mask));
      return errors > chunk.maxErrors ? 1 : prepared.factors[v.keyIndex]![errors]!;
    }
    let sum = 0;
    let matches = false;
    for (const chunk of prepared.chunks) {
      const errors = Math.max(chunk.length - v.lower.length, popcount(chunk.mask & ~v.mask));
      if (errors > chunk.maxErrors) sum += 1;
      else {
        matches = true;
        sum += errors ? errors / chunk.length : BEST_PARTIAL;
      }
    }
    return matches ? Math.pow(Math.max(BEST_PARTIAL, sum / prepared.chunks.length), v.weight) : 1;
  }

  private measureNext(analysis: Analysis, prepared: PreparedPattern): void {
    const v = analysis.values[analysis.measured++]!;
    let sum = 0;
    let matches = false;
    let from = v.lower.length;
    let to = 0;
    let errorsOfOne = 0;
    for (const chunk of prepared.chunks) {
      const errors = this.fewestErrors(chunk, v);
      if (errors > chunk.maxErrors) {
        sum += 1;
        continue;
      }
      matches = true;
      errorsOfOne = errors;
      sum += errors ? errors / chunk.length : BEST_PARTIAL;
      const [a, b] = this.window(chunk, v, errors);
      if (a < from) from = a;
      if (b > to) to = b;
    }
    if (!matches) return;
    // fuse.js: a value equal to the pattern scores 0, counted as Number.EPSILON; chunk
    // scores are averaged; the record's score is the product of score^weight.
    const equal = v.lower === prepared.lower;
    if (equal) analysis.product *= Math.pow(Number.EPSILON, v.weight);
    else if (prepared.factors) analysis.product *= prepared.factors[v.keyIndex]![errorsOfOne]!;
    else analysis.product *= Math.pow(Math.max(BEST_PARTIAL, sum / prepared.chunks.length), v.weight);
    if (equal) [from, to] = [0, v.lower.length];
    else if (to - from === prepared.lower.length && v.lower.slice(from, to) === prepared.lower) {
      // A window equal to the pattern would score 0 where the whole value scores 0.001.
      if (to < v.lower.length) to++;
      else from--;
    }
    analysis.matching.push({ value: v, from, to });
  }

  /**
   * The part of the value fuse.js scores exactly as the whole value, for a chunk matching
   * with `errors` (at most its maxErrors) ending first at `bestEnd`.
   *
   * fuse.js's Bitap (ignoreLocation) finds the lowest error level with a match, keeps the
   * leftmost match at that level and wants `minMatchCharLength` pattern characters in a row
   * in the matched span. An exact match: any window holding one occurrence (and not equal to
   * the pattern) scores 0.001 as the value does. With e errors: a match starting at s spans at
   * most m + e characters, and every match ends at bestEnd or later, so the leftmost start s
   * lies in [bestEnd − m − e + 1, bestEnd]; a window [a, b) with a ≤ s and b ≥ s + m + e holds
   * that whole match, and can hold no better or earlier one (it is a substring of the value):
   * same level, same span, same score and verdict. Checked against fuse.js on whole values
   * in fuse-ranker.test.ts.
   */
  private window(chunk: Chunk, v: Value, errors: number): [number, number] {
    const length = v.lower.length;
    if (chunk.length < this.minMatch) return [0, length];
    const m = chunk.length;
    if (errors === 0) {
      const at = v.lower.indexOf(chunk.text);
      return [at, Math.min(length, at + m + 1)];
    }
    return [Math.max(0, bestEnd - m - errors + 1), Math.min(length, bestEnd + m + errors + 1)];
  }

  private fewestErrors(chunk: Chunk, value: Value): number {
    const text = value.lower;
    // Cheap answers first. Too short a value needs more deletions than allowed; each
    // character of the chunk the value lacks costs an edit; the chunk itself costs none.
    if (text.length < chunk.length - chunk.maxErrors) return chunk.length;
    if (popcount(chunk.mask & ~value.mask) > chunk.maxErrors) return chunk.length;
    if (chunk.length >= this.minMatch && text.includes(chunk.text)) return 0;
    // fuse.js keeps only matches marking minMatchCharLength characters in a row; a chunk
    // shorter than that marks a run only where it occurs twice in a row ("aa" for "a").
    if (chunk.length < this.minMatch) return text.includes(chunk.text.repeat(this.minMatch)) ? 0 : chunk.length;
    return fewestErrors(chunk, text);
  }

  /** The document's values as fuse.js's index records them, shortest first. */
  private valuesOf(doc: number): Value[] {
    let values = this.values[doc];
    if (!values) {
      values = [];
      // The record Fuse.createIndex would make, made by fuse.js itself.
      const record = this.maker.add(this.docs[doc]!, doc)!;
      this.maker.setIndexRecords([]);
      for (const [key, value] of Object.entries(record.$ ?? {})) {
        if (Array.isArray(value)) {
          for (const [at, sub] of value.entries()) values.push(this.value(key, at, sub, values.length));
        } else values.push(this.value(key, -1, value, values.length));
      }
      // Short values first: cheapest to measure, and titles and aliases weigh the most.
      values.sort((a, b) => a.lower.length - b.lower.length || a.order - b.order);
      this.values[doc] = values;
    }
    return values;
  }

  private value(key: string, at: number, sub: SubRecord, order: number): Value {
    const lower = sub.v.toLowerCase();
    const keyIndex = Number(key);
    const weight = this.keyWeights[keyIndex]!;
    return { key, keyIndex, at, sub, lower, weight, mask: charMask(lower), order };
  }
}

/**
 * Fewest edits (Levenshtein) turning the chunk into some substring of the text: Myers'
 * bit-vector algorithm (J. ACM 46(3), 1999) with a free start in the text, one pass.
 * Sets `bestEnd` to the first position where a match with that many edits ends.
 */
function fewestErrors(chunk: Chunk, text: string): number {
  const m = chunk.length;
  const last = 1 << (m - 1);
  const ascii = chunk.ascii;
  let pv = -1;
  let mv = 0;
  let score = m;
  let best = m;
  let end = -1;
  for (let i = 0; i < text.length && best > 0; i++) {
    const c = text.charCodeAt(i);
    const eq = c < 128 ? ascii[c]! : (chunk.other.get(c) ?? 0);
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    // No carry into bit 0: a match may start anywhere in the text.
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score < best) {
      best = score;
      end = i;
    }
  }
  bestEnd = end;
  return best;
}
