import { expect, test } from 'vitest';
import { EXPLAIN_MAX_CHARS, guideUrl } from './guide-url';

const base = 'chrome-extension://id/guide.html';

test('guide addresses use the App’s routes, with text encoded', () => {
  expect(guideUrl(base, { article: 'bes-it-policy-rejected' })).toBe(`${base}#/a/bes-it-policy-rejected`);
  expect(guideUrl(base, { query: 'access denied & 401' })).toBe(`${base}#/?q=access%20denied%20%26%20401`);
  expect(guideUrl(base, { explain: 'a#b?c' })).toBe(`${base}?text=a%23b%3Fc#/explain`);
  expect(guideUrl(base, {})).toBe(base);
});

test('a huge selection is cut before it becomes an address', () => {
  const url = guideUrl(base, { explain: 'x'.repeat(EXPLAIN_MAX_CHARS * 2) });
  expect(url.length).toBeLessThan(EXPLAIN_MAX_CHARS + base.length + 50);
});
