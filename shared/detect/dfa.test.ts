import { describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../../test/bench/rng';
import { Dfa } from './dfa';
import { ELLIPSIS, foldString, foldTable } from './fold';

/**
 * What the scan must report, the slow way: fold the text character by character the way
 * `foldString` does, keeping each folded character's end offset in the text, and find every
 * anchor in it with indexOf. An anchor ending inside the "..." of a "…" is not reported: the
 * scan reports after the whole character.
 */
function reference(anchors: string[], text: string, from = 0, to = text.length): string[] {
  const table = foldTable();
  let folded = '';
  const ends: number[] = [];
  const inside: boolean[] = [];
  let lastSpace = true;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === ELLIPSIS) {
      folded += '...';
      ends.push(i + 1, i + 1, i + 1);
      inside.push(true, true, false);
      lastSpace = false;
      continue;
    }
    const f = table[c]!;
    if (f === 0x20) {
      if (lastSpace) continue;
      lastSpace = true;
    } else lastSpace = false;
    folded += String.fromCharCode(f);
    ends.push(i + 1);
    inside.push(false);
  }
  const out: string[] = [];
  anchors.forEach((anchor, p) => {
    for (let at = folded.indexOf(anchor); at !== -1; at = folded.indexOf(anchor, at + 1)) {
      const last = at + anchor.length - 1;
      if (!inside[last]) out.push(`${p}@${ends[last]}`);
    }
  });
  return out.sort();
}

function scanned(automaton: Dfa, text: string, from?: number, to?: number): string[] {
  const out: string[] = [];
  automaton.scan(text, (p, end) => out.push(`${p}@${end}`), from, to);
  return out.sort();
}

describe('dfa', () => {
  // Characters that fold (case, quotes, dashes, spaces) and ones that stop a match.
  const TEXT_CHARS = [
    ...'abcdeABCDE',
    ' ',
    '  ',
    '\t',
    '\n',
    '\u00a0',
    '.',
    '…',
    "'",
    '’',
    '-',
    '–',
    'é',
    'É',
    'x',
    '7',
    '😀',
    '\ud800',
  ];

  function case_(seed: number, anchorCount: number, length: number) {
    const rand = random(seed);
    const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
    const anchorSet = new Set<string>();
    while (anchorSet.size < anchorCount) {
      const raw = Array.from({ length: 2 + Math.floor(rand() * 6) }, () => pick([..."abcde .'-é"])).join('');
      const anchor = foldString(raw).trim();
      if (anchor.length >= 2) anchorSet.add(anchor);
    }
    const anchors = [...anchorSet];
    let text = '';
    while (text.length < length) text += rand() < 0.1 ? pick(anchors).toUpperCase() : pick(TEXT_CHARS);
    return { anchors, text, automaton: Dfa.build(anchors) };
  }

  it('finds what indexOf on the folded text finds, across chunks of its UTF-8 scan', () => {
    for (const seed of [1, 2, 3]) {
      const { anchors, text, automaton } = case_(seed, 40, 150_000);
      const expected = reference(anchors, text);
      expect(expected.length).toBeGreaterThan(1000);
      expect(scanned(automaton, text)).toEqual(expected);
    }
  });

  it('scans a slice of the text with offsets into the whole text', () => {
    const { anchors, text, automaton } = case_(4, 30, 140_000);
    expect(scanned(automaton, text, 12_345, 131_072)).toEqual(reference(anchors, text, 12_345, 131_072));
  });

  it('matches characters outside the BMP when a pattern holds them', () => {
    const anchors = ['ok 😀 go', 'go'];
    const automaton = Dfa.build(anchors);
    const text = 'say OK  😀 GO… ok 😀 go'.repeat(3);
    expect(scanned(automaton, text)).toEqual(reference(anchors, text));
  });

  it('keeps its tables small at thousands of patterns', () => {
    const { automaton } = case_(5, 3000, 10);
    expect(automaton.byteSize).toBeLessThan(8 * 1024 * 1024);
  });
});
