/**
 * fuse.js scores the few candidates that can still reach the top, through its public API:
 * a Fuse over just those articles' short fields, asked once per query token. fuse.js costs
 * ~25 µs per article and token on these fields (more on long ones), so the search asks it
 * only about candidates whose upper bound beats what is already found.
 */
import Fuse from 'fuse.js';
import type { SearchDoc } from '../kb/types';
import { FUSE_KEYS, FUSE_OPTIONS } from './config';

/**
 * The fuzzy part of each candidate's score: per token it answers (quality > 0), 1 minus
 * fuse.js's score of the token (0 is a perfect match in fuse.js), averaged over all tokens.
 */
export function fuzzyScores(
  docs: readonly SearchDoc[],
  candidates: readonly { doc: number; quality: readonly number[] }[],
  tokens: readonly string[],
): number[] {
  const fuse = new Fuse(
    candidates.map((c) => docs[c.doc]!),
    { ...FUSE_OPTIONS, keys: FUSE_KEYS.map((k) => ({ ...k })) },
  );
  const credit = candidates.map(() => 0);
  tokens.forEach((token, t) => {
    for (const r of fuse.search(token)) {
      if (candidates[r.refIndex]!.quality[t]! > 0) credit[r.refIndex]! += 1 - (r.score ?? 1);
    }
  });
  return credit.map((c) => c / tokens.length);
}
