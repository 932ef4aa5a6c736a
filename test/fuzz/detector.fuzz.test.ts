/**
 * Properties of the detector's public API (`new Detector(signatures).find(text)`), whatever
 * the text: it never throws, every finding lies inside the text and says what it covers,
 * it never returns more than asked, and a known error line is still found among others.
 * Hang guard: the test's own timeout; the speed itself is measured by `npm run bench`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Detector } from '../../shared/detect/detector';
import type { Finding } from '../../shared/detect/detector';
import { HANG_GUARD_MS, hostileText, params, shippedBundle } from './fuzz-config';

const bundle = shippedBundle();
const detector = new Detector(bundle.signatures);
const signatureIds = new Set(bundle.signatures.map((s) => s.id));
const articleIds = new Set(bundle.articles.map((a) => a.id));
const examples = bundle.signatures.flatMap((s) => s.examples.map((example) => ({ id: s.id, example })));
/** Every character some line splitter treats as the end of a line. */
const LINE_BREAKS = new RegExp(['\n', '\r', '\u2028', '\u2029', '\v', '\f', '\u0085'].join('|'), 'g');
const pieces = [
  ...examples.map((e) => e.example),
  ...bundle.signatures.map((s) => s.text),
  ...bundle.articles.map((a) => a.title),
];

function checkFindings(text: string, findings: readonly Finding[], max: number): void {
  expect(findings.length).toBeLessThanOrEqual(max);
  for (const f of findings) {
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(signatureIds.has(f.signature)).toBe(true);
    expect(articleIds.has(f.article)).toBe(true);
    expect(f.confidence).toBeGreaterThanOrEqual(0);
    expect(f.confidence).toBeLessThanOrEqual(1);
  }
}

describe('Detector.find on hostile text', () => {
  it(
    'never throws, and every finding lies inside the text and is the text it covers',
    () => {
      fc.assert(
        fc.property(
          hostileText(pieces),
          fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
          (text, max) => {
            const findings = detector.find(text, max === undefined ? {} : { maxFindings: max });
            checkFindings(text, findings, max ?? Infinity);
          },
        ),
        params(300),
      );
    },
    HANG_GUARD_MS,
  );

  it(
    'finds a known error line wherever it stands among other lines',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...examples),
          fc.array(
            hostileText(pieces, 200).map((l) => l.replace(LINE_BREAKS, ' ')),
            { maxLength: 5 },
          ),
          fc.array(
            hostileText(pieces, 200).map((l) => l.replace(LINE_BREAKS, ' ')),
            { maxLength: 5 },
          ),
          ({ id, example }, before, after) => {
            const head = before.length ? `${before.join('\n')}\n` : '';
            const text = `${head}${example}${after.length ? `\n${after.join('\n')}` : ''}`;
            const findings = detector.find(text);
            checkFindings(text, findings, Infinity);
            const start = head.length;
            const end = start + example.length;
            const covering = findings.filter((f) => f.start >= start && f.end <= end);
            expect(covering.length, `${id} in ${JSON.stringify(text)}`).toBeGreaterThan(0);
          },
        ),
        params(300),
      );
    },
    HANG_GUARD_MS,
  );

  it(
    'stays bounded on pathological text: one character a million times, one error a hundred thousand times',
    () => {
      const cases = [
        'a'.repeat(1_000_000),
        ' '.repeat(1_000_000),
        '\ud800'.repeat(200_000),
        `${examples[0]!.example}\n`.repeat(100_000),
        'Access Denied '.repeat(100_000),
        `${'x'.repeat(500_000)}${examples[1]!.example}${'y'.repeat(500_000)}`,
      ];
      for (const text of cases) {
        const findings = detector.find(text, { maxFindings: 2_000 });
        checkFindings(text, findings, 2_000);
      }
    },
    HANG_GUARD_MS,
  );
});
