/**
 * The vocabulary of the knowledge base with, per word, the articles holding it: built at
 * compile time, shipped in the bundle (`search.tokens`), read at start-up without rebuilding.
 *
 * It lets a query token find its exact, prefix and typo matches in a sorted word list instead
 * of an edit distance against every word, and its articles from posting lists instead of a
 * fuse.js pass over every article: search cost follows the words matched, not the size of
 * the knowledge base. Posting lists stay encoded until a query needs them (~1.5 characters
 * per article and word, see `encodeList`), so start-up is a split and one scan for commas.
 */
import type { Article, SearchDoc, SearchTokens } from '../kb/types';
import { articleWords } from './search-doc';
import { charMask, editDistance, popcount, words } from './text';

/** Words found in the short fields fuse.js searches (title, aliases, signatures, ...). */
export function fieldWords(doc: SearchDoc): Set<string> {
  return new Set(
    words(
      [doc.title, doc.aliases.join(' '), doc.signatures.join(' '), doc.symptom, doc.summary, doc.keywords].join(' '),
    ),
  );
}

// Delta-coded document numbers, 5 bits per character: values 32..63 carry more digits.
// JSON-safe characters only (no quote, backslash or comma), so the lists need no escaping.
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;
const LIST_END = ',';

/** The posting lists of each word, in this order. */
export const FIELD = 0;
/** Only in the body or steps, not in any short field. */
export const BODY = 1;
/** In the title (also counted in FIELD). */
export const TITLE = 2;
export type PostingList = typeof FIELD | typeof BODY | typeof TITLE;
const LISTS = 3;

function encodeList(docs: readonly number[]): string {
  let out = '';
  let prev = -1;
  for (const doc of docs) {
    // Gaps between sorted documents, minus one: common words cost one character per article.
    let v = doc - prev - 1;
    prev = doc;
    let digits = DIGITS[v & 31]!;
    for (v >>>= 5; v > 0; v >>>= 5) digits = DIGITS[32 + (v & 31)]! + digits;
    out += digits;
  }
  return out + LIST_END;
}

/**
 * Builds the shipped token index: for every word (folded, as `words` splits text), the
 * documents holding it in a short field, those holding it only in their body or steps, and
 * those holding it in their title.
 */
export function buildTokenIndex(docs: readonly SearchDoc[], articles: readonly Article[]): SearchTokens {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const field = new Map<string, number[]>();
  const body = new Map<string, number[]>();
  const title = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, word: string, doc: number) => {
    const list = map.get(word);
    if (list) list.push(doc);
    else map.set(word, [doc]);
  };
  docs.forEach((doc, i) => {
    const fields = fieldWords(doc);
    for (const w of fields) add(field, w, i);
    for (const w of new Set(words(doc.title))) add(title, w, i);
    const article = byId.get(doc.id);
    if (!article) return;
    for (const w of new Set(words(articleWords(article)))) if (!fields.has(w)) add(body, w, i);
  });
  // Code-unit order (not localeCompare): the runtime's binary search compares the same way.
  const vocabulary = [...new Set([...field.keys(), ...body.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let postings = '';
  for (const w of vocabulary) {
    postings += encodeList(field.get(w) ?? []) + encodeList(body.get(w) ?? []) + encodeList(title.get(w) ?? []);
  }
  return { words: vocabulary.join(' '), postings };
}

const COMPOUND = /[.\-:/\\@]/;

/** The shipped token index, read for queries. */
export class TokenIndex {
  readonly words: readonly string[];
  private readonly postings: string;
  /** Start of list k (LISTS per word); list k ends one before start k + 1. */
  private readonly starts: Int32Array;
  /** Built on first use: (part, word) pairs of compound words, sorted by part. */
  private parts?: { part: string[]; word: Int32Array };
  /** Built on first typo lookup: words by length, and their character masks. */
  private byLength?: { ids: Int32Array; from: Int32Array; mask: Int32Array };

  constructor(data: SearchTokens) {
    this.words = data.words ? data.words.split(' ') : [];
    this.postings = data.postings;
    const lists = this.words.length * LISTS;
    const starts = new Int32Array(lists + 1);
    let at = 0;
    for (let k = 0; k < lists; k++) {
      starts[k] = at;
      at = data.postings.indexOf(LIST_END, at) + 1;
      if (at === 0) throw new Error('search.tokens: posting lists do not match the vocabulary');
    }
    starts[lists] = at;
    this.starts = starts;
  }

  /** Index of a word in the vocabulary, or -1. */
  find(word: string): number {
    const i = this.lowerBound(word);
    return this.words[i] === word ? i : -1;
  }

  /** First vocabulary index whose word is not below `word`. */
  lowerBound(word: string): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.words[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Calls `onWord` for every word `wordMatchesPrefix(word, prefix)` accepts: words starting
   * with it, and compound words ("aw.eas.web.listener.log") with a part starting with it.
   * A word may be reported twice.
   */
  forEachPrefixed(prefix: string, onWord: (word: number) => void): void {
    for (let i = this.lowerBound(prefix); i < this.words.length && this.words[i]!.startsWith(prefix); i++) onWord(i);
    const parts = (this.parts ??= this.buildParts());
    let lo = 0;
    let hi = parts.part.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (parts.part[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < parts.part.length && parts.part[i]!.startsWith(prefix); i++) onWord(parts.word[i]!);
  }

  /** Calls `onWord` for every word within `budget` edits of `token` (Levenshtein). */
  forEachTypo(token: string, budget: number, onWord: (word: number) => void): void {
    const index = (this.byLength ??= this.buildByLength());
    const mask = charMask(token);
    const maxBits = 2 * budget;
    const longest = index.from.length - 2;
    const shortest = Math.max(0, token.length - budget);
    const longestAllowed = Math.min(longest, token.length + budget);
    for (let k = index.from[Math.min(shortest, longest + 1)]!, end = index.from[longestAllowed + 1]!; k < end; k++) {
      // Cheap filters first: one edit adds or removes at most two characters from the set;
      // each character only the token has, and each only the word has, takes an edit.
      const wordMask = index.mask[k]!;
      if (popcount(wordMask ^ mask) > maxBits) continue;
      if (popcount(mask & ~wordMask) > budget || popcount(wordMask & ~mask) > budget) continue;
      const word = index.ids[k]!;
      if (editDistance(this.words[word]!, token, budget) <= budget) onWord(word);
    }
  }

  /** Does any document hold the word in this list? */
  has(word: number, list: PostingList): boolean {
    const k = word * LISTS + list;
    return this.starts[k + 1]! - 1 > this.starts[k]!;
  }

  /** Documents of one of the word's lists, in increasing order. */
  forEachDoc(word: number, list: PostingList, onDoc: (doc: number) => void): void {
    const k = word * LISTS + list;
    const end = this.starts[k + 1]! - 1;
    const postings = this.postings;
    let prev = -1;
    let v = 0;
    for (let i = this.starts[k]!; i < end; i++) {
      const digit = DIGIT_VALUE[postings.charCodeAt(i)]!;
      if (digit >= 32) v = (v << 5) | (digit - 32);
      else {
        prev += ((v << 5) | digit) + 1;
        v = 0;
        onDoc(prev);
      }
    }
  }

  private buildParts(): { part: string[]; word: Int32Array } {
    const pairs: [string, number][] = [];
    this.words.forEach((w, i) => {
      if (!COMPOUND.test(w)) return;
      // The first part is the word's own prefix, already found by the sorted range.
      for (const part of w.split(COMPOUND).slice(1)) if (part) pairs.push([part, i]);
    });
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    return { part: pairs.map((p) => p[0]), word: Int32Array.from(pairs, (p) => p[1]) };
  }

  private buildByLength(): { ids: Int32Array; from: Int32Array; mask: Int32Array } {
    let longest = 0;
    for (const w of this.words) longest = Math.max(longest, w.length);
    const from = new Int32Array(longest + 2);
    for (const w of this.words) from[w.length + 1]!++;
    for (let len = 1; len < from.length; len++) from[len]! += from[len - 1]!;
    const fill = from.slice();
    const ids = new Int32Array(this.words.length);
    const mask = new Int32Array(this.words.length);
    this.words.forEach((w, i) => {
      const k = fill[w.length]!++;
      ids[k] = i;
      mask[k] = charMask(w);
    });
    return { ids, from, mask };
  }
}
