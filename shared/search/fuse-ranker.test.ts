import Fuse from 'fuse.js';
import kb from 'virtual:kb';
import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '../kb/types';
import { FUSE_KEYS, FUSE_OPTIONS } from './config';
import { FuseRanker } from './fuse-ranker';

const docs = kb.search.docs;
const ranker = new FuseRanker(docs, { ...FUSE_OPTIONS, keys: FUSE_KEYS });
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

/** Pieces of the articles' own fields, 2 to 64 characters, with up to three slips each. */
function fieldPatterns(count: number): string[] {
  let seed = 7;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return Math.floor((seed / 2 ** 32) * n);
  };
  const fields = docs.flatMap((d) => [d.title, ...d.aliases, ...d.signatures, d.symptom, d.summary, d.keywords]);
  const slip = (p: string) => {
    const i = next(p.length);
    const c = 'eaixq '[next(6)]!;
    return [p.slice(0, i) + p.slice(i + 1), p.slice(0, i) + c + p.slice(i), p.slice(0, i) + c + p.slice(i + 1)][
      next(3)
    ]!;
  };
  const out: string[] = [];
  while (out.length < count) {
    const field = fields[next(fields.length)]!;
    const length = [2, 3, 5, 8, 12, 20, 31, 32, 33, 45, 64][next(11)]!;
    const start = next(Math.max(1, field.length - length));
    let p = field.slice(start, start + length);
    for (let k = next(4); k > 0; k--) p = slip(p);
    if (p.trim()) out.push(p);
  }
  return out;
}

describe('fuse ranker', () => {
  it("gives fuse.js's own scores, from records holding only the values that can match", () => {
    for (const pattern of PATTERNS) {
      const expected = new Map(fuse.search(pattern).map((r) => [r.refIndex, r.score]));
      expect(ranker.scores(ranker.prepare(pattern), all), pattern).toEqual(expected);
    }
  });

  it('scores the window around the best match in each value exactly as fuse.js scores the whole value', () => {
    for (const pattern of fieldPatterns(100)) {
      const expected = new Map(fuse.search(pattern).map((r) => [r.refIndex, r.score]));
      expect(ranker.scores(ranker.prepare(pattern), all), JSON.stringify(pattern)).toEqual(expected);
    }
  });

  it('refines a bound only as far as asked, never past the full bound', () => {
    for (const pattern of [
      'activation',
      'wipe handheld',
      'statusexception: conflict matching the client and server obj',
    ]) {
      const full = ranker.prepare(pattern);
      for (const doc of all) {
        const exact = ranker.lowerBound(doc, full);
        const partial = ranker.prepare(pattern);
        const rough = ranker.lowerBound(doc, partial, 0.1);
        expect(rough, `${pattern} / ${docs[doc]!.id}`).toBeLessThanOrEqual(exact);
        // Short of the target only when nothing is left to measure.
        expect(rough >= 0.1 || rough === exact).toBe(true);
        expect(ranker.lowerBound(doc, partial)).toBe(exact);
      }
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
