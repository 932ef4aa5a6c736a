import { foldString } from '../detect/fold';
import { MAX_QUERY_LENGTH } from './config';

// Bidi controls, zero-width characters and C0/C1 controls: invisible, and only trouble.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const COMBINING = /\p{M}+/gu;

/** Makes any user input safe to search: capped, visible characters only, no accents. */
export function cleanQuery(raw: string): string {
  const capped = raw.length > MAX_QUERY_LENGTH ? raw.slice(0, MAX_QUERY_LENGTH) : raw;
  return capped.replace(INVISIBLE, ' ').normalize('NFKD').replace(COMBINING, '').normalize('NFC').trim();
}

export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

// Words keep inner dots, dashes, colons and $ so commands and dotted names stay whole:
// "Set-CASMailbox", "AW.Eas.Web.Listener.Log", "-ActiveSyncDebugLogging:$true".
const WORD = /[\p{L}\p{N}$_]+(?:[.\-:/\\@][\p{L}\p{N}$_]+)*/gu;

export function wordSpans(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ word: foldString(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function words(text: string): string[] {
  return wordSpans(text).map((w) => w.word);
}

// Two rows of the distance table, reused: the vocabulary check calls this thousands of
// times per query, and fresh arrays per call cost more than the arithmetic.
let prevRow = new Int32Array(64);
let curRow = new Int32Array(64);

/** Damerau-free Levenshtein distance with an early exit once `max` is exceeded. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (prevRow.length <= n) {
    prevRow = new Int32Array(n + 1);
    curRow = new Int32Array(n + 1);
  }
  let prev = prevRow;
  let cur = curRow;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return prev[n]!;
}

/** Typos allowed for a word of this length: none for short words, which typos swamp. */
export function typoBudget(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

const COMPOUND = /[.\-:/\\@]/;

/** Prefix of the word, or of one part of a dotted or dashed compound ("aw.eas.web.listener.log"). */
export function wordMatchesPrefix(word: string, token: string): boolean {
  if (word.startsWith(token)) return true;
  return COMPOUND.test(word) && word.split(COMPOUND).some((p) => p.startsWith(token));
}

/** Does a text word answer a query token (prefix while typing, or a small typo)? */
export function wordMatches(word: string, token: string): boolean {
  if (word === token) return true;
  if (token.length >= 2 && wordMatchesPrefix(word, token)) return true;
  const budget = typoBudget(Math.min(word.length, token.length));
  return budget > 0 && editDistance(word, token, budget) <= budget;
}

/** The characters of a text as a 32-bit set (code & 31): one edit changes at most two bits. */
export function charMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) & 31);
  return mask;
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
