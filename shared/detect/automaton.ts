/**
 * Finds every anchor in a text. Anchors with a key (key-filter.ts) are found by sampling the
 * text a few bytes apart and checking the anchor where a key stands, so most of the text is
 * never read character by character. The few without one (`500`, `etp.dat`) are looked for
 * with indexOf (needles.ts), and whatever is left gets one pass of a small exact automaton
 * (dfa.ts).
 *
 * The hits are exact: the same as one automaton over the whole text would report. They come
 * in text order within each pass.
 */
import type { OnHit } from './dfa';
import { Dfa, bytewise } from './dfa';
import type { ProbeScratch } from './key-filter';
import { GRAM, KeyFilter, LOWER, MAX_STRIDE, MIN_STRIDE, PROBE_BLOCK, gramOf, slotOf } from './key-filter';
import type { Needle } from './needles';
import { MAX_NEEDLES, needleOf, scanNeedles } from './needles';

/**
 * UTF-16 units a chunk holds, at most (a multiple of the stride, so samples stay aligned).
 * The more candidates a chunk gathers, the more of their cache misses overlap (see
 * `KeyFilter.probeMany`); its 32 KB of bytes still fit the first-level cache (48 KB on the
 * test machine) at any stride.
 */
const CHUNK_UNITS = 1 << 15;
/** Units in the pieces a chunk that is not all ASCII is split into. */
const PIECE_UNITS = 1 << 12;
/**
 * A chunk whose bytes outnumber its units by more than this has non-ASCII all over (a
 * localised page): trying its pieces one by one would only encode it again.
 */
const PIECES_WORTH_TRYING = 8;
/** Texts this long teach the filter which keys they are full of (see `KeyFilter.relearn`). */
const LEARN_FROM = 1 << 18;
/**
 * Slices of it read to learn: a quarter of the text, up to 1 MB. A key a vocabulary repeats
 * every 100 KB shows in a sample that size; learning costs ~5 ms once, on the first scan.
 */
const LEARN_SLICES = 16;
const LEARN_MAX = 1 << 20;
const encoder = new TextEncoder();
/** Reused between scans; a scan started from inside `onHit` takes a buffer of its own. */
let spare: ScanBuffer | undefined;

interface ScanBuffer {
  bytes: Uint8Array;
  view: DataView;
  /** Offsets of the samples of one chunk that pass the bit set. */
  passed: Int32Array;
  probe: ProbeScratch;
}

export class Automaton {
  private constructor(
    private filter: KeyFilter | undefined,
    /** Anchors the filter does not cover and no needle finds (all of them without either). */
    private readonly rest: Dfa | undefined,
    /** The few short anchors found with indexOf (needles.ts). */
    private readonly needles: readonly Needle[],
    /** The numbers the automaton's anchors are reported by (the filter keeps its own). */
    private readonly restIds: Int32Array,
  ) {}

  /** Has the filter's keys been checked against a text it reads? */
  private learned = false;

  /**
   * Anchors must already be folded (`foldString`) and distinct. Each is reported by its
   * number in `tags` (its index by default): a caller that packs what it needs first about an
   * anchor into that number reads nothing else for most hits.
   */
  static build(anchors: readonly string[], tags: ArrayLike<number> = anchors.map((_, i) => i)): Automaton {
    // The filter reads UTF-8 bytes; anchors outside the BMP are read as UTF-16 units.
    const plan = anchors.every(bytewise) ? KeyFilter.plan(anchors, tags) : undefined;
    const filter = plan?.filter;
    const unkeyed = filter ? plan.unkeyed : anchors.map((_, i) => i);
    let needles = unkeyed.map((i) => needleOf(anchors[i]!, tags[i]!, i)).filter((n) => n !== undefined);
    // Past a handful, one automaton pass over the text costs less than a pass for each.
    if (needles.length > MAX_NEEDLES) needles = [];
    const byNeedle = new Set(needles.map((n) => n.index));
    const left = unkeyed.filter((i) => !byNeedle.has(i));
    const rest = left.length ? Dfa.build(left.map((i) => anchors[i]!)) : undefined;
    return new Automaton(
      filter,
      rest,
      needles,
      Int32Array.from(left, (i) => tags[i]!),
    );
  }

  /** Anchors that need a full pass of the exact automaton. */
  get unkeyedCount(): number {
    return this.restIds.length;
  }

  /** Anchors found with indexOf. */
  get needleCount(): number {
    return this.needles.length;
  }

  get byteSize(): number {
    return (this.rest?.byteSize ?? 0) + (this.filter?.byteSize ?? 0) + this.restIds.byteLength;
  }

  /**
   * Calls `onHit` for every anchor occurrence in text[from, to), with the offset just past
   * it. Runs of white space count as one space and `…` as `...`, matching `foldString`.
   */
  scan(text: string, onHit: OnHit, from = 0, to = text.length): void {
    if (this.rest) {
      const ids = this.restIds;
      this.rest.scan(text, (p, end, start) => onHit(ids[p]!, end, start), from, to);
    }
    scanNeedles(this.needles, text, onHit, from, to);
    if (!this.filter) return;
    if (!this.learned && to - from >= LEARN_FROM) this.learn(text, from, to);
    const buffer = spare ?? newBuffer();
    spare = undefined;
    try {
      sample({ text, filter: this.filter, onHit, from, to, buffer });
    } finally {
      spare = buffer;
    }
  }

  /** Moves keys off what this text is full of, once, from a few slices spread over it. */
  private learn(text: string, from: number, to: number): void {
    this.learned = true;
    const step = Math.floor((to - from) / LEARN_SLICES);
    const slice = Math.floor(Math.min(LEARN_MAX, (to - from) / 4) / LEARN_SLICES);
    const slices = Array.from({ length: LEARN_SLICES }, (_, i) => text.slice(from + i * step, from + i * step + slice));
    this.filter = this.filter!.relearn(slices) ?? this.filter;
  }
}

/** One scan of the key filter over text[from, to). */
interface Sampling {
  text: string;
  filter: KeyFilter;
  onHit: OnHit;
  from: number;
  to: number;
  buffer: ScanBuffer;
}

function sample(scan: Sampling): void {
  const { stride } = scan.filter;
  const chunk = CHUNK_UNITS - (CHUNK_UNITS % stride);
  const piece = PIECE_UNITS - (PIECE_UNITS % stride);
  for (let at = scan.from; at < scan.to; at += chunk) {
    const end = Math.min(scan.to, at + chunk);
    const excess = sampleBytes(scan, at, end);
    if (excess === 0) continue;
    // Not all ASCII: byte offsets drift from the text's. In smaller pieces the rest of the
    // chunk stays on the fast path; a piece with a non-ASCII unit (rare in logs; a curly
    // quote on a page) is sampled unit by unit.
    if (excess > PIECES_WORTH_TRYING) {
      sampleUnits(scan, at, end);
      continue;
    }
    for (let p = at; p < end; p += piece) {
      const stop = Math.min(end, p + piece);
      if (sampleBytes(scan, p, stop) !== 0) sampleUnits(scan, p, stop);
    }
  }
}

/**
 * Samples text[at, end) from its UTF-8 bytes and probes the samples that pass, returning 0;
 * when those bytes are not one per unit, does nothing and returns how many more there are.
 */
function sampleBytes({ text, filter, onHit, from, to, buffer }: Sampling, at: number, end: number): number {
  const { bytes, view, passed, probe } = buffer;
  // The last samples read a few units into the next chunk.
  const { read, written } = encoder.encodeInto(text.slice(at, Math.min(to, end + GRAM - 1)), bytes);
  if (written !== read) return written - read;
  const last = Math.min(end - at, written - GRAM + 1);
  const found = passing(view, last, filter.stride, filter.set, 32 - filter.bits, passed);
  filter.probeMany(text, at, passed, found, from, to, onHit, probe);
  return 0;
}

/** As `sampleBytes`, reading the text's units: a gram with a non-ASCII unit is in no key. */
function sampleUnits({ text, filter, onHit, from, to, buffer }: Sampling, at: number, end: number): void {
  const { passed, probe } = buffer;
  const { stride, set, bits } = filter;
  const last = Math.min(end, to - GRAM + 1);
  let found = 0;
  for (let i = at; i < last; i += stride) {
    const c0 = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    const c2 = text.charCodeAt(i + 2);
    const c3 = text.charCodeAt(i + 3);
    if ((c0 | c1 | c2 | c3) >= 0x80) continue;
    const slot = slotOf(gramOf(text, i), bits);
    if ((set[slot >>> 5]! & (1 << (slot & 31))) !== 0) passed[found++] = i - at;
  }
  filter.probeMany(text, at, passed, found, from, to, onHit, probe);
}

/**
 * The offsets of samples whose gram is in the bit set, into `passed`; returns their count.
 * Kept apart from the probing so V8 compiles this loop, where nearly all the time goes, on
 * its own: with the probe inlined into it the loop ran at half the speed.
 */
function passing(
  view: DataView,
  last: number,
  stride: number,
  set: Int32Array,
  shift: number,
  passed: Int32Array,
): number {
  let n = 0;
  for (let j = 0; j < last; j += stride) {
    const slot = Math.imul(view.getUint32(j, true) | LOWER, 0x9e3779b1) >>> shift;
    if ((set[slot >>> 5]! & (1 << (slot & 31))) !== 0) passed[n++] = j;
  }
  return n;
}

function newBuffer(): ScanBuffer {
  // Up to 3 bytes a unit for a chunk and the units read past its end.
  const bytes = new Uint8Array((CHUNK_UNITS + GRAM) * 3);
  return {
    bytes,
    view: new DataView(bytes.buffer),
    passed: new Int32Array(CHUNK_UNITS / MIN_STRIDE),
    probe: {
      starts: new Int32Array(PROBE_BLOCK * MAX_STRIDE),
      slots: new Int32Array(PROBE_BLOCK * MAX_STRIDE),
      keyStarts: new Int32Array(PROBE_BLOCK * MAX_STRIDE),
      keys: new Int32Array(PROBE_BLOCK * MAX_STRIDE),
    },
  };
}
