import { expect, test } from 'vitest';
import { articleFromEntry, describeSuggestion, escapeXml, suggestionContent } from './omnibox-text';

test('titles are XML-escaped for Chrome’s suggestion markup and left as text for Firefox', () => {
  expect(escapeXml(`<b>"R&D" 'x'</b>`)).toBe('&#60;b&#62;&#34;R&#38;D&#34; &#39;x&#39;&#60;/b&#62;');
  expect(describeSuggestion('A & B', 'BES', true)).toBe('A &#38; B <dim>· BES</dim>');
  expect(describeSuggestion('A & B', 'BES', false)).toBe('A & B · BES');
});

test('an entered suggestion names a known article; anything else is a search', () => {
  const known = (id: string) => id === 'bes-it-policy-rejected';
  expect(articleFromEntry(suggestionContent('bes-it-policy-rejected'), known)).toBe('bes-it-policy-rejected');
  expect(articleFromEntry('a/unknown', known)).toBeUndefined();
  expect(articleFromEntry('it policy rejected', known)).toBeUndefined();
});
