/**
 * Search configuration, frozen: the fields fuse.js scores and how, and the bounds on queries.
 * No fuse.js index ships: fuzzy.ts gives fuse.js the few candidates it scores per query.
 */

/**
 * Short fields only: Bitap's cost grows with the length of every searched field (summaries
 * and keywords cost ~2.5× as much again). Their words still count through the token index.
 */
export const FUSE_KEYS = Object.freeze([
  { name: 'title', weight: 3 },
  { name: 'aliases', weight: 2.5 },
  { name: 'signatures', weight: 2 },
  { name: 'symptom', weight: 1.5 },
] as const);

export const FUSE_OPTIONS = Object.freeze({
  includeScore: true,
  // Matches far into a field count as much as early ones (an error string mid-sentence).
  ignoreLocation: true,
  threshold: 0.34,
  minMatchCharLength: 2,
  shouldSort: true,
  ignoreFieldNorm: true,
});

/** Bitap handles at most 32 characters per chunk; longer tokens are cut. */
export const MAX_TOKEN_LENGTH = 32;
export const MAX_TOKENS = 8;
export const MAX_QUERY_LENGTH = 10_000;

export const STOPWORDS = new Set(
  (
    'a an and are as at be but by can do does for from has have how i if in into is it its ' +
    'my no not of on or our so that the their then there these this to was were what when ' +
    'where which who why will with you your up get got cant cannot dont doesnt wont after ' +
    'before again any all me we us it’s'
  ).split(' '),
);
