import kb from 'virtual:kb';
import { describe, expect, it } from 'vitest';
import type { Article, SearchDoc } from '../kb/types';
import { articleWords } from './search-doc';
import { editDistance, typoBudget, wordMatchesPrefix, words } from './text';
import { BODY, FIELD, TITLE, TokenIndex, buildTokenIndex, fieldWords } from './token-index';
import type { PostingList } from './token-index';

const index = new TokenIndex(kb.search.tokens);

function docsOf(word: number, list: PostingList, from = index): number[] {
  const out: number[] = [];
  from.forEachDoc(word, list, (d) => out.push(d));
  return out;
}

describe('token index', () => {
  it('ships with the bundle and lists every word of every article where it stands', () => {
    const expected = new Map<string, [number[], number[], number[]]>();
    const lists = (w: string) => expected.get(w) ?? expected.set(w, [[], [], []]).get(w)!;
    const byId = new Map(kb.articles.map((a) => [a.id, a]));
    kb.search.docs.forEach((doc, i) => {
      const fields = fieldWords(doc);
      for (const w of fields) lists(w)[FIELD].push(i);
      for (const w of new Set(words(articleWords(byId.get(doc.id)!)))) if (!fields.has(w)) lists(w)[BODY].push(i);
      for (const w of new Set(words(doc.title))) lists(w)[TITLE].push(i);
    });
    expect(index.words).toEqual([...expected.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    index.words.forEach((w, i) => {
      expect([docsOf(i, FIELD), docsOf(i, BODY), docsOf(i, TITLE)], w).toEqual(expected.get(w));
    });
  });

  it('round-trips article numbers far apart (several digits per gap)', () => {
    const doc = (n: number): SearchDoc => ({
      id: `d${n}`,
      title: n % 1000 === 0 ? 'rare' : 'common',
      product: 'bes',
      kind: 'concept',
      aliases: [],
      signatures: [],
      symptom: '',
      summary: '',
      keywords: '',
      codes: [],
    });
    const docs = Array.from({ length: 40_000 }, (_, n) => doc(n));
    const big = new TokenIndex(buildTokenIndex(docs, [] as Article[]));
    expect(docsOf(big.find('rare'), TITLE, big)).toEqual(Array.from({ length: 40 }, (_, k) => k * 1000));
    expect(docsOf(big.find('common'), FIELD, big)).toHaveLength(40_000 - 40);
  });

  it('finds the words a prefix reaches, compound parts included, as wordMatchesPrefix does', () => {
    for (const prefix of ['act', 'partner', 'eas', 'listener', 'web', 'set', 'kb1', 'zzz']) {
      const found = new Set<number>();
      index.forEachPrefixed(prefix, (w) => found.add(w));
      const expected = index.words.flatMap((w, i) => (wordMatchesPrefix(w, prefix) ? [i] : []));
      expect(
        [...found].sort((a, b) => a - b),
        prefix,
      ).toEqual(expected);
    }
  });

  it('finds the words within the typo budget, as editDistance does', () => {
    for (const token of ['partnrship', 'activaton', 'blackbery', 'handhled', 'exchnage', 'quarantine', 'srvice']) {
      const budget = typoBudget(token.length);
      const found = new Set<number>();
      index.forEachTypo(token, budget, (w) => found.add(w));
      const expected = index.words.flatMap((w, i) => (editDistance(w, token, budget) <= budget ? [i] : []));
      expect(
        [...found].sort((a, b) => a - b),
        token,
      ).toEqual(expected);
      expect(expected.length, token).toBeGreaterThan(0);
    }
  });
});
