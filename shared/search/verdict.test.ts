import { describe, expect, it } from 'vitest';
import { REASONS, VERDICT_THRESHOLDS, verdict } from './verdict';
import type { VerdictInputs } from './verdict';

const words = (over: Partial<VerdictInputs> = {}): VerdictInputs => ({
  detection: 'none',
  answeredWeight: 1,
  unknownShare: 0,
  margin: 0.5,
  knownWords: 4,
  ...over,
});

describe('verdict', () => {
  it('is sure of an exact error message and of a claimed code, whatever the words say', () => {
    const weak = { answeredWeight: 0, unknownShare: 1, margin: 0 };
    expect(verdict(words({ detection: 'exact', ...weak }))).toEqual({ confident: true, reason: REASONS.exact });
    expect(verdict(words({ code: 'HTTP 449', ...weak }))).toEqual({
      confident: true,
      reason: 'It is the article for HTTP 449.',
    });
  });

  it('takes a generic message as words, not proof', () => {
    expect(verdict(words({ detection: 'generic', answeredWeight: 0.2 })).confident).toBe(false);
    expect(verdict(words({ detection: 'generic' })).confident).toBe(true);
  });

  it('is sure of words only when they are answered, known to the guide and clearly ahead', () => {
    const t = VERDICT_THRESHOLDS;
    expect(verdict(words())).toEqual({ confident: true, reason: REASONS.words });
    expect(verdict(words({ unknownShare: t.unknownShare + 0.01 }))).toEqual({
      confident: false,
      reason: REASONS.unknown,
    });
    expect(verdict(words({ answeredWeight: t.answeredWeight - 0.01 }))).toEqual({
      confident: false,
      reason: REASONS.partial,
    });
    expect(verdict(words({ margin: t.margin - 0.01 }))).toEqual({ confident: false, reason: REASONS.close });
  });

  it('takes a short topic answered in full as answered, however many articles tie', () => {
    expect(verdict(words({ margin: 0, knownWords: 1 })).confident).toBe(true);
    expect(verdict(words({ margin: 0, knownWords: 2, answeredWeight: 0.9 })).confident).toBe(false);
  });

  it('says nothing matches when there is no result at all', () => {
    expect(verdict(words({ detection: 'exact' }), false)).toEqual({ confident: false, reason: REASONS.nothing });
  });
});
