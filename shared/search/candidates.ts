/**
 * From query tokens to candidate articles, with everything of their score but fuse.js's part:
 * the token index (token-index.ts) gives each token's exact, prefix and typo words and the
 * articles holding them, so the cost follows the words a query matches, not the size of the
 * knowledge base.
 */
import type { SearchDoc } from '../kb/types';
import type { ScoreParts } from './ranking';
import { WORD_QUALITY } from './ranking';
import { typoBudget, wordMatches, words } from './text';
import { BODY, FIELD, TITLE } from './token-index';
import type { TokenIndex } from './token-index';

/** What the vocabulary holds for one query token. */
export interface TokenWords {
  /** Vocabulary words answering the token, with how well (WORD_QUALITY). */
  answers: Map<number, number>;
  /** Words `wordMatches` accepts: they are highlighted and count as the token in titles. */
  shown: Set<number>;
}

export function tokenWords(index: TokenIndex, token: string): TokenWords {
  const answers = new Map<number, number>();
  const shown = new Set<number>();
  const raise = (word: number, q: number) => {
    if ((answers.get(word) ?? 0) < q) answers.set(word, q);
  };
  const exact = index.find(token);
  if (exact >= 0) {
    raise(exact, WORD_QUALITY.exact);
    shown.add(exact);
  }
  if (token.length >= 2) {
    index.forEachPrefixed(token, (w) => {
      shown.add(w);
      if (token.length >= 3) raise(w, WORD_QUALITY.prefix);
    });
  }
  const budget = typoBudget(token.length);
  if (budget > 0) {
    const q = token.length >= 7 ? WORD_QUALITY.longTypo : WORD_QUALITY.shortTypo;
    index.forEachTypo(token, budget, (w) => {
      // A correctly spelt word is not a typo of its neighbours ("token" is not "toner").
      if (exact < 0) raise(w, q);
      // wordMatches allows the typos of the shorter word: never more than the token's own.
      if (wordMatches(index.words[w]!, token)) shown.add(w);
    });
  }
  return { answers, shown };
}

export interface Candidate {
  doc: number;
  /** Per token: 0 (absent) .. 1 (exact word in a short field). */
  quality: number[];
  /** Tokens with some word in the article: fuse.js can credit only these. */
  answered: number;
  parts: Omit<ScoreParts, 'fuzzy'>;
}

export interface CandidateInput {
  index: TokenIndex;
  docs: readonly SearchDoc[];
  tokens: readonly string[];
  words: readonly TokenWords[];
  /** Articles one of whose aliases is the whole query. */
  aliasOf: ReadonlySet<number>;
  eligible: (doc: number) => boolean;
}

/** Every eligible article holding a word that answers a token, with its score parts. */
export function gatherCandidates(input: CandidateInput): Candidate[] {
  const { index, docs, tokens, words: tokenWordsList, aliasOf, eligible } = input;
  const width = tokens.length;
  const quality = new Map<number, number[]>();
  tokenWordsList.forEach(({ answers }, t) => {
    for (const [word, q] of answers) {
      const raise = (doc: number, value: number) => {
        const row = quality.get(doc) ?? quality.set(doc, new Array<number>(width).fill(0)).get(doc)!;
        if (value > row[t]!) row[t] = value;
      };
      index.forEachDoc(word, FIELD, (doc) => raise(doc, q));
      index.forEachDoc(word, BODY, (doc) => raise(doc, q * WORD_QUALITY.bodyOnly));
    }
  });
  // Per candidate, the tokens one of whose shown words stands in its title.
  const titled = new Map<number, Set<number>>();
  tokenWordsList.forEach(({ shown }, t) => {
    for (const word of shown) {
      if (!index.has(word, TITLE)) continue;
      index.forEachDoc(word, TITLE, (doc) => {
        if (quality.has(doc)) (titled.get(doc) ?? titled.set(doc, new Set()).get(doc)!).add(t);
      });
    }
  });
  const answering = new Set(tokenWordsList.flatMap(({ shown }) => [...shown]));
  const candidates: Candidate[] = [];
  for (const [doc, row] of quality) {
    if (!eligible(doc)) continue;
    const answered = row.filter((q) => q > 0).length;
    const inTitle = titled.get(doc)?.size ?? 0;
    candidates.push({
      doc,
      quality: row,
      answered,
      parts: {
        coverage: row.reduce((sum, q) => sum + q, 0) / width,
        answersAll: answered === width ? 1 : 0,
        inTitle: inTitle / width,
        focus: inTitle ? focusOf(index, docs[doc]!.title, answering) : 0,
        alias: aliasOf.has(doc) ? 1 : 0,
      },
    });
  }
  return candidates;
}

/** Share of the title's words that answer some token. */
function focusOf(index: TokenIndex, title: string, answering: ReadonlySet<number>): number {
  const ids = words(title).map((w) => index.find(w));
  return ids.length ? ids.filter((w) => w >= 0 && answering.has(w)).length / ids.length : 0;
}
