/**
 * fuse.js scores for a few chosen documents, with the work fuse.js would waste left out.
 *
 * fuse.js runs Bitap over every value of every key of every record it is given, at several
 * error levels: ~3–5 µs per value even when nothing can match, and a SyncFix article has
 * ~20 values (each alias is one). So records are given to fuse.js with only the values that
 * can match: a Bitap match with at most k errors keeps one of k + 1 pieces of the pattern
 * intact (pigeonhole), so a value holding none of the pieces cannot match, and a record's
 * score (the product over its matching values) is the same without it. Scores are fuse.js's
 * own, exactly; only the provably empty work is skipped.
 */
import Fuse from 'fuse.js';
import type { FuseIndex, IFuseOptions } from 'fuse.js';
import type { SearchDoc } from '../kb/types';

type FuseRecord = FuseIndex<SearchDoc>['records'][number];
type SubRecord = { v: string; i?: number; n?: number };

/** Bitap works on 32-bit masks: fuse.js cuts longer patterns into chunks of 32. */
const CHUNK = 32;

/** A pattern ready to filter values: per Bitap chunk, pieces one of which any match holds. */
export interface PreparedPattern {
  pattern: string;
  /** The pattern as fuse.js compares it. */
  lower: string;
  pieces: string[][];
  /** Length of each chunk: a match with e errors scores e / length. */
  lengths: number[];
}

/**
 * Lower bounds are computed in another order than fuse.js multiplies: shaving a billionth
 * keeps them below fuse.js's own result whatever the rounding.
 */
const SAFE = 1 - 1e-9;

/** A document's values joined, to find every piece in one pass per piece. */
interface Joined {
  text: string;
  /** Start of each value in `text` (values are separated by U+0001, which queries never hold). */
  starts: number[];
  /** fuse.js's weight of each value (its key's weight over the sum of all key weights). */
  weights: number[];
}

interface Value {
  key: string;
  /** Position in the key's array, or -1 for a single value. */
  at: number;
  sub: SubRecord;
  /** As fuse.js compares it (`isCaseSensitive: false`). */
  lower: string;
}

export class FuseRanker {
  private readonly fuse: Fuse<SearchDoc>;
  private readonly batch: FuseIndex<SearchDoc>;
  private readonly maker: FuseIndex<SearchDoc>;
  private readonly records: (FuseRecord | undefined)[];
  private readonly values: (Value[] | undefined)[];
  private readonly joined: (Joined | undefined)[];
  private readonly threshold: number;
  /** Normalised key weights by key position, as fuse.js's KeyStore computes them. */
  private readonly keyWeights: number[];

  constructor(
    private readonly docs: readonly SearchDoc[],
    options: IFuseOptions<SearchDoc> & { keys: string[]; threshold: number },
    shipped?: { records: FuseRecord[] },
  ) {
    this.threshold = options.threshold;
    const raw = options.keys.map((k) => (typeof k === 'string' ? 1 : ((k as { weight?: number }).weight ?? 1)));
    const total = raw.reduce((sum, w) => sum + w, 0);
    this.keyWeights = raw.map((w) => w / total);
    this.joined = new Array<Joined | undefined>(docs.length);
    this.maker = Fuse.createIndex<SearchDoc>(options.keys, []);
    this.records = new Array<FuseRecord | undefined>(docs.length);
    for (const record of shipped?.records ?? []) if (record.i < docs.length) this.records[record.i] = record;
    this.values = new Array<Value[] | undefined>(docs.length);
    this.batch = Fuse.parseIndex<SearchDoc>({ keys: this.maker.keys, records: [] });
    this.fuse = new Fuse(docs, options, this.batch);
  }

  prepare(pattern: string): PreparedPattern {
    // Chunked exactly as fuse.js's BitapSearch does, after the same lower-casing.
    const lower = pattern.toLowerCase();
    const chunks: string[] = [];
    if (lower.length > CHUNK) {
      const remainder = lower.length % CHUNK;
      for (let i = 0; i < lower.length - remainder; i += CHUNK) chunks.push(lower.substr(i, CHUNK));
      if (remainder) chunks.push(lower.substr(lower.length - CHUNK));
    } else if (lower.length) chunks.push(lower);
    const pieces = chunks.map((chunk) => {
      const m = chunk.length;
      // The most errors a match may have: fuse.js accepts a level i while i / m <= threshold.
      let errors = 0;
      while (errors + 1 < m && (errors + 1) / m <= this.threshold) errors++;
      const n = errors + 1;
      return Array.from({ length: n }, (_, j) => chunk.slice(Math.floor((j * m) / n), Math.floor(((j + 1) * m) / n)));
    });
    return { pattern, lower, pieces, lengths: chunks.map((c) => c.length) };
  }

  /**
   * A lower bound of fuse.js's score of the pattern for the document (1: cannot match).
   * fuse.js multiplies score^weight over the values that match; a value's score is the mean
   * over chunks of errors / length (1 for a chunk that misses), and a match with e errors
   * keeps at least (pieces - e) pieces intact, so e >= pieces - (pieces found in the value).
   */
  lowerBound(doc: number, prepared: PreparedPattern): number {
    const joined = this.joinedOf(doc);
    const values = joined.starts.length;
    const found = new Int32Array(values * prepared.pieces.length);
    const seen = new Int32Array(values).fill(-1);
    let stamp = 0;
    prepared.pieces.forEach((pieces, chunk) => {
      for (const piece of pieces) {
        stamp++;
        for (let at = joined.text.indexOf(piece); at !== -1; at = joined.text.indexOf(piece, at + 1)) {
          const v = valueAt(joined.starts, at);
          if (seen[v] === stamp) continue;
          seen[v] = stamp;
          found[v * prepared.pieces.length + chunk]!++;
        }
      }
    });
    let bound = 1;
    for (let v = 0; v < values; v++) {
      let sum = 0;
      let any = false;
      prepared.pieces.forEach((pieces, chunk) => {
        const hits = found[v * prepared.pieces.length + chunk]!;
        if (!hits) return (sum += 1);
        any = true;
        sum += Math.max(0.001, (pieces.length - hits) / prepared.lengths[chunk]!);
      });
      if (!any) continue;
      const end = v + 1 < values ? joined.starts[v + 1]! - 1 : joined.text.length;
      // A value equal to the whole pattern scores 0, which fuse.js counts as Number.EPSILON.
      const exact = joined.text.slice(joined.starts[v], end) === prepared.lower;
      const score = exact ? Number.EPSILON : sum / prepared.pieces.length;
      bound *= Math.pow(score, joined.weights[v]!);
    }
    return bound * SAFE;
  }

  /** Can any value of the document match the pattern at all? */
  mayMatch(doc: number, prepared: PreparedPattern): boolean {
    return this.valuesOf(doc).some((v) => holdsPiece(v.lower, prepared.pieces));
  }

  /** fuse.js's score of the pattern for each document that matches it (0 best, 1 worst). */
  scores(prepared: PreparedPattern, docs: readonly number[]): Map<number, number> {
    const records: FuseRecord[] = [];
    for (const doc of docs) {
      const $: Record<string, SubRecord | SubRecord[]> = {};
      let kept = 0;
      for (const v of this.valuesOf(doc)) {
        if (!holdsPiece(v.lower, prepared.pieces)) continue;
        kept++;
        if (v.at < 0) $[v.key] = v.sub;
        else ((($[v.key] as SubRecord[] | undefined) ?? ($[v.key] = [])) as SubRecord[]).push(v.sub);
      }
      if (kept) records.push({ i: doc, $ } as FuseRecord);
    }
    const out = new Map<number, number>();
    if (!records.length) return out;
    this.batch.setIndexRecords(records);
    this.fuse.setCollection(this.docs, this.batch);
    for (const r of this.fuse.search(prepared.pattern)) out.set(r.refIndex, r.score ?? 1);
    return out;
  }

  private joinedOf(doc: number): Joined {
    let joined = this.joined[doc];
    if (!joined) {
      const values = this.valuesOf(doc);
      const starts: number[] = [];
      let at = 0;
      for (const v of values) {
        starts.push(at);
        at += v.lower.length + 1;
      }
      joined = {
        text: values.map((v) => v.lower).join('\u0001'),
        starts,
        weights: values.map((v) => this.keyWeights[Number(v.key)] ?? 1),
      };
      this.joined[doc] = joined;
    }
    return joined;
  }

  private valuesOf(doc: number): Value[] {
    let values = this.values[doc];
    if (!values) {
      values = [];
      const record = this.record(doc);
      for (const [key, value] of Object.entries(record.$ ?? {})) {
        if (Array.isArray(value))
          value.forEach((sub, at) => values!.push({ key, at, sub, lower: sub.v.toLowerCase() }));
        else values.push({ key, at: -1, sub: value, lower: value.v.toLowerCase() });
      }
      this.values[doc] = values;
    }
    return values;
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

/** Index of the value holding text position `at`. */
function valueAt(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function holdsPiece(text: string, pieces: readonly string[][]): boolean {
  for (const chunk of pieces) for (const piece of chunk) if (text.includes(piece)) return true;
  return false;
}
