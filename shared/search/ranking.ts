/**
 * How a fuzzy result is scored: every rule and weight in one place. The search prunes with
 * `upperBound`, which is `score` with the fuzzy part at its best, so a weight changed here
 * changes the bound with it (ranking.test.ts checks it stays an upper bound).
 */

/** What the score is made of, each from 0 to 1. */
export interface ScoreParts {
  /** How well the article's words answer the query's tokens, on average (token index). */
  coverage: number;
  /** 1 when every token is answered by some word of the article. */
  answersAll: number;
  /** Share of tokens answered by a word of the title. */
  inTitle: number;
  /** fuse.js's typo-tolerant match of the tokens over the short fields, on average. */
  fuzzy: number;
  /** Share of the title's words that answer some token: "Enterprise activation" over a long title. */
  focus: number;
  /** 1 when the whole query is one of the article's aliases ("EAS", "F5"). */
  alias: number;
}

/** Answering every word of the query matters most; titles and fuse.js's field weights order the rest. */
export const WEIGHTS: Readonly<ScoreParts> = Object.freeze({
  coverage: 0.6,
  answersAll: 0.1,
  inTitle: 0.1,
  fuzzy: 0.2,
  focus: 0.05,
  alias: 0.2,
});

const PARTS = Object.keys(WEIGHTS) as (keyof ScoreParts)[];

export function score(parts: ScoreParts): number {
  let total = 0;
  for (const k of PARTS) total += WEIGHTS[k] * parts[k];
  return total;
}

/** The best score the article can reach once fuse.js has scored it: fuzzy is at most `maxFuzzy`. */
export function upperBound(parts: Omit<ScoreParts, 'fuzzy'>, maxFuzzy: number): number {
  return score({ ...parts, fuzzy: maxFuzzy });
}

/** How well a vocabulary word answers a query token. */
export const WORD_QUALITY = Object.freeze({
  exact: 1,
  /** The token starts the word (typing, or one part of a dotted or dashed name). */
  prefix: 0.9,
  /** Within the typo budget of a token of 7 characters or more; of a shorter token. */
  longTypo: 0.8,
  shortTypo: 0.5,
  /** A word found only in a body or a fix step counts this much of one in a short field. */
  bodyOnly: 0.75,
});
