/**
 * A sampling filter that lets a scan skip most of a text without reading every character
 * through the automaton.
 *
 * Each anchor gets a key: a window of `stride + 3` characters from the part of the anchor
 * that stands in raw text exactly as it is folded, but for ASCII case (letters, digits,
 * punctuation nothing else folds to, and a dot that has no other beside it). Every
 * occurrence of such a window holds one of its first `stride` four-character grams at an
 * offset that is a multiple of `stride`, so the scan reads four bytes every `stride` bytes
 * and looks them up in a bit set; only where a gram is known does it compare the key, and
 * only where a key is found does it compare the whole anchor, outward from the key. Those
 * comparisons run in stages over a chunk's samples (`probeMany`), so that the cache misses
 * of thousands of keys' tables and records overlap.
 *
 * Anchors without such a window (`500`) are left to the caller (automaton.ts).
 */
import { commonWords, frequencies } from './common-text';
import { matchBackward, matchForward } from './anchor-match';
import type { OnHit } from './dfa';
import { SPACE, foldTable } from './fold';

/** Bytes per gram: one 32-bit read. */
export const GRAM = 4;
export const MIN_STRIDE = 2;
export const MAX_STRIDE = 8;
const DOT = 0x2e;
/** Longest stretch of an anchor a probe compares before the anchor itself (see `fromKeys`). */
const KEY_CHARS = 16;
/** Keys are found by their first characters: a gram and one more (every key has stride + 3 ≥ 5). */
const HEAD = GRAM + 1;
/** log2 of the bits in the set of heads (16 KiB): only samples that passed the gram set read it. */
const HEAD_BITS = 17;
/**
 * Numbers per slot of the head table (32 bytes, so one cache line answers a probe): the
 * head's gram and fifth character, its first key's entry, and the range in `more` of the
 * entries of any other keys starting so.
 */
const SLOT = 8;
const FIRST = 2;
const MORE = FIRST + 4;
/** A key's entry: the key, then its tail, the tail's mask and its space (see `tailOf`). */
const ENTRY = 4;
/** Gram counts of text samples are kept in this many bits' worth of slots. */
const SEEN_BITS = 16;
/** One sighting of a gram in the text's samples outweighs any frequency guess. */
const SEEN_WEIGHT = 1e6;
/** Every byte of a gram with bit 5 set: ASCII case folding without a branch (see `SAFE`). */
export const LOWER = 0x20202020;

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

function headHash(gram: number, last: number): number {
  return Math.imul(gram ^ Math.imul(last, 0x27d4eb2d), 0x9e3779b1);
}

function headSlot(gram: number, last: number, bits: number): number {
  return headHash(gram, last) >>> (32 - bits);
}

/**
 * May a key hold the anchor's character at `i`? A safe character, or a dot where the anchor
 * has no two in a row: the text's `…` only ever stands for three.
 */
function isKeyChar(anchor: string, i: number): boolean {
  const c = anchor.charCodeAt(i);
  if (c === DOT) return anchor.charCodeAt(i - 1) !== DOT && anchor.charCodeAt(i + 1) !== DOT;
  return c < 0x80 && safeChars()[c] === 1;
}

/**
 * Does the text hold the anchor's character at `i` only as itself? A key character with no
 * case; not a dot that starts the anchor (matchBackward lets it be the last of a `…`).
 */
export function isCaselessKeyChar(anchor: string, i: number): boolean {
  const c = anchor.charCodeAt(i);
  return isKeyChar(anchor, i) && ((c | 0x20) - 0x61) >>> 0 >= 26 && !(i === 0 && c === DOT);
}

/** Longest stretches of key characters in a folded anchor: [start, end) pairs. */
function runsOf(anchor: string): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= anchor.length; i++) {
    const good = i < anchor.length && isKeyChar(anchor, i);
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

/**
 * Where each anchor's key starts (-1: no window of key characters), choosing the cheapest
 * window by `gramCost` summed over the grams a scan may sample in it. When `moving`, only
 * the anchors it calls movable are placed (the others report -1 and keep their keys). Every text occurrence of a key is checked against
 * each anchor holding it, so a key costs more by the square of the anchors sharing it: a key
 * 40 anchors took (a word a vocabulary repeats) costs 40 anchor checks each time it is seen
 * and is likely to be seen, which letter frequencies alone would not guess.
 */
function placeKeys(
  anchors: readonly string[],
  stride: number,
  gramCost: (anchor: string, at: number) => number,
  moving?: { movable: (a: number) => boolean; keys: readonly string[] },
): Int32Array {
  const width = stride + GRAM - 1;
  const taken = new Map<string, number>();
  const keyAt = new Int32Array(anchors.length).fill(-1);
  moving?.keys.forEach((key, a) => {
    if (!moving.movable(a)) taken.set(key, (taken.get(key) ?? 0) + 1);
  });
  anchors.forEach((anchor, a) => {
    if (moving && !moving.movable(a)) return;
    let best = -1;
    let bestCost = Infinity;
    for (const [s, e] of runsOf(anchor)) {
      // Records keep where a key stands in 16 bits.
      for (let at = s; at + width <= e && at < 0x10000; at++) {
        let cost = 0;
        for (let o = 0; o < stride; o++) cost += gramCost(anchor, at + o);
        const sharers = 1 + (taken.get(anchor.slice(at, at + width)) ?? 0);
        cost *= sharers * sharers;
        if (cost < bestCost) [best, bestCost] = [at, cost];
      }
    }
    if (best < 0) return;
    const key = anchor.slice(best, best + width);
    taken.set(key, (taken.get(key) ?? 0) + 1);
    keyAt[a] = best;
  });
  return keyAt;
}

/**
 * A key's record: all a check reads before the anchor's string, in one cache line. With
 * 5,000 keys the records are cold by the time a key turns up again (the text streaming
 * through evicts them), so each array a check touches costs a trip to memory.
 */
const RECORD = 64;
/** Offsets in a record: the key's characters, the anchor's before it (nearest first), ... */
const BEFORE = KEY_CHARS;
/**
 * ... how many of each, where the key stands in its anchor (16 bits), what is left, and the
 * number the anchor is reported by (32 bits, aligned).
 */
const LENGTH = 2 * KEY_CHARS;
const BEFORE_LENGTH = LENGTH + 1;
const KEY_AT = LENGTH + 2;
const REST = LENGTH + 4;
const TAG = LENGTH + 8;
/** The anchor goes on past the key's characters / starts before the characters read back. */
const AHEAD = 1;
const BEHIND = 2;

const FAILED = -2;

/**
 * The four record characters after a key's head, as the text's would read (`textTail`);
 * the mask of those to compare, up to the record's end or its first space; and where that
 * space stands (-1: none), where the text must have white space (a run of it moves what
 * follows). A key whose tail differs is not there, which the head table's slot says without
 * reading the record: 5-letter keys of a made-up vocabulary stand in longer words often.
 */
function tailOf(record: Uint8Array, k: number): [number, number, number] {
  const r = k * RECORD;
  let tail = 0;
  let mask = 0;
  for (let i = 0; i < GRAM && HEAD + i < record[r + LENGTH]!; i++) {
    const c = record[r + HEAD + i]!;
    if (c === SPACE) return [tail, mask, HEAD + i];
    tail |= (c | 0x20) << (8 * i);
    mask |= 0xff << (8 * i);
  }
  return [tail, mask, -1];
}

/** Could the text's character at `at` fold to a space? Not if it is printable ASCII. */
function maySpace(text: string, at: number): boolean {
  return ((text.charCodeAt(at) - 0x21) & 0xffff) >= 0x5f;
}

/** The text's four characters after a head at `start`, folded for `tailOf` (lossy, never wrong). */
function textTail(text: string, start: number): number {
  return (
    (text.charCodeAt(start + HEAD) & 0xff) |
    ((text.charCodeAt(start + HEAD + 1) & 0xff) << 8) |
    ((text.charCodeAt(start + HEAD + 2) & 0xff) << 16) |
    ((text.charCodeAt(start + HEAD + 3) & 0xff) << 24) |
    LOWER
  );
}

/**
 * Reads `n` record characters (`chars` from `base`) against the text from `at`, forward
 * (`step` 1) or back (-1), never reading at `limit`; as matchForward and matchBackward read:
 * case folded, and a space is any run of white space. Where reading stopped, or FAILED.
 */
function readRecord(
  text: string,
  at: number,
  step: 1 | -1,
  limit: number,
  chars: Uint8Array,
  base: number,
  n: number,
  fold: Uint16Array,
): number {
  for (let i = 0; i < n; i++) {
    if (at === limit) return FAILED;
    const key = chars[base + i]!;
    if (key === SPACE) {
      if (fold[text.charCodeAt(at)] !== SPACE) return FAILED;
      do at += step;
      while (at !== limit && fold[text.charCodeAt(at)] === SPACE);
      continue;
    }
    let c = text.charCodeAt(at);
    at += step;
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    if (c !== key) return FAILED;
  }
  return at;
}

/** Passed samples `probeMany` takes on at a time: its scratch arrays hold as many starts as these may. */
export const PROBE_BLOCK = 1024;

/** Arrays `probeMany` works in, each PROBE_BLOCK * MAX_STRIDE long. */
export interface ProbeScratch {
  starts: Int32Array;
  slots: Int32Array;
  keyStarts: Int32Array;
  keys: Int32Array;
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
    /** The heads of all keys, HEAD_BITS wide: most starts a sample offers hold none. */
    private readonly heads: Int32Array,
    /**
     * Open-addressing table from a key's first five characters to the keys starting so (a Map
     * would box grams beyond 2^30), SLOT numbers a slot: the first four as a gram (0 in an
     * empty slot: every gram has bit 5 set in each byte), and so on.
     */
    private readonly tableBits: number,
    private readonly table: Int32Array,
    /** The entries of keys beyond the first of a head. */
    private readonly more: Int32Array,
    /**
     * Every key's record (see RECORD): its characters and as many of the anchor's before it,
     * compared without reaching for the anchor's string, which most checks then never read.
     */
    private readonly record: Uint8Array,
    /** Per key (one per keyed anchor): its text, its anchor, and where in the anchor it stands. */
    private readonly keys: string[],
    private readonly anchors: string[],
    private readonly keyAt: Int32Array,
    /** Per key, the number its anchor is reported by (also in its record). */
    private readonly tags: Int32Array,
  ) {
    this.recordWords = new Int32Array(record.buffer);
  }

  /** The records as 32-bit numbers, for their tags. */
  private readonly recordWords: Int32Array;

  /**
   * Splits anchors (folded, distinct) into those the filter can find and the rest. The
   * stride is the largest that still gives every anchor with a run of 5 key characters a
   * window, so no anchor that could be keyed is sent to the full pass.
   */
  static plan(anchors: readonly string[], tags: ArrayLike<number>): KeyPlan {
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

    const cost = (anchor: string, at: number) => costOf(anchor, at, spread);
    const keyAt = placeKeys(anchors, stride, cost);
    const keyed: number[] = [];
    const unkeyed: number[] = [];
    const keys: string[] = [];
    keyAt.forEach((at, a) => {
      if (at < 0) {
        unkeyed.push(a);
        return;
      }
      keyed.push(a);
      keys.push(anchors[a]!.slice(at, at + width));
    });

    const filter = KeyFilter.fromKeys(
      stride,
      keys,
      keyed.map((a) => anchors[a]!),
      Int32Array.from(keyed, (a) => keyAt[a]!),
      Int32Array.from(keyed, (a) => tags[a]!),
    );
    return { filter, keyed, unkeyed };
  }

  private static fromKeys(
    stride: number,
    keys: string[],
    anchors: string[],
    keyAt: Int32Array,
    tags: Int32Array,
  ): KeyFilter {
    // ~1 bit in 32 set: a sampled gram no key holds passes by chance about 3% of the time.
    // Sparser sets pass fewer but scan slower, as every sample reads the set: at 5,000 keys
    // 512 KiB of it ran ~10% slower than 128 KiB, and 128 KiB a little slower than 64 KiB,
    // since the head bit set turns most of what passes away cheaply. At least 8 KiB, which
    // stays in the first-level cache anyway.
    const bits = Math.min(21, Math.max(16, Math.ceil(Math.log2(keys.length * stride * 32))));
    const set = new Int32Array(1 << (bits - 5));
    const heads = new Map<string, number[]>();
    keys.forEach((key, k) => {
      for (let o = 0; o < stride; o++) {
        const slot = slotOf(gramOf(key, o), bits);
        set[slot >>> 5]! |= 1 << (slot & 31);
      }
      const head = key.slice(0, HEAD);
      const list = heads.get(head);
      if (list) list.push(k);
      else heads.set(head, [k]);
    });
    // At most half full, so a probe for an absent head stops within a slot or two.
    const tableBits = Math.max(4, Math.ceil(Math.log2(heads.size * 2 + 1)));
    const size = 1 << tableBits;
    const table = new Int32Array(size * SLOT);
    const headBits = new Int32Array(1 << (HEAD_BITS - 5));
    const record = KeyFilter.records(keys, anchors, keyAt, tags);
    const more = new Int32Array((keys.length - heads.size) * ENTRY);
    let n = 0;
    for (const [head, list] of heads) {
      const gram = gramOf(head, 0);
      const last = head.charCodeAt(GRAM) | 0x20;
      const bit = headHash(gram, last) >>> (32 - HEAD_BITS);
      headBits[bit >>> 5]! |= 1 << (bit & 31);
      let slot = headSlot(gram, last, tableBits);
      while (table[slot * SLOT] !== 0) slot = (slot + 1) & (size - 1);
      const [k0, ...rest] = list;
      table.set([gram, last, k0!, ...tailOf(record, k0!), n, n + rest.length * ENTRY], slot * SLOT);
      for (const k of rest) more.set([k, ...tailOf(record, k)], (n += ENTRY) - ENTRY);
    }
    return new KeyFilter(stride, bits, set, headBits, tableBits, table, more, record, keys, anchors, keyAt, tags);
  }

  /**
   * Every key's record (see RECORD). A key is compared as far as its anchor has key
   * characters and single spaces, up to KEY_CHARS: a 5-letter key of a repeated vocabulary
   * turns up often, 12 letters seldom, and a mismatch found here never reads the anchor.
   */
  private static records(keys: string[], anchors: string[], keyAt: Int32Array, tags: Int32Array): Uint8Array {
    const record = new Uint8Array(keys.length * RECORD);
    const words = new Int32Array(record.buffer);
    keys.forEach((key, k) => {
      const anchor = anchors[k]!;
      let n = key.length;
      for (let at = keyAt[k]! + n; n < KEY_CHARS && at < anchor.length; n++, at++) {
        // On across a single space (the anchor is folded: any run of white space) to the next word.
        const space = anchor.charCodeAt(at) === SPACE && at + 1 < anchor.length && isKeyChar(anchor, at + 1);
        if (!space && !isKeyChar(anchor, at)) break;
      }
      const r = k * RECORD;
      for (let i = 0; i < n; i++) record[r + i] = anchor.charCodeAt(keyAt[k]! + i);
      record[r + LENGTH] = n;
      // Back from the key the same way, nearest first; a dot that starts the anchor is left to
      // matchBackward (it may be the last of a `…`).
      let p = 0;
      for (let at = keyAt[k]! - 1; p < KEY_CHARS && at >= 0; p++, at--) {
        const space = anchor.charCodeAt(at) === SPACE && at > 0 && isKeyChar(anchor, at - 1);
        if (!space && (!isKeyChar(anchor, at) || (at === 0 && anchor.charCodeAt(0) === DOT))) break;
        record[r + BEFORE + p] = anchor.charCodeAt(at);
      }
      record[r + BEFORE_LENGTH] = p;
      // placeKeys keeps keys within an anchor's first 65,536 characters.
      record[r + KEY_AT] = keyAt[k]! & 0xff;
      record[r + KEY_AT + 1] = keyAt[k]! >>> 8;
      record[r + REST] = (keyAt[k]! + n < anchor.length ? AHEAD : 0) | (keyAt[k]! - p > 0 ? BEHIND : 0);
      words[(r + TAG) >> 2] = tags[k]!;
    });
    return record;
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
    // What the text holds outweighs any guess; the guess still orders what it has not seen.
    const cost = (anchor: string, at: number) => timesSeen(anchor, at) * SEEN_WEIGHT + costOf(anchor, at);
    const movable = (k: number) => {
      for (let o = 0; o < this.stride; o++) if (timesSeen(this.keys[k]!, o) > 0) return true;
      return false;
    };
    const keyAt = placeKeys(this.anchors, this.stride, cost, { movable, keys: this.keys });
    let moved = 0;
    const keys = this.keys.map((key, k) => {
      if (keyAt[k] === this.keyAt[k] || keyAt[k]! < 0) {
        keyAt[k] = this.keyAt[k]!;
        return key;
      }
      moved++;
      return this.anchors[k]!.slice(keyAt[k], keyAt[k]! + key.length);
    });
    return moved ? KeyFilter.fromKeys(this.stride, keys, this.anchors, keyAt, this.tags) : undefined;
  }

  get byteSize(): number {
    let chars = 0;
    for (const k of this.keys) chars += k.length;
    for (const a of this.anchors) chars += a.length;
    return (
      this.set.byteLength +
      this.heads.byteLength +
      this.table.byteLength +
      this.more.byteLength +
      this.record.byteLength +
      this.keyAt.byteLength +
      this.tags.byteLength +
      chars * 2
    );
  }

  /**
   * The keys whose heads stand at `starts[0 .. count)` (in the table's `slots`) and whose
   * tails agree with the text's, checked.
   */
  private checkHeads(text: string, count: number, from: number, to: number, onHit: OnHit, scratch: ProbeScratch): void {
    const { table, more } = this;
    const { starts, slots } = scratch;
    let n = 0;
    for (let i = 0; i < count; i++) {
      const start = starts[i]!;
      const at = slots[i]! * SLOT;
      const tail = textTail(text, start);
      n = this.gather(text, start, tail, table, at + FIRST, n, from, to, onHit, scratch);
      for (let e = table[at + MORE]!, end = table[at + MORE + 1]!; e < end; e += ENTRY)
        n = this.gather(text, start, tail, more, e, n, from, to, onHit, scratch);
    }
    this.checkGathered(text, n, from, to, onHit, scratch);
  }

  /** Adds the key of the entry at `list[e]` to the `n` gathered if its tail agrees; the new count. */
  private gather(
    text: string,
    start: number,
    tail: number,
    list: Int32Array,
    e: number,
    n: number,
    from: number,
    to: number,
    onHit: OnHit,
    scratch: ProbeScratch,
  ): number {
    if ((tail & list[e + 2]!) !== list[e + 1]) return n;
    const space = list[e + 3]!;
    if (space >= 0 && !maySpace(text, start + space)) return n;
    // A head shared by very many keys may fill the scratch: check what is gathered and go on.
    if (n === scratch.keys.length) n = this.checkGathered(text, n, from, to, onHit, scratch);
    scratch.keyStarts[n] = start;
    scratch.keys[n] = list[e]!;
    return n + 1;
  }

  /**
   * Checks the `n` keys gathered, in text order, after reading their records in one loop of
   * independent loads: their cache misses overlap, where check after check would wait for
   * each in turn. Returns 0, the count left.
   */
  private checkGathered(
    text: string,
    n: number,
    from: number,
    to: number,
    onHit: OnHit,
    { keyStarts, keys }: ProbeScratch,
  ): 0 {
    let touched = 0;
    for (let j = 0; j < n; j++) touched |= this.record[keys[j]! * RECORD + LENGTH]!;
    this.touched = touched;
    for (let j = 0; j < n; j++) this.check(text, keyStarts[j]!, keys[j]!, from, to, onHit);
    return 0;
  }

  /** Kept so the loads that bring records into cache are not dropped as unused. */
  private touched = 0;

  /**
   * Reports (by their tags, with the offset just past them) the keyed anchors in text[from,
   * to) whose key holds a gram sampled at `base + passed[0 .. count)`: a key starting up to
   * `stride - 1` before it, found by its first five characters.
   *
   * In stages, each a loop over the survivors of the one before: the head bit set, the head
   * table, the tails, the records. (A second look at the gram one sample on, before them,
   * cost more than it saved.) A stage's loads are
   * independent of one another, so the processor has several cache misses in flight at once,
   * where probing one sample after another waited for each: the head table and records of
   * 5,000 keys are far larger than the first-level cache, and cold by the time a key turns up.
   */
  probeMany(
    text: string,
    base: number,
    passed: Int32Array,
    count: number,
    from: number,
    to: number,
    onHit: OnHit,
    scratch: ProbeScratch,
  ): void {
    for (let h = 0; h < count; h += PROBE_BLOCK)
      this.probeBlock(text, base, passed, h, Math.min(count, h + PROBE_BLOCK), from, to, onHit, scratch);
  }

  /** `probeMany` for the samples at base + passed[lo .. hi). */
  private probeBlock(
    text: string,
    base: number,
    passed: Int32Array,
    lo: number,
    hi: number,
    from: number,
    to: number,
    onHit: OnHit,
    scratch: ProbeScratch,
  ): void {
    const { starts, slots } = scratch;
    const stride = this.stride;
    // Where each possible key start would sit in the head table.
    const { tableBits, heads } = this;
    let n = 0;
    for (let h = lo; h < hi; h++) {
      const at = base + passed[h]!;
      for (let start = Math.max(from, at - stride + 1); start <= at && start + HEAD <= to; start++) {
        const c0 = text.charCodeAt(start);
        const c1 = text.charCodeAt(start + 1);
        const c2 = text.charCodeAt(start + 2);
        const c3 = text.charCodeAt(start + 3);
        const c4 = text.charCodeAt(start + 4);
        if ((c0 | c1 | c2 | c3 | c4) >= 0x80) continue;
        const hash = headHash((c0 | (c1 << 8) | (c2 << 16) | (c3 << 24) | LOWER) >> 0, c4 | 0x20);
        const bit = hash >>> (32 - HEAD_BITS);
        if ((heads[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
        starts[n] = start;
        slots[n++] = hash >>> (32 - tableBits);
      }
    }
    // Which of them hold a head: those stay, with the index of its table slot.
    const table = this.table;
    const mask = (1 << tableBits) - 1;
    let found = 0;
    for (let i = 0; i < n; i++) {
      const start = starts[i]!;
      const gram =
        (text.charCodeAt(start) |
          (text.charCodeAt(start + 1) << 8) |
          (text.charCodeAt(start + 2) << 16) |
          (text.charCodeAt(start + 3) << 24) |
          LOWER) >>
        0;
      const last = text.charCodeAt(start + 4) | 0x20;
      let slot = slots[i]!;
      let g: number;
      while ((g = table[slot * SLOT]!) !== 0 && (g !== gram || table[slot * SLOT + 1] !== last))
        slot = (slot + 1) & mask;
      if (g === 0) continue;
      starts[found] = start;
      slots[found++] = slot;
    }
    this.checkHeads(text, found, from, to, onHit, scratch);
  }

  /** Key `k` at `start`, then its anchor around it. */
  private check(text: string, start: number, k: number, from: number, to: number, onHit: OnHit): void {
    const record = this.record;
    const r = k * RECORD;
    const length = record[r + LENGTH]!;
    if (start + length > to) return;
    const fold = foldTable();
    const at = readRecord(text, start, 1, to, record, r, length, fold);
    if (at === FAILED) return;
    const known = record[r + BEFORE_LENGTH]!;
    const back = readRecord(text, start - 1, -1, from - 1, record, r + BEFORE, known, fold);
    if (back === FAILED) return;
    const rest = record[r + REST]!;
    if (rest === 0) {
      onHit(this.recordWords[(r + TAG) >> 2]!, at, back + 1);
      return;
    }
    const keyAt = record[r + KEY_AT]! | (record[r + KEY_AT + 1]! << 8);
    const anchor = this.anchors[k]!;
    const anchorStart = rest & BEHIND ? matchBackward(text, back, from, anchor, keyAt - known - 1) : back + 1;
    if (anchorStart < 0) return;
    const end = rest & AHEAD ? matchForward(text, at, to, anchor, keyAt + length) : at;
    if (end >= 0) onHit(this.recordWords[(r + TAG) >> 2]!, end, anchorStart);
  }
}
