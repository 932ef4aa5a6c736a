import Fuse from 'fuse.js';
import kb from 'virtual:kb';
import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '../kb/types';
import { FUSE_KEYS, FUSE_OPTIONS } from './config';
import { FuseRanker } from './fuse-ranker';

const docs = kb.search.docs;
const ranker = new FuseRanker(docs, { ...FUSE_OPTIONS, keys: FUSE_KEYS }, kb.search.index as never);
const fuse = new Fuse<SearchDoc>(docs, { ...FUSE_OPTIONS, keys: FUSE_KEYS as unknown as string[] });
const all = docs.map((_, i) => i);

// Words, typos, phrases over 32 characters (two Bitap chunks), one-character patterns.
const PATTERNS = [
  'activation',
  'activaton',
  'partnrship',
  'sync',
  'eas',
  'a',
  '5',
  'wipe handheld',
  'direct push heartbeat',
  'set-activesyncmailboxpolicy',
  'the server is not responding. please contact your',
  'statusexception: conflict matching the client and server obj',
  'xqzv',
];

describe('fuse ranker', () => {
  it("gives fuse.js's own scores, from records holding only the values that can match", () => {
    for (const pattern of PATTERNS) {
      const expected = new Map(fuse.search(pattern).map((r) => [r.refIndex, r.score]));
      expect(ranker.scores(ranker.prepare(pattern), all), pattern).toEqual(expected);
    }
  });

  it("bounds fuse.js's score of every article from below, and tightly", () => {
    let pairs = 0;
    let tight = 0;
    for (const pattern of PATTERNS) {
      const prepared = ranker.prepare(pattern);
      const scores = new Map(fuse.search(pattern).map((r) => [r.refIndex, r.score ?? 1]));
      for (const doc of all) {
        const bound = ranker.lowerBound(doc, prepared);
        const score = scores.get(doc) ?? 1;
        expect(bound, `${pattern} / ${docs[doc]!.id}`).toBeLessThanOrEqual(score);
        pairs++;
        if (bound > score * 0.999) tight++;
      }
    }
    // Loose only where fuse.js drops a match Myers counts (3-letter patterns with an error:
    // fuse.js also wants two marked characters in a row). A loose bound costs a fuse.js call
    // that was not needed, never a wrong result.
    expect(tight / pairs).toBeGreaterThan(0.95);
  });
});
