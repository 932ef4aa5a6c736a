import { describe, expect, it } from 'vitest';
import { mulberry32, pick } from '../../test/bench/rng';
import { Automaton, buildAutomaton } from './automaton';
import { ELLIPSIS, foldString, foldTable } from './fold';

/** Every (anchor, end) a naive search of each anchor in the folded text finds, overlaps included. */
function naive(text: string, anchors: readonly string[]): string[] {
  const fold = foldTable();
  let folded = '';
  // For each folded character, the offset just past the source character it came from, or -1
  // inside the three dots of one `…` (an anchor ends on a whole character only).
  const endOf: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === ELLIPSIS) {
      folded += '...';
      endOf.push(-1, -1, i + 1);
    } else if (fold[c] === 0x20) {
      if (folded.endsWith(' ')) continue;
      folded += ' ';
      endOf.push(i + 1);
    } else {
      folded += String.fromCharCode(fold[c]!);
      endOf.push(i + 1);
    }
  }
  const hits: string[] = [];
  anchors.forEach((anchor, k) => {
    for (let at = folded.indexOf(anchor); at !== -1; at = folded.indexOf(anchor, at + 1)) {
      const end = endOf[at + anchor.length - 1]!;
      if (end >= 0) hits.push(`${k}@${end}`);
    }
  });
  return hits.sort();
}

function scanned(automaton: Automaton, text: string): string[] {
  const hits: string[] = [];
  automaton.scan(text, (anchor, end) => hits.push(`${anchor}@${end}`));
  return hits.sort();
}

describe('the anchor automaton', () => {
  it('finds every anchor where a naive search of the folded text does, overlaps and all', () => {
    const rng = mulberry32(11);
    const letters = ['a', 'b', 'c', 'a b', 'ab.', '...', 'é'];
    for (let round = 0; round < 40; round++) {
      const anchors = [
        ...new Set(
          Array.from({ length: 1 + Math.floor(rng() * 30) }, () =>
            foldString(Array.from({ length: 1 + Math.floor(rng() * 4) }, () => pick(rng, letters)).join('')),
          ),
        ),
      ].filter((a) => a.length >= 2);
      const noise = ['a', 'B', 'c', ' ', '  ', '\t', '\u00a0', '\n', '…', '.', 'É', 'x', 'AB.', '’'];
      const text = Array.from({ length: 400 }, () => pick(rng, noise)).join('');
      // Rows for a few states only, so the slow path (edges and failure links) is tested too.
      for (const automaton of [Automaton.build(anchors), Automaton.load(buildAutomaton(anchors), 3)]) {
        expect(scanned(automaton, text), `${JSON.stringify(anchors)} in ${JSON.stringify(text)}`).toEqual(
          naive(text, anchors),
        );
      }
    }
  });

  it('ships as plain JSON data and loads back to the same automaton', () => {
    const anchors = ['it policy rejected', 'waiting for services...', 'etp.dat'];
    const data = JSON.parse(JSON.stringify(buildAutomaton(anchors)));
    const text = 'IT Policy  Rejected. Waiting for Services… (ETP.dat)';
    expect(scanned(Automaton.load(data), text)).toEqual(naive(text, anchors));
    expect(scanned(Automaton.load(data), text)).toHaveLength(3);
  });

  it('reads text that none of its anchors could start in one pass without a hit', () => {
    const automaton = Automaton.build(['zz top']);
    expect(scanned(automaton, 'lorem ipsum '.repeat(10_000))).toEqual([]);
  });
});
