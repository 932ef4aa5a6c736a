import { describe, expect, test } from 'vitest';
import { array, boolean, integer, nothing, number, object, oneOf, optional, string } from './shape';

describe('shapes', () => {
  const report = object({
    id: string({ max: 5, pattern: /^[a-z]+$/ }),
    count: integer({ max: 10 }),
    ratio: number({ min: 0, max: 1 }),
    kind: oneOf('error', 'info'),
    tags: array(string(), { max: 2 }),
    done: boolean(),
    note: optional(string()),
  });
  const good = { id: 'abc', count: 3, ratio: 0.5, kind: 'info', tags: ['x'], done: false };

  test('accepts a value of exactly the described shape, optional fields absent or present', () => {
    expect(report.check(good)).toBe(true);
    expect(report.check({ ...good, note: 'n' })).toBe(true);
  });

  test('refuses unknown fields instead of ignoring them', () => {
    expect(report.check({ ...good, extra: 1 })).toBe(false);
  });

  test('refuses wrong types, out-of-range numbers, long strings and long arrays', () => {
    expect(report.check({ ...good, id: 'ABC' })).toBe(false);
    expect(report.check({ ...good, id: 'abcdef' })).toBe(false);
    expect(report.check({ ...good, count: 11 })).toBe(false);
    expect(report.check({ ...good, count: 1.5 })).toBe(false);
    expect(report.check({ ...good, ratio: Number.NaN })).toBe(false);
    expect(report.check({ ...good, kind: 'warning' })).toBe(false);
    expect(report.check({ ...good, tags: ['a', 'b', 'c'] })).toBe(false);
    expect(report.check({ ...good, done: 'no' })).toBe(false);
  });

  test('refuses non-plain objects: arrays, null, class instances, prototype tricks', () => {
    expect(report.check(null)).toBe(false);
    expect(report.check([good])).toBe(false);
    expect(report.check(Object.assign(new (class Foo {})(), good))).toBe(false);
    expect(report.check(JSON.parse('{"__proto__": {"polluted": true}}'))).toBe(false);
  });

  test('nothing accepts only undefined', () => {
    expect(nothing.check(undefined)).toBe(true);
    expect(nothing.check(null)).toBe(false);
    expect(nothing.check({})).toBe(false);
  });
});
