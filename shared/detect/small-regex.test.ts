import { describe, expect, it } from 'vitest';
import { compileContent } from '../compiler/compile';
import { readContent } from '../compiler/read-content';
import { generateKnowledge } from '../../test/bench/generate-kb';
import { int, mulberry32, pick } from '../../test/bench/rng';
import { PLACEHOLDERS, compilePattern } from './pattern';
import { SmallRegex } from './small-regex';

/** What V8 gives: the end of a sticky match at `at` on text[lo, hi), or -1. */
function regexForward(source: string, text: string, at: number, lo: number, hi: number): number {
  const regex = new RegExp(source, 'iuy');
  regex.lastIndex = at - lo;
  const m = regex.exec(text.slice(lo, hi));
  return m ? at + m[0].length : -1;
}

/** What V8 gives for `source` as a lookbehind ending at `at`: where it starts, or -1. */
function regexBackward(source: string, text: string, at: number, lo: number, hi: number): number {
  const regex = new RegExp(`(?<=(${source}))`, 'iuy');
  regex.lastIndex = at - lo;
  const m = regex.exec(text.slice(lo, hi));
  return m ? at - m[1]!.length : -1;
}

// Characters where a hand-written matcher would most likely part from V8: case folds outside
// ASCII (Kelvin sign, long s), white space \s has and folding lacks, surrogate pairs, and
// the separators placeholders stop at.
const TRICKY = [
  'a',
  'K',
  'k',
  '\u212a',
  's',
  '\u017f',
  'x',
  'Z',
  '0',
  '7',
  'f',
  'F',
  ' ',
  '  ',
  '\t',
  '\n',
  '\u00a0',
  '\ufeff',
  '\u0085',
  '.',
  ',',
  ':',
  '-',
  '\u2013',
  '@',
  '_',
  "'",
  '\u2019',
  '"',
  '\u201c',
  '\u2026',
  'é',
  '\u{1F600}',
  '\ud800',
  '/',
  'T',
  'PM',
  '+',
  '(',
  ')',
];

function mutate(rng: () => number, text: string): string {
  let out = text;
  for (let n = int(rng, 0, 3); n > 0; n--) {
    const at = int(rng, 0, out.length);
    const cut = int(rng, 0, 2);
    out = out.slice(0, at) + pick(rng, TRICKY) + out.slice(at + cut);
  }
  return out;
}

function signatures(): { text: string; examples: string[] }[] {
  const real = compileContent(readContent('content', '.')).bundle!.signatures;
  const synthetic = compileContent(generateKnowledge(300) as never).bundle!.signatures;
  return [...real, ...synthetic];
}

describe('SmallRegex', () => {
  it('compiles every placeholder and every shipped and synthetic signature', () => {
    for (const source of Object.values(PLACEHOLDERS)) expect(SmallRegex.compile(source), source).toBeDefined();
    for (const sig of signatures()) {
      const p = compilePattern(sig.text);
      expect(SmallRegex.compile(p.quickSource), sig.text).toBeDefined();
      if (p.prefixSource) expect(SmallRegex.compile(p.prefixSource, true), sig.text).toBeDefined();
    }
  });

  it('leaves sources outside its subset to RegExp', () => {
    for (const source of ['(a)', 'a\\b', '(?<=a)b', '(?:ab)+', 'a.b', '^a', '\\p{L}']) {
      expect(SmallRegex.compile(source), source).toBeUndefined();
    }
  });

  it('matches forward exactly where V8 does, on mutated real examples', () => {
    const rng = mulberry32(11);
    let compared = 0;
    let matched = 0;
    for (const sig of signatures()) {
      const { quickSource } = compilePattern(sig.text);
      const small = SmallRegex.compile(quickSource)!;
      for (const example of sig.examples.slice(0, 2)) {
        for (const text of [
          `${pick(rng, TRICKY)} ${example} ${pick(rng, TRICKY)}`,
          `${pick(rng, TRICKY)} ${mutate(rng, example)}`,
        ])
          for (let at = 0; at <= text.length; at++) {
            const lo = Math.max(0, at - int(rng, 0, 5));
            const hi = int(rng, 0, 3) === 0 ? int(rng, at, text.length) : text.length;
            const expected = regexForward(quickSource, text, at, lo, hi);
            expect(small.run(text, at, lo, hi), `${sig.text} @${at} in ${JSON.stringify(text)}`).toBe(expected);
            compared++;
            if (expected >= 0) matched++;
          }
      }
    }
    // The comparison means something only if many positions do match.
    expect(compared).toBeGreaterThan(10_000);
    expect(matched).toBeGreaterThan(200);
  });

  it('matches backward exactly as a V8 lookbehind does', () => {
    const rng = mulberry32(12);
    let matched = 0;
    for (const sig of signatures()) {
      const { prefixSource } = compilePattern(sig.text);
      if (!prefixSource) continue;
      const small = SmallRegex.compile(prefixSource, true)!;
      for (const example of sig.examples.slice(0, 2)) {
        for (const text of [`${pick(rng, TRICKY)} ${example}`, `${pick(rng, TRICKY)} ${mutate(rng, example)}`])
          for (let at = 0; at <= text.length; at++) {
            const lo = int(rng, 0, 2) === 0 ? int(rng, 0, at) : 0;
            const expected = regexBackward(prefixSource, text, at, lo, text.length);
            expect(small.run(text, at, lo, text.length), `${sig.text} @${at} in ${JSON.stringify(text)}`).toBe(
              expected,
            );
            if (expected >= 0) matched++;
          }
      }
    }
    expect(matched).toBeGreaterThan(80);
  });

  it('backtracks into white space and lazy placeholders as V8 does', () => {
    const cases: [string, string][] = [
      [compilePattern('error {any} foo').quickSource, 'error   foo and error x foo'],
      [compilePattern('ab {any}').quickSource, 'a bc\u{1F600}d'],
      [compilePattern('at {time} done').quickSource, 'at 2024-01-02 10:11:12.123 PM done'],
      [compilePattern('user {email} ok').quickSource, 'user a.b@c.d.e ok'],
      [compilePattern('Kelvin').quickSource, '\u212aelvin'],
    ];
    for (const [source, text] of cases) {
      const small = SmallRegex.compile(source)!;
      for (let at = 0; at <= text.length; at++) {
        expect(small.run(text, at, 0, text.length), `${source} @${at}`).toBe(
          regexForward(source, text, at, 0, text.length),
        );
      }
    }
    expect(SmallRegex.compile(compilePattern('Kelvin').quickSource)!.run('\u212aelvin', 0, 0, 6)).toBe(6);

    // Read backwards, a greedy placeholder takes surrogate pairs whole and gives them back whole.
    const { prefixSource } = compilePattern('{any} then {number} tail');
    const back = SmallRegex.compile(prefixSource, true)!;
    for (const text of ['x\u{1F600}y then 12 tail', '\u{1F600}\u{1F600} then 3 tail', 'a then  then 4 tail']) {
      const at = text.indexOf('tail');
      expect(back.run(text, at, 0, text.length), text).toBe(regexBackward(prefixSource, text, at, 0, text.length));
    }
  });
});
