/**
 * A sampling filter that lets a scan skip most of a text without reading every character
 * through the automaton.
 *
 * Each anchor gets a key: a window of `stride + 3` characters from the part of the anchor
 * that stands in raw text exactly as it is folded, but for ASCII case (letters, digits and
 * punctuation nothing else folds to). Every occurrence of such a window holds one of its first
 * `stride` four-character grams at an offset that is a multiple of `stride`, so the scan
 * reads four bytes every `stride` bytes and looks them up in a bit set; only where a gram is
 * known does it compare the key, and only where a key is found does it compare the whole
 * anchor, outward from the key.
 *
 * Anchors without such a window (`500`, `etp.dat`) are left to a full automaton pass.
 */
import { commonWords, frequencies } from './common-text';
import { matchBackward, matchForward } from './anchor-match';
import type { OnHit } from './dfa';
import { foldTable } from './fold';

/** Bytes per gram: one 32-bit read. */
export const GRAM = 4;
const MIN_STRIDE = 2;
const MAX_STRIDE = 8;
/** Gram counts of text samples are kept in this many bits' worth of slots. */
const SEEN_BITS = 16;
/** A key whose grams all turn up this often in the samples is moved, where the anchor allows. */
const NOISY = 3;
/** Every byte of a gram with bit 5 set: ASCII case folding without a branch (see `SAFE`). */
export const LOWER = 0x20202020;
/** How much more a key costs for each anchor that already took it (see `plan`). */
const TAKEN_COST = 1e4;

let safe: Uint8Array | undefined;

/**
 * Folded characters a key may hold: ASCII, not `.` (`…` folds to three of them), and every
 * character folding to it is ASCII and equal to it with bit 5 set (`A` and `a`). Quotes,
 * dashes and white space fail this: `’`, `–` and NBSP fold to them from other bytes.
 */
function safeChars(): Uint8Array {
  if (safe) return safe;
  const fold = foldTable();
  const ok = new Uint8Array(0x80);
  for (let c = 0x21; c < 0x7f; c++) ok[c] = c === 0x2e || fold[c] !== c ? 0 : 1;
  for (let u = 0; u < 0x10000; u++) {
    const f = fold[u]!;
    if (f < 0x80 && ok[f] && (u >= 0x80 || (u | 0x20) !== (f | 0x20))) ok[f] = 0;
  }
  safe = ok;
  return ok;
}

/** The gram a scan reads at `at` (little-endian, as `DataView.getUint32(at, true)`), case-folded. */
export function gramOf(s: string, at: number): number {
  return (
    s.charCodeAt(at) | (s.charCodeAt(at + 1) << 8) | (s.charCodeAt(at + 2) << 16) | (s.charCodeAt(at + 3) << 24) | LOWER
  );
}

/** Where the bit set keeps a gram. */
export function slotOf(gram: number, bits: number): number {
  return Math.imul(gram, 0x9e3779b1) >>> (32 - bits);
}

/** Longest stretches of key characters in a folded anchor: [start, end) pairs. */
function runsOf(anchor: string): [number, number][] {
  const ok = safeChars();
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= anchor.length; i++) {
    const c = i < anchor.length ? anchor.charCodeAt(i) : 0;
    const good = c < 0x80 && ok[c] === 1;
    if (good && start < 0) start = i;
    if (!good && start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
  }
  return runs;
}

/**
 * The expected cost of a key holding the gram at `at`: how often log text holds it (the
 * product of its characters' frequencies, far more inside a common word), times the keys
 * sharing it.
 */
function costOf(anchor: string, at: number, spread?: Uint16Array): number {
  const slot = slotOf(gramOf(anchor, at), SEEN_BITS);
  const f = frequencies();
  // Key characters are ASCII.
  const p =
    f[anchor.charCodeAt(at)]! *
    f[anchor.charCodeAt(at + 1)]! *
    f[anchor.charCodeAt(at + 2)]! *
    f[anchor.charCodeAt(at + 3)]!;
  return p * (commonSlots()[slot] ? 1000 : 1) * (1 + (spread?.[slot] ?? 0));
}

let common: Uint8Array | undefined;

/**
 * The grams of common words, by slot: grams above 2^30 are boxed numbers in V8, and a Set
 * of them made planning 5,000 anchors take ~100 ms. A slot shared by chance costs nothing worse
 * than a key placed a little less well.
 */
function commonSlots(): Uint8Array {
  if (common) return common;
  common = new Uint8Array(1 << SEEN_BITS);
  for (const word of commonWords()) {
    const padded = ` ${word} `;
    for (let i = 0; i + GRAM <= padded.length; i++) common[slotOf(gramOf(padded, i), SEEN_BITS)] = 1;
  }
  return common;
}

export interface KeyPlan {
  filter: KeyFilter | undefined;
  /** Anchors the filter covers, in its numbering (their index in this list). */
  keyed: number[];
  /** Anchors without a key, for the full pass. */
  unkeyed: number[];
}

export class KeyFilter {
  private constructor(
    readonly stride: number,
    /** log2 of the bit set's size. */
    readonly bits: number,
    readonly set: Int32Array,
    /**
     * Open-addressing table from gram to its entries (a Map would box grams beyond 2^30):
     * slot `s` holds `gramAt[s]`, whose entries are `entries[first[s] .. first[s + 1])` when
     * `used[s]`. An entry is `key * MAX_STRIDE + offset of the gram in the key`.
     */
    private readonly tableBits: number,
    private readonly gramAt: Int32Array,
    private readonly used: Uint8Array,
    private readonly first: Int32Array,
    private readonly entries: Int32Array,
    /** Per key (one per keyed anchor): its text, its anchor, and where in the anchor it stands. */
    private readonly keys: string[],
    private readonly anchors: string[],
    private readonly keyAt: Int32Array,
  ) {}

  /**
   * Splits anchors (folded, distinct) into those the filter can find and the rest. The
   * stride is the largest that still gives every anchor with a run of 5 key characters a
   * window, so no anchor that could be keyed is sent to the full pass.
   */
  static plan(anchors: readonly string[]): KeyPlan {
    const runs = anchors.map(runsOf);
    const longest = runs.map((r) => r.reduce((n, [s, e]) => Math.max(n, e - s), 0));
    const keyable = longest.filter((n) => n >= GRAM + MIN_STRIDE - 1);
    if (!keyable.length) return { filter: undefined, keyed: [], unkeyed: anchors.map((_, i) => i) };
    const stride = Math.min(MAX_STRIDE, Math.min(...keyable) - GRAM + 1);
    const width = stride + GRAM - 1;

    // How many anchors hold each gram: every sampled hit of a shared gram compares each key
    // holding it, so shared grams cost more, on top of how common they are in text.
    const spread = new Uint16Array(1 << SEEN_BITS);
    const seen = new Set<number>();
    runs.forEach((list, a) => {
      seen.clear();
      for (const [s, e] of list)
        for (let i = s; i + GRAM <= e; i++) seen.add(slotOf(gramOf(anchors[a]!, i), SEEN_BITS));
      for (const slot of seen) if (spread[slot]! < 0xffff) spread[slot]!++;
    });

    const keyed: number[] = [];
    const unkeyed: number[] = [];
    const keys: string[] = [];
    const keyAt: number[] = [];
    // Every text occurrence of a key is checked against each anchor holding it: a key taken by
    // 40 anchors (a word a synthetic or real vocabulary repeats) costs 40 anchor checks each
    // time, which no letter-frequency guess outweighs, so keys already taken come last.
    const taken = new Map<string, number>();
    anchors.forEach((anchor, a) => {
      let best = -1;
      let bestCost = Infinity;
      for (const [s, e] of runs[a]!) {
        for (let at = s; at + width <= e; at++) {
          let cost = 0;
          for (let o = 0; o < stride; o++) cost += costOf(anchor, at + o, spread);
          cost *= 1 + TAKEN_COST * (taken.get(anchor.slice(at, at + width)) ?? 0);
          if (cost < bestCost) [best, bestCost] = [at, cost];
        }
      }
      if (best < 0) {
        unkeyed.push(a);
        return;
      }
      keyed.push(a);
      const key = anchor.slice(best, best + width);
      taken.set(key, (taken.get(key) ?? 0) + 1);
      keys.push(key);
      keyAt.push(best);
    });

    const filter = KeyFilter.fromKeys(
      stride,
      keys,
      keyed.map((a) => anchors[a]!),
      Int32Array.from(keyAt),
    );
    return { filter, keyed, unkeyed };
  }

  private static fromKeys(stride: number, keys: string[], anchors: string[], keyAt: Int32Array): KeyFilter {
    // ~1 bit in 64 set: a sampled gram no key holds passes by chance about 1.5% of the time.
    const bits = Math.min(22, Math.max(16, Math.ceil(Math.log2(keys.length * stride * 256))));
    const set = new Int32Array(1 << (bits - 5));
    const grams = new Map<number, number[]>();
    keys.forEach((key, k) => {
      for (let o = 0; o < stride; o++) {
        const g = gramOf(key, o);
        const slot = slotOf(g, bits);
        set[slot >>> 5]! |= 1 << (slot & 31);
        const list = grams.get(g);
        if (list) list.push(k * MAX_STRIDE + o);
        else grams.set(g, [k * MAX_STRIDE + o]);
      }
    });
    // At most half full, so a probe for an absent gram stops within a slot or two.
    const tableBits = Math.max(4, Math.ceil(Math.log2(grams.size * 2 + 1)));
    const size = 1 << tableBits;
    const gramAt = new Int32Array(size);
    const used = new Uint8Array(size);
    const first = new Int32Array(size + 1);
    const slots: number[][] = Array.from({ length: size }, () => []);
    for (const [g, list] of grams) {
      let slot = slotOf(g, tableBits);
      while (used[slot]) slot = (slot + 1) & (size - 1);
      used[slot] = 1;
      gramAt[slot] = g;
      // Reports then come in text order within a probe: the largest offset is the earliest start.
      slots[slot] = list.sort((a, b) => (b % MAX_STRIDE) - (a % MAX_STRIDE));
    }
    const entries = new Int32Array(keys.length * stride);
    let n = 0;
    for (let slot = 0; slot < size; slot++) {
      first[slot] = n;
      for (const e of slots[slot]!) entries[n++] = e;
    }
    first[size] = n;
    return new KeyFilter(stride, bits, set, tableBits, gramAt, used, first, entries, keys, anchors, keyAt);
  }

  /**
   * The filter with keys moved off the grams that `samples` of the text being read are full
   * of, or undefined when no key needs to move. The prior in common-text.ts guesses what
   * text holds; the text itself knows ("ProxyGateway" on every line of a SEG log).
   */
  relearn(samples: readonly string[]): KeyFilter | undefined {
    const seen = new Uint16Array(1 << SEEN_BITS);
    for (const sample of samples) {
      for (let i = 0; i + GRAM <= sample.length; i++) {
        const slot = slotOf(gramOf(sample, i), SEEN_BITS);
        if (seen[slot]! < 0xffff) seen[slot]!++;
      }
    }
    const timesSeen = (s: string, at: number) => seen[slotOf(gramOf(s, at), SEEN_BITS)]!;
    const width = this.stride + GRAM - 1;
    const keys = [...this.keys];
    const keyAt = Int32Array.from(this.keyAt);
    let moved = 0;
    keys.forEach((key, k) => {
      let least = Infinity;
      for (let o = 0; o < this.stride; o++) least = Math.min(least, timesSeen(key, o));
      if (least < NOISY) return;
      const anchor = this.anchors[k]!;
      let best = keyAt[k]!;
      let bestCost = Infinity;
      for (const [s, e] of runsOf(anchor)) {
        for (let at = s; at + width <= e; at++) {
          let cost = 0;
          for (let o = 0; o < this.stride; o++) cost += timesSeen(anchor, at + o) * 1e6 + costOf(anchor, at + o);
          if (cost < bestCost) [best, bestCost] = [at, cost];
        }
      }
      if (best === keyAt[k]) return;
      keys[k] = anchor.slice(best, best + width);
      keyAt[k] = best;
      moved++;
    });
    return moved ? KeyFilter.fromKeys(this.stride, keys, this.anchors, keyAt) : undefined;
  }

  get byteSize(): number {
    let chars = 0;
    for (const k of this.keys) chars += k.length;
    for (const a of this.anchors) chars += a.length;
    return (
      this.set.byteLength +
      this.gramAt.byteLength +
      this.used.byteLength +
      this.first.byteLength +
      this.entries.byteLength +
      this.keyAt.byteLength +
      chars * 2
    );
  }

  /**
   * Reports (in the filter's numbering, with the offset just past it) every keyed anchor in
   * text[from, to) whose key holds the gram read at `at`.
   */
  probe(text: string, at: number, gram: number, from: number, to: number, onHit: OnHit): void {
    const mask = this.gramAt.length - 1;
    let slot = slotOf(gram, this.tableBits);
    while (this.used[slot] && this.gramAt[slot] !== gram) slot = (slot + 1) & mask;
    if (!this.used[slot]) return;
    for (let e = this.first[slot]!, end = this.first[slot + 1]!; e < end; e++) {
      const entry = this.entries[e]!;
      const k = (entry / MAX_STRIDE) | 0;
      const start = at - (entry % MAX_STRIDE);
      const key = this.keys[k]!;
      if (start < from || start + key.length > to) continue;
      let i = 0;
      for (; i < key.length; i++) {
        let c = text.charCodeAt(start + i);
        if (c >= 0x41 && c <= 0x5a) c |= 0x20;
        if (c !== key.charCodeAt(i)) break;
      }
      if (i < key.length) continue;
      const anchor = this.anchors[k]!;
      const keyAt = this.keyAt[k]!;
      if (keyAt > 0 && matchBackward(text, start - 1, from, anchor, keyAt - 1) < 0) continue;
      const end = matchForward(text, start + key.length, to, anchor, keyAt + key.length);
      if (end >= 0) onHit(k, end);
    }
  }
}
