/**
 * Properties of the search query path (`KnowledgeSearch.search`), whatever is typed or
 * pasted: it never throws, answers at most `limit` results (errors found in the query first,
 * then the fuzzy ranking, each best first) with scores in 0..1,
 * each a real article of the asked products, highlight ranges inside what they highlight,
 * and the errors it found inside the query it reports.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRODUCTS } from '../../shared/kb/types';
import type { Product } from '../../shared/kb/types';
import { KnowledgeSearch } from '../../shared/search/search';
import type { Range } from '../../shared/search/search';
import { HANG_GUARD_MS, hostileText, params, shippedBundle } from './fuzz-config';

const bundle = shippedBundle();
const search = new KnowledgeSearch(bundle);
const byId = new Map(bundle.articles.map((a) => [a.id, a]));
const pieces = [
  ...bundle.articles.flatMap((a) => [a.title, a.summary, ...(a.aliases ?? [])]),
  ...bundle.signatures.flatMap((s) => s.examples),
];

function inside(ranges: readonly Range[], text: string): boolean {
  return ranges.every((r) => {
    const [start, end] = Array.isArray(r) ? r : [(r as { start: number }).start, (r as { end: number }).end];
    return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length;
  }, HANG_GUARD_MS);
}

describe('KnowledgeSearch.search on hostile queries', () => {
  it(
    'never throws and answers a well-formed, bounded, ordered list',
    () => {
      fc.assert(
        fc.property(
          hostileText(pieces, 2_000),
          fc.option(fc.subarray([...PRODUCTS] as Product[], { minLength: 1 }), { nil: undefined }),
          fc.integer({ min: 1, max: 100 }),
          (query, products, limit) => {
            const response = search.search(query, { ...(products && { product: products }), limit });
            expect(response.results.length).toBeLessThanOrEqual(limit);
            // Errors pasted in the query come first (most certain first), then the fuzzy ranking, best first.
            const vias = response.results.map((r) => r.via);
            expect(vias.indexOf('fuzzy') === -1 || !vias.slice(vias.indexOf('fuzzy')).includes('signature')).toBe(true);
            for (const via of ['signature', 'fuzzy'] as const) {
              const scores = response.results.filter((r) => r.via === via).map((r) => r.score);
              expect([...scores].sort((a, b) => b - a)).toEqual(scores);
            }
            for (const r of response.results) {
              expect(r.score).toBeGreaterThanOrEqual(0);
              expect(r.score).toBeLessThanOrEqual(1);
              const article = byId.get(r.id);
              expect(article?.title).toBe(r.title);
              if (products) expect(products).toContain(r.product);
              expect(inside(r.titleRanges, r.title)).toBe(true);
              expect(inside(r.snippetRanges, r.snippet)).toBe(true);
            }
            for (const f of response.findings) {
              expect(f.end).toBeLessThanOrEqual(response.query.length);
              expect(response.query.slice(f.start, f.end)).toBe(f.text);
            }
            if (!response.results.length) expect(response.confident).toBe(false);
          },
        ),
        params(300),
      );
    },
    HANG_GUARD_MS,
  );

  it(
    'answers each keystroke of a hostile query typed letter by letter',
    () => {
      fc.assert(
        fc.property(hostileText(pieces, 120), (query) => {
          for (let i = 1; i <= query.length; i += Math.max(1, Math.floor(query.length / 30))) {
            const response = search.search(query.slice(0, i), { limit: 10 });
            expect(response.results.length).toBeLessThanOrEqual(10);
          }
        }),
        params(25),
      );
    },
    HANG_GUARD_MS,
  );

  it(
    'stays bounded on pathological queries',
    () => {
      for (const query of [
        'a'.repeat(100_000),
        'partnership '.repeat(10_000),
        '\ud800\udfff\u0301'.repeat(20_000),
        Array.from({ length: 5_000 }, (_, i) => `w${i}`).join(' '),
        '(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((',
      ]) {
        const response = search.search(query, { limit: 100 });
        expect(response.results.length).toBeLessThanOrEqual(100);
      }
    },
    HANG_GUARD_MS,
  );
});
