import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../test/bench/rng';
import { WEIGHTS, score, upperBound } from './ranking';
import type { ScoreParts } from './ranking';

describe('ranking', () => {
  it('prunes with a bound no score of the same candidate can exceed, whatever fuse.js says', () => {
    const rng = mulberry32(5);
    for (let i = 0; i < 10_000; i++) {
      const parts: ScoreParts = {
        coverage: rng(),
        answersAll: rng() < 0.5 ? 1 : 0,
        inTitle: rng(),
        fuzzy: 0,
        focus: rng(),
        alias: rng() < 0.1 ? 1 : 0,
      };
      const maxFuzzy = rng();
      const fuzzy = rng() * maxFuzzy;
      expect(score({ ...parts, fuzzy })).toBeLessThanOrEqual(upperBound(parts, maxFuzzy));
    }
  });

  it('weighs every part, none against the user', () => {
    for (const [part, weight] of Object.entries(WEIGHTS)) expect(weight, part).toBeGreaterThan(0);
    // Answering all of the query outweighs matching its title words only.
    expect(WEIGHTS.coverage).toBeGreaterThan(WEIGHTS.inTitle + WEIGHTS.focus);
  });
});
