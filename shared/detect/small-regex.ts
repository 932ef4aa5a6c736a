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
  /** The one ASCII character a literal source stands for (a letter in lower case), or -1. */
  plain: number;
  /** Its place in `setList`, which programs refer to. */
  id: number;
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
/** A run of plain ASCII characters, compared in one go (see `Instruction.chars`). */
const LITERAL = 6;
/** Packed forms only: the lazy kinds of REP and SPLIT. */
const REP_LAZY = 7;
const SPLIT_LAZY = 8;

interface Instruction {
  op: number;
  set: CharSet | undefined;
  min: number;
  max: number;
  greedy: boolean;
  /** Jump target (JMP) or the second choice (SPLIT). */
  to: number;
  /** LITERAL: the characters in matching order, letters lower-cased. */
  chars: string;
}

class Unsupported extends Error {}

const sets = new Map<string, CharSet>();
/** Every set made, shared by all programs: they hold numbers, and a few hot sets serve them all. */
const setList: CharSet[] = [];

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
  const plain = c && c.charCodeAt(0) < 128 ? c.toLowerCase().charCodeAt(0) : -1;
  if (plain >= 0) {
    // A plain ASCII character: itself and its other case (non-ASCII folds are left to `rest`).
    ascii[c.charCodeAt(0)] = 1;
    if (/[a-z]/i.test(c)) ascii[c.toLowerCase().charCodeAt(0)] = ascii[c.toUpperCase().charCodeAt(0)] = 1;
  } else {
    const test = new RegExp(`^(?:${source})$`, 'iu');
    for (let u = 0; u < 128; u++) ascii[u] = test.test(String.fromCharCode(u)) ? 1 : 0;
  }
  set = { ascii, plain, id: setList.length, rest: undefined, source };
  sets.set(source, set);
  setList.push(set);
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

/**
 * Is instruction `at` the target of a jump or a second choice? Targets are set once the
 * instructions they skip are emitted, so while emitting, only those already known count;
 * a run is never extended across the end of an alternative or an optional part, since the
 * SPLIT or JMP that ends it is emitted in between.
 */
function jumpedTo(out: Instruction[], at: number): boolean {
  return out.some((ins) => (ins.op === SPLIT || ins.op === JMP) && ins.to === at);
}

/** Repeats of a group are unrolled; past this many copies the source is left to RegExp. */
const MAX_UNROLLED = 64;

function add(out: Instruction[], op: number, fields: Partial<Instruction> = {}): Instruction {
  const instruction: Instruction = {
    op,
    set: undefined,
    min: 0,
    max: 0,
    greedy: true,
    to: -1,
    chars: '',
    ...fields,
  };
  out.push(instruction);
  return instruction;
}

function emit(node: Node, backward: boolean, out: Instruction[]): void {
  switch (node.t) {
    case 'set': {
      const last = out[out.length - 1];
      // Joined to the run before it when both are plain characters and nothing jumps between.
      if (node.set.plain >= 0 && last?.op === LITERAL && !jumpedTo(out, out.length)) {
        last.chars += String.fromCharCode(node.set.plain);
      } else if (node.set.plain >= 0) {
        add(out, LITERAL, { chars: String.fromCharCode(node.set.plain) });
      } else add(out, SET, { set: node.set });
      return;
    }
    case 'notAhead':
      if (backward) throw new Unsupported('lookahead inside a lookbehind');
      add(out, NOT_AHEAD, { set: node.set });
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
        const split = last ? undefined : add(out, SPLIT);
        emit(item, backward, out);
        if (!last) jumps.push(add(out, JMP));
        if (split) split.to = out.length;
      });
      for (const jump of jumps) jump.to = out.length;
      return;
    }
    case 'rep': {
      if (node.node.t === 'set') {
        add(out, REP, { set: node.node.set, min: node.min, max: node.max, greedy: node.greedy });
        return;
      }
      if (node.max === Infinity || node.max > MAX_UNROLLED) throw new Unsupported('unbounded group repeat');
      for (let i = 0; i < node.min; i++) emit(node.node, backward, out);
      // x{0,n} as (?:x(?:x(?:…)?)?)?: each copy is tried only after the one before it.
      const splits: Instruction[] = [];
      for (let i = node.min; i < node.max; i++) {
        splits.push(add(out, SPLIT, { greedy: node.greedy }));
        emit(node.node, backward, out);
      }
      for (const split of splits) split.to = out.length;
      return;
    }
  }
}

/** Numbers per packed instruction: the operation and up to three arguments. */
const WIDTH = 4;
const INFINITE = 0x7fffffff;

/**
 * The instructions as one Int32Array and one string of literal characters: a confirmation
 * reads a few cache lines of them, where objects per instruction scattered it over dozens,
 * and candidates come seldom enough that each finds the program out of cache.
 */
function pack(instructions: Instruction[]): { code: Int32Array; chars: string } {
  const code = new Int32Array(instructions.length * WIDTH);
  let chars = '';
  instructions.forEach((ins, i) => {
    const at = i * WIDTH;
    code[at] = ins.op;
    switch (ins.op) {
      case SET:
      case NOT_AHEAD:
        code[at + 1] = ins.set!.id;
        break;
      case REP:
        code[at] = ins.greedy ? REP : REP_LAZY;
        code[at + 1] = ins.set!.id;
        code[at + 2] = ins.min;
        code[at + 3] = Math.min(ins.max, INFINITE);
        break;
      case SPLIT:
        code[at] = ins.greedy ? SPLIT : SPLIT_LAZY;
        code[at + 1] = ins.to;
        break;
      case JMP:
        code[at + 1] = ins.to;
        break;
      case LITERAL:
        code[at + 1] = chars.length;
        code[at + 2] = ins.chars.length;
        chars += ins.chars;
        break;
    }
  });
  return { code, chars };
}

/** Does a non-ASCII unit match this plain ASCII character under flags `iu`? Only two do. */
function foldsToAscii(c: number, plain: number): boolean {
  return (c === 0x212a && plain === 0x6b) || (c === 0x17f && plain === 0x73);
}

export class SmallRegex {
  private constructor(
    private readonly code: Int32Array,
    private readonly chars: string,
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
      add(program, DONE);
      const { code, chars } = pack(program);
      return new SmallRegex(code, chars, backward);
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

  /** The first of what `run` reads, read: the program's start and its characters' length. */
  warmth(): number {
    return this.code[0]! + this.chars.length;
  }

  private step(pc: number, pos: number, text: string, lo: number, hi: number): number {
    const code = this.code;
    const backward = this.backward;
    for (;;) {
      const at = pc * WIDTH;
      switch (code[at]) {
        case SET: {
          const set = setList[code[at + 1]!]!;
          const units = backward ? unitsBefore(set, text, pos, lo) : unitsAt(set, text, pos, hi);
          if (units === 0) return -1;
          pos += backward ? -units : units;
          pc++;
          continue;
        }
        case LITERAL: {
          const chars = this.chars;
          const from = code[at + 1]!;
          const n = code[at + 2]!;
          if (backward ? pos - n < lo : pos + n > hi) return -1;
          for (let i = 0; i < n; i++) {
            let c = text.charCodeAt(backward ? pos - 1 - i : pos + i);
            if (c >= 0x41 && c <= 0x5a) c |= 0x20;
            const plain = chars.charCodeAt(from + i);
            if (c !== plain && !foldsToAscii(c, plain)) return -1;
          }
          pos += backward ? -n : n;
          pc++;
          continue;
        }
        case REP:
        case REP_LAZY:
          return this.repeat(pc, pos, text, lo, hi);
        case SPLIT: {
          // Greedy: into the repeat or the first alternative first.
          if (this.mayStart(pc + 1, pos, text, lo, hi)) {
            const r = this.step(pc + 1, pos, text, lo, hi);
            if (r >= 0) return r;
          }
          pc = code[at + 1]!;
          continue;
        }
        case SPLIT_LAZY: {
          if (this.mayStart(code[at + 1]!, pos, text, lo, hi)) {
            const r = this.step(code[at + 1]!, pos, text, lo, hi);
            if (r >= 0) return r;
          }
          pc++;
          continue;
        }
        case JMP:
          pc = code[at + 1]!;
          continue;
        case NOT_AHEAD:
          if (unitsAt(setList[code[at + 1]!]!, text, pos, hi) !== 0) return -1;
          pc++;
          continue;
        default:
          return pos;
      }
    }
  }

  /**
   * False when the instruction at `pc` is a character or literal that cannot match at `pos`:
   * a branch that fails on its first character (an optional `[.,]\d{1,7}`, the `AM` of
   * `[AP]M|Z|...`) is passed over without a call.
   */
  private mayStart(pc: number, pos: number, text: string, lo: number, hi: number): boolean {
    const code = this.code;
    const at = pc * WIDTH;
    const op = code[at];
    if (op === SET) {
      const set = setList[code[at + 1]!]!;
      return (this.backward ? unitsBefore(set, text, pos, lo) : unitsAt(set, text, pos, hi)) !== 0;
    }
    if (op !== LITERAL) return true;
    if (this.backward ? pos <= lo : pos >= hi) return false;
    let c = text.charCodeAt(this.backward ? pos - 1 : pos);
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    const plain = this.chars.charCodeAt(code[at + 1]!);
    return c === plain || foldsToAscii(c, plain);
  }

  private repeat(pc: number, pos: number, text: string, lo: number, hi: number): number {
    const code = this.code;
    const at = pc * WIDTH;
    const set = setList[code[at + 1]!]!;
    const min = code[at + 2]!;
    const max = code[at + 3]!;
    const backward = this.backward;
    const sign = backward ? -1 : 1;
    let n = 0;
    let p = pos;
    let units: number;
    if (code[at] === REP) {
      // Positions after each repeat, kept only once a character is two units wide.
      let stops: number[] | undefined;
      while (n < max) {
        units = backward ? unitsBefore(set, text, p, lo) : unitsAt(set, text, p, hi);
        if (units === 0) break;
        if (units === 2 && !stops) stops = Array.from({ length: n + 1 }, (_, i) => pos + sign * i);
        p += sign * units;
        n++;
        stops?.push(p);
      }
      // What follows must start with a plain character: counts that leave another before it
      // are passed over without a call (the commonest case, `\s+` or `\d{1,2}` before text).
      const next = (pc + 1) * WIDTH;
      const plain = code[next] === LITERAL ? this.chars.charCodeAt(code[next + 1]!) : -1;
      for (; n >= min; n--) {
        const after = stops ? stops[n]! : pos + sign * n;
        if (plain >= 0) {
          let c = text.charCodeAt(backward ? after - 1 : after);
          if (c >= 0x41 && c <= 0x5a) c |= 0x20;
          if (c !== plain && !foldsToAscii(c, plain)) continue;
        }
        const r = this.step(pc + 1, after, text, lo, hi);
        if (r >= 0) return r;
      }
      return -1;
    }
    for (; n < min; n++) {
      units = backward ? unitsBefore(set, text, p, lo) : unitsAt(set, text, p, hi);
      if (units === 0) return -1;
      p += sign * units;
    }
    const next = (pc + 1) * WIDTH;
    const plain = code[next] === LITERAL ? this.chars.charCodeAt(code[next + 1]!) : -1;
    for (;;) {
      let c = plain >= 0 ? text.charCodeAt(backward ? p - 1 : p) : -1;
      if (c >= 0x41 && c <= 0x5a) c |= 0x20;
      const r = c === plain || foldsToAscii(c, plain) ? this.step(pc + 1, p, text, lo, hi) : -1;
      if (r >= 0 || n >= max) return r;
      units = backward ? unitsBefore(set, text, p, lo) : unitsAt(set, text, p, hi);
      if (units === 0) return -1;
      p += sign * units;
      n++;
    }
  }
}
