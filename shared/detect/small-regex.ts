/**
 * The few RegExp sources signatures compile to (literals, character classes, bounded
 * repeats, groups, alternatives, one negative lookahead), run by a small backtracking
 * interpreter with the semantics of flags `iu`: V8 would compile each of thousands of
 * signatures' RegExps on its first candidate (~50 µs) and run each from its own machine
 * code, while this shares one loop and a few cached character sets between all of them.
 *
 * Exact by construction where it matters: every character set decides non-ASCII characters
 * with a real RegExp made from the same class source, and alternatives and repeats are tried
 * in the order V8 tries them. A source outside the subset gives undefined, and the caller
 * keeps its RegExp.
 */

/** A set of characters: one class, escape or literal of the source, matched case-insensitively. */
interface CharSet {
  /** 1 where an ASCII code unit is in the set. */
  ascii: Uint8Array;
  /** Decides code points beyond ASCII; made on first use. */
  rest: RegExp | undefined;
  source: string;
}

type Node =
  | { t: 'set'; set: CharSet }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; items: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number; greedy: boolean }
  | { t: 'notAhead'; set: CharSet };

const SET = 0;
const REP = 1;
const SPLIT = 2;
const JMP = 3;
const NOT_AHEAD = 4;
const DONE = 5;

interface Instruction {
  op: number;
  set: CharSet | undefined;
  min: number;
  max: number;
  greedy: boolean;
  /** Jump target (JMP) or the second choice (SPLIT). */
  to: number;
}

class Unsupported extends Error {}

const sets = new Map<string, CharSet>();

/** The set matching what `source` (one class, escape or character) matches under flags `iu`. */
function charSet(source: string): CharSet {
  let set = sets.get(source);
  if (set) return set;
  const ascii = new Uint8Array(128);
  const c =
    source.length === 1
      ? source
      : source.length === 2 && source[0] === '\\' && !/\w/.test(source[1]!)
        ? source[1]!
        : '';
  if (c && c.charCodeAt(0) < 128) {
    // A plain ASCII character: itself and its other case (non-ASCII folds are left to `rest`).
    ascii[c.charCodeAt(0)] = 1;
    if (/[a-z]/i.test(c)) ascii[c.toLowerCase().charCodeAt(0)] = ascii[c.toUpperCase().charCodeAt(0)] = 1;
  } else {
    const test = new RegExp(`^(?:${source})$`, 'iu');
    for (let u = 0; u < 128; u++) ascii[u] = test.test(String.fromCharCode(u)) ? 1 : 0;
  }
  set = { ascii, rest: undefined, source };
  sets.set(source, set);
  return set;
}

/** Code units the set matches at `at` reading forward (1 or 2, a surrogate pair), or 0. */
function unitsAt(set: CharSet, text: string, at: number, hi: number): number {
  if (at >= hi) return 0;
  const c = text.charCodeAt(at);
  if (c < 128) return set.ascii[c]!;
  const pair = c >= 0xd800 && c <= 0xdbff && at + 1 < hi && isLow(text.charCodeAt(at + 1));
  const units = pair ? 2 : 1;
  return inRest(set, text.slice(at, at + units)) ? units : 0;
}

/** As `unitsAt`, for the character ending just before `at`, not reading before `lo`. */
function unitsBefore(set: CharSet, text: string, at: number, lo: number): number {
  if (at <= lo) return 0;
  const c = text.charCodeAt(at - 1);
  if (c < 128) return set.ascii[c]!;
  const pair = isLow(c) && at - 2 >= lo && isHigh(text.charCodeAt(at - 2));
  const units = pair ? 2 : 1;
  return inRest(set, text.slice(at - units, at)) ? units : 0;
}

function inRest(set: CharSet, char: string): boolean {
  set.rest ??= new RegExp(`^(?:${set.source})$`, 'iu');
  return set.rest.test(char);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Recursive descent over the subset; throws Unsupported outside it. */
class Parser {
  private at = 0;
  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.alternatives();
    if (this.at !== this.source.length) throw new Unsupported(`stray ${this.source[this.at]}`);
    return node;
  }

  private peek(): string | undefined {
    return this.source[this.at];
  }

  private alternatives(): Node {
    const items = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      items.push(this.sequence());
    }
    return items.length === 1 ? items[0]! : { t: 'alt', items };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      items.push(this.quantified(this.atom()));
    }
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  private atom(): Node {
    const s = this.source;
    const c = s[this.at]!;
    if (c === '(') {
      if (s.startsWith('(?:', this.at)) {
        this.at += 3;
        const node = this.alternatives();
        this.expect(')');
        return node;
      }
      if (s.startsWith('(?!', this.at)) {
        this.at += 3;
        const inner = this.atom();
        this.expect(')');
        if (inner.t !== 'set') throw new Unsupported('lookahead beyond one character');
        return { t: 'notAhead', set: inner.set };
      }
      throw new Unsupported('capturing group or lookbehind');
    }
    if (c === '[') {
      const start = this.at;
      this.at++;
      if (this.peek() === '^') this.at++;
      // A `]` first in a class is a literal only outside flag u; under u it ends an empty class.
      while (this.at < s.length && s[this.at] !== ']') this.at += s[this.at] === '\\' ? 2 : 1;
      this.expect(']');
      return { t: 'set', set: charSet(s.slice(start, this.at)) };
    }
    if (c === '\\') {
      const next = s[this.at + 1];
      if (next === undefined) throw new Unsupported('trailing backslash');
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(s.slice(this.at + 2, this.at + 6))) throw new Unsupported('\\u escape');
        const escape = s.slice(this.at, this.at + 6);
        this.at += 6;
        return { t: 'set', set: charSet(escape) };
      }
      if (/[bBkpPcx0-9]/.test(next)) throw new Unsupported(`\\${next}`);
      this.at += 2;
      return { t: 'set', set: charSet(`\\${next}`) };
    }
    if ('.^$*+?{})]|'.includes(c)) throw new Unsupported(`syntax ${c}`);
    // One code point, whole: a pair is one character under flag u.
    const units = isHigh(s.charCodeAt(this.at)) && isLow(s.charCodeAt(this.at + 1)) ? 2 : 1;
    const char = s.slice(this.at, this.at + units);
    this.at += units;
    return { t: 'set', set: charSet(char) };
  }

  private quantified(node: Node): Node {
    const s = this.source;
    let min: number;
    let max: number;
    const c = this.peek();
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.at));
      if (!m) throw new Unsupported('brace');
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.at += m[0].length - 1;
    } else return node;
    this.at++;
    let greedy = true;
    if (this.peek() === '?') {
      greedy = false;
      this.at++;
    }
    if (node.t === 'notAhead') throw new Unsupported('quantified lookahead');
    return { t: 'rep', node, min, max, greedy };
  }

  private expect(c: string): void {
    if (this.source[this.at] !== c) throw new Unsupported(`expected ${c}`);
    this.at++;
  }
}

/** Repeats of a group are unrolled; past this many copies the source is left to RegExp. */
const MAX_UNROLLED = 64;

function emit(node: Node, backward: boolean, out: Instruction[]): void {
  const add = (op: number, fields: Partial<Instruction> = {}): Instruction => {
    const instruction: Instruction = { op, set: undefined, min: 0, max: 0, greedy: true, to: -1, ...fields };
    out.push(instruction);
    return instruction;
  };
  switch (node.t) {
    case 'set':
      add(SET, { set: node.set });
      return;
    case 'notAhead':
      if (backward) throw new Unsupported('lookahead inside a lookbehind');
      add(NOT_AHEAD, { set: node.set });
      return;
    case 'seq': {
      const items = backward ? [...node.items].reverse() : node.items;
      for (const item of items) emit(item, backward, out);
      return;
    }
    case 'alt': {
      const jumps: Instruction[] = [];
      node.items.forEach((item, i) => {
        const last = i === node.items.length - 1;
        const split = last ? undefined : add(SPLIT);
        emit(item, backward, out);
        if (!last) jumps.push(add(JMP));
        if (split) split.to = out.length;
      });
      for (const jump of jumps) jump.to = out.length;
      return;
    }
    case 'rep': {
      if (node.node.t === 'set') {
        add(REP, { set: node.node.set, min: node.min, max: node.max, greedy: node.greedy });
        return;
      }
      if (node.max === Infinity || node.max > MAX_UNROLLED) throw new Unsupported('unbounded group repeat');
      for (let i = 0; i < node.min; i++) emit(node.node, backward, out);
      // x{0,n} as (?:x(?:x(?:…)?)?)?: each copy is tried only after the one before it.
      const splits: Instruction[] = [];
      for (let i = node.min; i < node.max; i++) {
        splits.push(add(SPLIT, { greedy: node.greedy }));
        emit(node.node, backward, out);
      }
      for (const split of splits) split.to = out.length;
      return;
    }
  }
}

export class SmallRegex {
  private constructor(
    private readonly program: Instruction[],
    private readonly backward: boolean,
  ) {}

  /**
   * `source` matched forward like `new RegExp(source, 'iuy')`, or (`backward`) as the body of
   * a lookbehind. Undefined when the source is outside the subset.
   */
  static compile(source: string, backward = false): SmallRegex | undefined {
    try {
      const program: Instruction[] = [];
      emit(new Parser(source).parse(), backward, program);
      program.push({ op: DONE, set: undefined, min: 0, max: 0, greedy: true, to: -1 });
      return new SmallRegex(program, backward);
    } catch (error) {
      if (error instanceof Unsupported) return undefined;
      throw error;
    }
  }

  /**
   * Matches at `at` within text[lo, hi) (as a RegExp would on that slice): forward, the
   * offset where the match ends; backward, where it starts. -1 when there is none.
   */
  run(text: string, at: number, lo: number, hi: number): number {
    return this.step(0, at, text, lo, hi);
  }

  private step(pc: number, pos: number, text: string, lo: number, hi: number): number {
    const program = this.program;
    const backward = this.backward;
    for (;;) {
      const ins = program[pc]!;
      switch (ins.op) {
        case SET: {
          const units = backward ? unitsBefore(ins.set!, text, pos, lo) : unitsAt(ins.set!, text, pos, hi);
          if (units === 0) return -1;
          pos += backward ? -units : units;
          pc++;
          continue;
        }
        case REP:
          return this.repeat(pc, ins, pos, text, lo, hi);
        case SPLIT: {
          // Greedy: go on into the repeat or the first alternative first; lazy: skip first.
          const first = ins.greedy ? pc + 1 : ins.to;
          const r = this.step(first, pos, text, lo, hi);
          if (r >= 0) return r;
          pc = ins.greedy ? ins.to : pc + 1;
          continue;
        }
        case JMP:
          pc = ins.to;
          continue;
        case NOT_AHEAD:
          if (unitsAt(ins.set!, text, pos, hi) !== 0) return -1;
          pc++;
          continue;
        default:
          return pos;
      }
    }
  }

  private repeat(pc: number, ins: Instruction, pos: number, text: string, lo: number, hi: number): number {
    const set = ins.set!;
    const backward = this.backward;
    const sign = backward ? -1 : 1;
    let n = 0;
    let p = pos;
    let units: number;
    if (ins.greedy) {
      // Positions after each repeat, kept only once a character is two units wide.
      let stops: number[] | undefined;
      while (n < ins.max) {
        units = backward ? unitsBefore(set, text, p, lo) : unitsAt(set, text, p, hi);
        if (units === 0) break;
        if (units === 2 && !stops) stops = Array.from({ length: n + 1 }, (_, i) => pos + sign * i);
        p += sign * units;
        n++;
        stops?.push(p);
      }
      for (; n >= ins.min; n--) {
        const r = this.step(pc + 1, stops ? stops[n]! : pos + sign * n, text, lo, hi);
        if (r >= 0) return r;
      }
      return -1;
    }
    for (; n < ins.min; n++) {
      units = backward ? unitsBefore(set, text, p, lo) : unitsAt(set, text, p, hi);
      if (units === 0) return -1;
      p += sign * units;
    }
    for (;;) {
      const r = this.step(pc + 1, p, text, lo, hi);
      if (r >= 0 || n >= ins.max) return r;
      units = backward ? unitsBefore(set, text, p, lo) : unitsAt(set, text, p, hi);
      if (units === 0) return -1;
      p += sign * units;
      n++;
    }
  }
}
