/**
 * The knowledge base says each thing once: no paragraph stands in two articles, repeated
 * 12-word runs of prose (commands and their labels left out) stay under half of the 175
 * counted the same way before the merges of issue 14, and the path-timeout
 * fix ("35 minutes or more, SNAT included") stands in at most three places.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readContent } from '../../shared/compiler/read-content';
import type { Doc } from './repetition';
import {
  normalisedWords,
  placesOf,
  repeatedRuns,
  sharedParagraphs,
  withoutCitations,
  withoutWhatUsersType,
} from './repetition';

const root = fileURLToPath(new URL('../..', import.meta.url));
const articles: Doc[] = readContent(`${root}content`, root).map((f) => ({
  id: f.path.replace(/^.*\/|\.md$/g, ''),
  text: withoutCitations(f.source),
}));
const prose: Doc[] = articles.map((a) => ({ ...a, text: withoutWhatUsersType(a.text) }));

/**
 * Repeated 12-word runs of prose across the 74 articles before the merges of issue 14 (commit
 * 2e554f1), counted as below; with commands included the issue counted 181.
 */
const BEFORE_MERGES = 175;
const THIRTY_FIVE_MINUTES = /\b35(?:[- ]minutes?\b|m\b)/i;

describe('repetition measure', () => {
  const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${i + from}`).join(' ');

  it('compares normalised words: case, punctuation and markup do not hide a copy', () => {
    expect(normalisedWords('**Reset** the *F5*, SNAT-included!')).toEqual(['reset', 'the', 'f5', 'snat', 'included']);
    const a = { id: 'a', text: `Intro. ${words(12)}.` };
    const b = { id: 'b', text: `${words(12).toUpperCase().replace(/ /g, ', ')} end` };
    expect([...repeatedRuns([a, b], 12).values()]).toEqual([['a', 'b']]);
  });

  it('counts a run once however many articles share it, and ignores runs inside one article', () => {
    const docs = [
      { id: 'a', text: `${words(13)} ${words(13)}` },
      { id: 'b', text: words(13) },
      { id: 'c', text: words(13) },
    ];
    const runs = repeatedRuns(docs, 12);
    expect(runs.size).toBe(2);
    expect(runs.get(words(12))).toEqual(['a', 'b', 'c']);
    expect(repeatedRuns([{ id: 'a', text: `${words(12)} x ${words(12)}` }], 12).size).toBe(0);
  });

  it('leaves commands and their labels out, keeping the step text around them', () => {
    const step = [
      '      - text: "List the devices."',
      '        command: Get-MobileDevice -Mailbox jdoe',
      '        lang: powershell',
      '        applies: [exchange-2013+]',
      '      - text: "Two lines."',
      '        command: |-',
      '          z-push-admin -a listfolders -u USER',
      '          z-push-admin -a resync -t ID',
      '        warning: Careful.',
      '',
    ].join('\n');
    expect(withoutWhatUsersType(step)).toBe(
      '      - text: "List the devices."\n      - text: "Two lines."\n        warning: Careful.\n',
    );
  });

  it('finds a shared paragraph of 40 words, and not a shorter one', () => {
    const shared = words(40, 100);
    const found = sharedParagraphs([
      { id: 'a', text: `One. ${shared} Two.` },
      { id: 'b', text: `Three ${shared}` },
      { id: 'c', text: words(39, 100) },
    ]);
    expect(found).toEqual([{ ids: ['a', 'b'], run: shared }]);
  });

  it('leaves the sources list out and keeps the rest of the frontmatter', () => {
    const file = '---\nid: a\nsources:\n  - seed: x.txt\n    section: "1"\nrelated: [b]\n---\nBody.\n';
    expect(withoutCitations(file)).toBe('---\nid: a\nrelated: [b]\n---\nBody.\n');
  });

  it('names the articles a pattern stands in', () => {
    expect(placesOf([{ id: 'a', text: 'F5: 35 minutes' }, { id: 'b', text: '45 minutes' }], THIRTY_FIVE_MINUTES)).toEqual([
      'a',
    ]);
  });
});

describe('knowledge base repetition', () => {
  it('has no paragraph (40 words or more) standing in two articles', () => {
    const shared = sharedParagraphs(articles, 40).map(({ ids, run }) => `${ids.join(' + ')}: ${run.slice(0, 80)}…`);
    expect(shared).toEqual([]);
  });

  it('repeats fewer than half as many 12-word runs across articles as before the merges', () => {
    expect(repeatedRuns(prose, 12).size).toBeLessThan(BEFORE_MERGES / 2);
  });

  it('gives the 35-minute path-timeout fix in at most three places, the procedure among them', () => {
    const places = placesOf(articles, THIRTY_FIVE_MINUTES);
    expect(places.length).toBeLessThanOrEqual(3);
    expect(places).toContain('eas-align-path-timeouts');
  });
});
