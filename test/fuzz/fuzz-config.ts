/**
 * Shared settings of the property-based tests. A fixed seed keeps CI reproducible; set
 * FUZZ_SEED (and FUZZ_RUNS) to explore further, and a failure prints the seed and the
 * shrunk input that reproduce it.
 */
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { compileContent } from '../../shared/compiler/compile';
import { readContent } from '../../shared/compiler/read-content';
import type { KnowledgeBundle } from '../../shared/kb/types';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A property that has not finished by then has hung: the guard against hangs, not a speed target. */
export const HANG_GUARD_MS = 120_000;

export function params(runs = 200): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 0x5f_19_2026;
  const numRuns = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : runs;
  return { seed, numRuns, endOnFailure: true };
}

let shipped: KnowledgeBundle | undefined;

/** The real knowledge base, compiled once for all the properties of a file. */
export function shippedBundle(): KnowledgeBundle {
  if (!shipped) {
    const { bundle, problems } = compileContent(readContent(`${ROOT}content`, ROOT));
    if (!bundle) throw new Error(`content does not compile: ${problems.length} problems`);
    shipped = bundle;
  }
  return shipped;
}

/** Characters an attacker reaches for: controls, NUL, lone surrogates, RTL marks, zero-width and combining marks, emoji. */
const NASTY = [
  '\u0000',
  '\u0007',
  '\t',
  '\r',
  '\n',
  '\u000b',
  '\u00a0',
  '\u00ad',
  '\u0301',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u2028',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
  'ß',
  'İ',
  'ﬁ',
  '…',
  '`',
  '\\',
  '$',
  '^',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '*',
  '+',
  '?',
  '|',
  '.',
  '<',
  '>',
  '&',
  '"',
  "'",
  '%',
  '#',
  ':',
  '-',
  '_',
  '/',
];

/** Text built from the knowledge base's own words and error strings, cut, mixed with noise and nasty characters. */
export function hostileText(pieces: readonly string[], maxLength = 4_000): fc.Arbitrary<string> {
  const fragment = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...pieces) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...pieces), fc.nat(), fc.nat())
        .map(([p, a, b]) => p.slice(Math.min(a, b) % (p.length + 1), Math.max(a, b) % (p.length + 1))),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...NASTY, 'a', ' ', 'Access Denied '), fc.integer({ min: 1, max: 400 }))
        .map(([c, n]) => c.repeat(n)),
    },
  );
  return fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join('').slice(0, maxLength));
}
