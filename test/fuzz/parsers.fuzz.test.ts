/**
 * The other parsers of untrusted text: the PWA's hash routes (any link a user follows),
 * the guide's share-target text, and the CLI's arguments. None throws; each gives back a
 * value of its own shape, and a route it formats parses back to itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError, parseArgs } from '../../cli/args';
import { PRODUCTS } from '../../shared/kb/types';
import { formatRoute, initialHash, parseHash, sharedText } from '../../shared/ui/router/routes';
import { HANG_GUARD_MS, params } from './fuzz-config';

const urlish = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(
        '#',
        '/',
        'a',
        'explain',
        'saved',
        'diagnose',
        '?',
        'q=',
        '&p=',
        'bes,seg',
        '%',
        '%zz',
        '%E2%80',
        '..',
        'x',
      ),
      { maxLength: 20 },
    )
    .map((parts) => parts.join('')),
);

describe('parsers of untrusted text', () => {
  it(
    'parses any hash into a route, and a formatted route back into itself',
    () => {
      fc.assert(
        fc.property(urlish, (hash) => {
          const route = parseHash(hash);
          expect(['home', 'article', 'explain', 'diagnose', 'saved', 'not-found']).toContain(route.view);
          if (route.view === 'home') for (const p of route.products) expect(PRODUCTS).toContain(p);
          if (route.view !== 'not-found') expect(parseHash(formatRoute(route))).toEqual(route);
        }),
        params(500),
      );
    },
    HANG_GUARD_MS,
  );

  it(
    'reads any share-target or start URL without throwing',
    () => {
      fc.assert(
        fc.property(urlish, urlish, (search, hash) => {
          const text = sharedText(search);
          if (text !== undefined) expect(typeof text).toBe('string');
          expect(typeof initialHash(search, hash)).toBe('string');
        }),
        params(500),
      );
    },
    HANG_GUARD_MS,
  );

  it(
    'parses any argument list or refuses it with a usage error, never anything else',
    () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.oneof(
              fc.string({ maxLength: 20 }),
              fc.constantFrom('--', '--json', '--limit', '--limit=', '--product=bes', '--x'),
            ),
            { maxLength: 8 },
          ),
          (argv) => {
            try {
              const { positional, flags } = parseArgs(argv, { json: 'bool', limit: 'value', product: 'value' });
              expect(positional.length).toBeLessThanOrEqual(argv.length);
              for (const name of flags.keys()) expect(['json', 'limit', 'product']).toContain(name);
            } catch (error) {
              expect(error).toBeInstanceOf(UsageError);
            }
          },
        ),
        params(500),
      );
    },
    HANG_GUARD_MS,
  );
});
