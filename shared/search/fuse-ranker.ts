/**
 * fuse.js scores for a few chosen documents, without the work fuse.js would waste.
 *
 * fuse.js runs Bitap over every value of every key of a record, at every error level up to
 * its threshold: 3–5 µs per value even when nothing matches, and ~200 µs per article for a
 * 60-character phrase (two 32-character chunks, eleven levels each). A SyncFix article has
 * ~20 values (each alias is one). So before fuse.js runs, each value is measured with Myers'
 * bit-parallel edit distance (one pass, ~3 ns per character): the fewest errors with which a
 * pattern chunk matches anywhere in the value, which is what Bitap's levels search for.
 *
 * That gives, cheaply, (1) which values can match at all: fuse.js is given records holding
 * only those, and its score (a product over matching values) is unchanged; (2) a lower bound
 * of fuse.js's score, by fuse.js's own formula, so the search ranks candidates best first and
 * asks fuse.js only about those that can still reach the top. The scores used are fuse.js's.
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

interface Analysis {
  /** Lower bound of fuse.js's score for the document (1: no value can match). */
  bound: number;
  /** Values that can match, in record order. */
  matching: Value[];
}

/** A pattern measured once per query, with what was learnt about each document. */
export interface PreparedPattern {
  pattern: string;
  /** The pattern as fuse.js compares it. */
  lower: string;
  chunks: Chunk[];
  analysed: Map<number, Analysis>;
}

interface Value {
  key: string;
  /** Position in the key's array, or -1 for a single value. */
  at: number;
  sub: SubRecord;
  /** As fuse.js compares it (`isCaseSensitive: false`). */
  lower: string;
  /** fuse.js's weight: the key's weight over the sum of all key weights. */
  weight: number;
  /** Characters of `lower` as a 32-bit set (hashed by code & 31). */
  mask: number;
}

export class FuseRanker {
  private readonly fuse: Fuse<SearchDoc>;
  private readonly batch: FuseIndex<SearchDoc>;
  private readonly maker: FuseIndex<SearchDoc>;
  private readonly records: (FuseRecord | undefined)[];
  private readonly values: (Value[] | undefined)[];
  private readonly threshold: number;
  private readonly minMatch: number;
  private readonly keyWeights: number[];

  constructor(
    private readonly docs: readonly SearchDoc[],
    options: typeof FUSE_OPTIONS & { keys: readonly KeySpec[] },
    shipped?: { records: FuseRecord[] },
  ) {
    this.threshold = options.threshold;
    this.minMatch = options.minMatchCharLength;
    const raw = options.keys.map((k) => k.weight ?? 1);
    const total = raw.reduce((sum, w) => sum + w, 0);
    this.keyWeights = raw.map((w) => w / total);
    const fuseOptions: IFuseOptions<SearchDoc> = { ...options, keys: options.keys.map((k) => ({ ...k })) };
    this.maker = Fuse.createIndex<SearchDoc>(fuseOptions.keys!, []);
    this.records = new Array<FuseRecord | undefined>(docs.length);
    for (const record of shipped?.records ?? []) if (record.i < docs.length) this.records[record.i] = record;
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
    return { pattern, lower, chunks, analysed: new Map() };
  }

  /** A lower bound of fuse.js's score of the pattern for the document (0 best, 1: no match). */
  lowerBound(doc: number, prepared: PreparedPattern): number {
    return this.analyse(doc, prepared).bound;
  }

  /** fuse.js's score of the pattern for each document that matches it (0 best, 1 worst). */
  scores(prepared: PreparedPattern, docs: readonly number[]): Map<number, number> {
    const records: FuseRecord[] = [];
    for (const doc of docs) {
      const { matching } = this.analyse(doc, prepared);
      if (!matching.length) continue;
      const $: Record<string, SubRecord | SubRecord[]> = {};
      for (const v of matching) {
        if (v.at < 0) $[v.key] = v.sub;
        else {
          const list = ($[v.key] as SubRecord[] | undefined) ?? [];
          list.push(v.sub);
          $[v.key] = list;
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

  private analyse(doc: number, prepared: PreparedPattern): Analysis {
    let analysis = prepared.analysed.get(doc);
    if (analysis) return analysis;
    const matching: Value[] = [];
    let bound = 1;
    for (const v of this.valuesOf(doc)) {
      let sum = 0;
      let matches = false;
      for (const chunk of prepared.chunks) {
        const errors = this.fewestErrors(chunk, v);
        if (errors > chunk.maxErrors) {
          sum += 1;
          continue;
        }
        matches = true;
        sum += errors ? errors / chunk.length : BEST_PARTIAL;
      }
      if (!matches) continue;
      matching.push(v);
      // fuse.js: a value equal to the pattern scores 0, counted as Number.EPSILON; chunk
      // scores are averaged; the record's score is the product of score^weight.
      const score = v.lower === prepared.lower ? Number.EPSILON : Math.max(BEST_PARTIAL, sum / prepared.chunks.length);
      bound *= Math.pow(score, v.weight);
    }
    analysis = { bound: matching.length ? bound * SAFE : 1, matching };
    prepared.analysed.set(doc, analysis);
    return analysis;
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

  private valuesOf(doc: number): Value[] {
    let values = this.values[doc];
    if (!values) {
      values = [];
      for (const [key, value] of Object.entries(this.record(doc).$ ?? {})) {
        const weight = this.keyWeights[Number(key)] ?? 1;
        if (Array.isArray(value)) {
          for (const [at, sub] of value.entries()) values.push(this.value(key, at, sub, weight));
        } else values.push(this.value(key, -1, value, weight));
      }
      this.values[doc] = values;
    }
    return values;
  }

  private value(key: string, at: number, sub: SubRecord, weight: number): Value {
    const lower = sub.v.toLowerCase();
    return { key, at, sub, lower, weight, mask: charMask(lower) };
  }

  private record(doc: number): FuseRecord {
    let record = this.records[doc];
    if (!record) {
      // No shipped index (an older bundle): make the record the way Fuse.createIndex does.
      record = this.maker.add(this.docs[doc]!, doc)!;
      this.maker.setIndexRecords([]);
      this.records[doc] = record;
    }
    return record;
  }
}

/**
 * Fewest edits (Levenshtein) turning the chunk into some substring of the text: Myers'
 * bit-vector algorithm (J. ACM 46(3), 1999) with a free start in the text, one pass.
 */
function fewestErrors(chunk: Chunk, text: string): number {
  const m = chunk.length;
  const last = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  let best = m;
  for (let i = 0; i < text.length && best > 0; i++) {
    const c = text.charCodeAt(i);
    const eq = c < 128 ? chunk.ascii[c]! : (chunk.other.get(c) ?? 0);
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
    if (score < best) best = score;
  }
  return best;
}
