import { describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../../test/bench/rng';
import { Automaton } from './automaton';
import { Dfa } from './dfa';
import { foldString } from './fold';

/** The exact automaton over the whole text is the oracle (dfa.test.ts checks it against indexOf). */
function hits(scanner: { scan: Automaton['scan'] }, text: string, from?: number, to?: number): string[] {
  const out: string[] = [];
  scanner.scan(text, (p, end) => out.push(`${p}@${end}`), from, to);
  return out.sort();
}

/** What pages do to an anchor: case, white space runs and kinds, "…" for "...", curly quotes. */
function disguise(anchor: string, rand: () => number): string {
  const spaces = [' ', '  ', '\t', '\n', '\u00a0', ' \r\n '];
  let out = anchor
    .split(' ')
    .map((word, i) => (i === 0 ? word : spaces[Math.floor(rand() * spaces.length)]! + word))
    .join('');
  if (rand() < 0.3) out = out.replace('...', '…');
  if (rand() < 0.3) out = out.replace("'", '’');
  return rand() < 0.5 ? out.toUpperCase() : out;
}

function case_(seed: number, anchorCount: number, length: number) {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  // Few letters, so keys share grams, near misses abound and whole anchors recur.
  const word = () => Array.from({ length: 1 + Math.floor(rand() * 9) }, () => pick([...'abcdeab01:/_'])).join('');
  const anchorSet = new Set<string>();
  while (anchorSet.size < anchorCount) {
    const words = Array.from({ length: 1 + Math.floor(rand() * 3) }, word);
    const raw = words.join(pick([' ', ' ', "'", '-', '...', '. ']));
    const anchor = foldString(raw).trim();
    if (anchor.length >= 2) anchorSet.add(anchor);
  }
  const anchors = [...anchorSet];
  const filler = ['abcde', 'ABC', 'e01', ' ', '\n', '  ', '…', '...', 'é', '’', '😀', 'x', 'dd:/'];
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const part = rand() < 0.08 ? disguise(pick(anchors), rand) : rand() < 0.3 ? word() : pick(filler);
    parts.push(part);
    size += part.length;
  }
  return { anchors, text: parts.join('') };
}

describe('automaton (key filter and exact automaton together)', () => {
  it('reports exactly what the exact automaton reports over the whole text', () => {
    for (const seed of [1, 2, 3, 4]) {
      const { anchors, text } = case_(seed, 60, 120_000);
      const automaton = Automaton.build(anchors);
      const expected = hits(Dfa.build(anchors), text);
      expect(expected.length).toBeGreaterThan(500);
      expect(automaton.unkeyedCount).toBeLessThan(anchors.length);
      expect(hits(automaton, text)).toEqual(expected);
    }
  });

  it('finds anchors in all-ASCII stretches and across non-ASCII ones, whatever the chunking', () => {
    const { anchors, text } = case_(5, 40, 10_000);
    const ascii = text.replace(/[^ -~\t\n\r]/g, 'q');
    // Long ASCII runs with the odd non-ASCII character: both kinds of chunk, and their edges.
    const mixed = `${ascii.repeat(8)}é${ascii.repeat(3)}…${ascii}`;
    const automaton = Automaton.build(anchors);
    const dfa = Dfa.build(anchors);
    expect(hits(automaton, mixed)).toEqual(hits(dfa, mixed));
    expect(hits(automaton, mixed, 7_777, 61_234)).toEqual(hits(dfa, mixed, 7_777, 61_234));
  });

  it('moves keys off what a long text is full of, and still finds everything', () => {
    const anchors = ['proxygateway rejected 0x1a2b', 'proxygateway timeout', 'quota zarquon exceeded'];
    const line = 'INFO AW.Eas.Web.Listener.ProxyGateway served request\n';
    const noisy = line.repeat(Math.ceil(600_000 / line.length));
    const text = `${noisy.slice(0, 300_000)}ERROR ProxyGateway  REJECTED 0x1A2B\nproxygateway\ttimeout ${noisy.slice(300_000)}`;
    const automaton = Automaton.build(anchors);
    const expected = hits(Dfa.build(anchors), text);
    expect(expected).toHaveLength(2);
    expect(hits(automaton, text)).toEqual(expected);
    // Learnt once; the second scan reads with the moved keys and finds the same.
    expect(hits(automaton, text)).toEqual(expected);
  });

  it('finds anchors too short for a key with indexOf, outward from digits and punctuation', () => {
    const anchors = ['500', '401', 'etp.dat', 'a 500 b', 'x..y', 'ab'];
    const automaton = Automaton.build(anchors);
    // `etp.dat` has a key (a lone dot may stand in one); `ab` and `x..y` have no caseless stretch.
    expect(automaton.needleCount).toBe(3);
    expect(automaton.unkeyedCount).toBe(2);
    const text = 'HTTP 500 then 401; ETP.DAT missing, 15001, etp.data, A\t\t500   B, a 500b, X..Y, x…y, AB';
    const expected = hits(Dfa.build(anchors), text);
    expect(expected.length).toBeGreaterThan(8);
    expect(hits(automaton, text)).toEqual(expected);
    expect(hits(automaton, text, 9, 60)).toEqual(hits(Dfa.build(anchors), text, 9, 60));
  });

  it('gives many short anchors one automaton pass instead of a pass each', () => {
    const anchors = ['500', '401', '404', '503', '2.0', 'a:b', 'x/y', '1:1'];
    const automaton = Automaton.build(anchors);
    expect(automaton.needleCount).toBe(0);
    expect(automaton.unkeyedCount).toBe(anchors.length);
    const text = '500 401 404 503 2.0 A:B x/y 1:1:1 2…0';
    expect(hits(automaton, text)).toEqual(hits(Dfa.build(anchors), text));
  });

  it('finds every anchor when thousands share the only key they have', () => {
    // Dashes and quotes are no key characters (other characters fold to them): each anchor's
    // one key is "abcdefghij", and a probe of it gathers more keys than its scratch holds.
    const marks = ['-', "'", '"'];
    const anchors = Array.from({ length: 9000 }, (_, i) => {
      const suffix = Array.from({ length: 9 }, (_, d) => marks[Math.floor(i / 3 ** d) % 3]!).join('');
      return `abcdefghij ${suffix}`;
    });
    const text = [0, 4242, 8999, 17].map((i) => `x ABCDEFGHIJ ${anchors[i]!.slice(11)} y`).join('\n');
    const automaton = Automaton.build(anchors);
    expect(automaton.unkeyedCount).toBe(0);
    const expected = hits(Dfa.build(anchors), text);
    expect(expected).toHaveLength(4);
    expect(hits(automaton, text)).toEqual(expected);
  });

  it('keeps its tables small at thousands of anchors', () => {
    const { anchors } = case_(6, 3000, 10);
    expect(Automaton.build(anchors).byteSize).toBeLessThan(4 * 1024 * 1024);
  });
});
