/**
 * Aho–Corasick over folded text: every anchor in one pass, whatever their number.
 *
 * `buildAutomaton` runs at content-compile time and gives plain data (typed arrays as
 * base64) that ships in the bundle; `Automaton.load` turns it back into arrays at start-up.
 * States are numbered breadth first, so the children of a state are consecutive states and
 * a failure link always points to a smaller number. The shallowest states, where a scan of
 * log text spends almost all its steps, get a full row of transitions (one array read per
 * character); deeper ones follow their edges and failure links.
 *
 * Text is read as the folding normaliser sees it (fold.ts): case, quotes and dashes fold,
 * a run of white space is one space, `…` is `...`.
 */
import { ELLIPSIS, SPACE, foldTable } from './fold';

/** Character class of white space; 0 is "in no anchor". */
const SPACE_CLASS = 1;
const DOT = 0x2e;
/** Cells of full rows: 256K × 4 bytes = 1 MiB, rows for the first ~4 characters of 5,000 anchors. */
const ROW_CELLS = 1 << 18;

export interface AutomatonData {
  /** Folded characters the anchors hold, but space, in class order: class k + 2. */
  alphabet: string;
  /** Per state (base64): number of children (Uint16), class of the edge into it (Uint16). */
  children: string;
  labels: string;
  /** Per state (base64, Int32): failure state; the anchor ending here, or -1. */
  fail: string;
  output: string;
}

/** Builds the automaton of distinct folded anchors (`foldString`); anchor i is reported as i. */
export function buildAutomaton(anchors: readonly string[]): AutomatonData {
  const alphabet = [...new Set([...anchors.join('')])].filter((c) => c !== ' ').sort();
  const classOf = new Map(alphabet.map((c, k) => [c.charCodeAt(0), k + 2]));
  classOf.set(SPACE, SPACE_CLASS);

  // The trie as first-child / next-sibling lists: no object per state.
  const size = anchors.reduce((n, a) => n + a.length, 1);
  const label = new Uint16Array(size);
  const firstChild = new Int32Array(size).fill(-1);
  const nextSibling = new Int32Array(size).fill(-1);
  const ends = new Int32Array(size).fill(-1);
  let nodes = 1;
  anchors.forEach((anchor, index) => {
    let s = 0;
    for (let i = 0; i < anchor.length; i++) {
      const c = classOf.get(anchor.charCodeAt(i))!;
      let t = firstChild[s]!;
      while (t !== -1 && label[t] !== c) t = nextSibling[t]!;
      if (t === -1) {
        t = nodes++;
        label[t] = c;
        nextSibling[t] = firstChild[s]!;
        firstChild[s] = t;
      }
      s = t;
    }
    ends[s] = index;
  });

  // Breadth-first numbering, children in class order; failure links in the same pass.
  const order = [0];
  const childCount = new Uint16Array(nodes);
  const labels = new Uint16Array(nodes);
  const output = new Int32Array(nodes);
  const fail = new Int32Array(nodes);
  const first = new Int32Array(nodes);
  for (let s = 0; s < order.length; s++) {
    const node = order[s]!;
    const kids: number[] = [];
    for (let t = firstChild[node]!; t !== -1; t = nextSibling[t]!) kids.push(t);
    kids.sort((a, b) => label[a]! - label[b]!);
    first[s] = order.length;
    childCount[s] = kids.length;
    output[s] = ends[node]!;
    for (const t of kids) {
      const child = order.length;
      order.push(t);
      labels[child] = label[t]!;
      fail[child] = s === 0 ? 0 : follow(fail[s]!, label[t]!, first, childCount, labels, fail);
    }
  }
  return {
    alphabet: alphabet.join(''),
    children: toBase64(childCount),
    labels: toBase64(labels),
    fail: toBase64(fail),
    output: toBase64(output),
  };
}

/** The state a step on class c leads to from `state`, by edges and failure links only. */
function follow(
  state: number,
  c: number,
  first: Int32Array,
  childCount: Uint16Array,
  labels: Uint16Array,
  fail: Int32Array,
): number {
  for (let s = state; ; s = fail[s]!) {
    for (let t = first[s]!, end = t + childCount[s]!; t < end; t++) if (labels[t] === c) return t;
    if (s === 0) return 0;
  }
}

export type OnHit = (anchor: number, end: number) => void;

export class Automaton {
  private constructor(
    /** Class of every UTF-16 unit, after folding. */
    private readonly classOf: Uint8Array | Uint16Array,
    private readonly classes: number,
    private readonly first: Int32Array,
    private readonly childCount: Uint16Array,
    private readonly labels: Uint16Array,
    private readonly fail: Int32Array,
    private readonly output: Int32Array,
    /** First state on the failure chain from here (itself included) where an anchor ends, or -1. */
    private readonly hitAt: Int32Array,
    /**
     * Full rows of states 0 .. rowCount - 1, `classes` cells each. A cell holds the target's
     * row offset when the target has a row and ends no anchor (the common step: one read),
     * else ~target (negative): the slow path.
     */
    private readonly rows: Int32Array,
    private readonly rowCount: number,
  ) {}

  /** `rowCells` caps the cells of full rows (tests set it low to exercise the slow path). */
  static load(data: AutomatonData, rowCells = ROW_CELLS): Automaton {
    const childCount = fromBase64(data.children, Uint16Array);
    const labels = fromBase64(data.labels, Uint16Array);
    const fail = fromBase64(data.fail, Int32Array);
    const output = fromBase64(data.output, Int32Array);
    const states = childCount.length;
    // 0: in no anchor, 1: space, 2.. the alphabet, last: `…` (read as three dots on the slow path).
    const ellipsis = data.alphabet.length + 2;
    const classes = ellipsis + 1;

    const fold = foldTable();
    const classOfFolded = new Uint16Array(0x10000);
    for (let k = 0; k < data.alphabet.length; k++) classOfFolded[data.alphabet.charCodeAt(k)] = k + 2;
    classOfFolded[SPACE] = SPACE_CLASS;
    if (data.alphabet.includes('.')) classOfFolded[ELLIPSIS] = ellipsis;
    const classOf = classes <= 0x100 ? new Uint8Array(0x10000) : new Uint16Array(0x10000);
    for (let u = 0; u < 0x10000; u++) classOf[u] = classOfFolded[fold[u]!]!;

    const first = new Int32Array(states);
    const hitAt = new Int32Array(states);
    for (let s = 0, next = 1; s < states; s++) {
      first[s] = next;
      next += childCount[s]!;
      hitAt[s] = output[s]! >= 0 ? s : s === 0 ? -1 : hitAt[fail[s]!]!;
    }
    const rowCount = Math.max(1, Math.min(states, Math.floor(rowCells / classes)));
    const rows = new Int32Array(rowCount * classes);
    // A row starts as its failure state's (complete already: it is shallower), then its own edges.
    for (let s = 0; s < rowCount; s++) {
      if (s > 0) rows.copyWithin(s * classes, fail[s]! * classes, fail[s]! * classes + classes);
      for (let t = first[s]!, end = t + childCount[s]!; t < end; t++) rows[s * classes + labels[t]!] = t;
    }
    // A state entered by a space stays put on more space, so a run of white space reads as
    // one space. Set after the copies, so no row inherits it.
    for (let s = 1; s < rowCount; s++) if (labels[s] === SPACE_CLASS) rows[s * classes + SPACE_CLASS] = s;
    for (let k = 0; k < rows.length; k++) {
      const t = rows[k]!;
      rows[k] = k % classes !== ellipsis && t < rowCount && hitAt[t] === -1 ? t * classes : ~t;
    }
    return new Automaton(classOf, classes, first, childCount, labels, fail, output, hitAt, rows, rowCount);
  }

  static build(anchors: readonly string[]): Automaton {
    return Automaton.load(buildAutomaton(anchors));
  }

  get stateCount(): number {
    return this.fail.length;
  }

  /** Bytes held by the automaton's arrays. */
  get byteSize(): number {
    const arrays = [this.classOf, this.first, this.childCount, this.labels, this.fail, this.output, this.hitAt];
    return arrays.reduce((n, a) => n + a.byteLength, this.rows.byteLength);
  }

  /** Calls `onHit` for every anchor occurrence in text[from, to), with the offset just past it. */
  scan(text: string, onHit: OnHit, from = 0, to = text.length): void {
    const { classOf, classes, rows, rowCount, hitAt, fail, output } = this;
    let row = 0;
    for (let i = from; i < to; i++) {
      const cell = rows[row + classOf[text.charCodeAt(i)]!]!;
      if (cell >= 0) {
        row = cell;
        continue;
      }
      // An anchor ends here, or the scan goes deeper than the rows: one character at a time
      // until it is back in a state with a row.
      let s = this.next(row / classes, text.charCodeAt(i));
      for (;;) {
        for (let h = hitAt[s]!; h !== -1; h = hitAt[fail[h]!]!) onHit(output[h]!, i + 1);
        if (s < rowCount || ++i >= to) break;
        s = this.next(s, text.charCodeAt(i));
      }
      row = s * classes;
    }
  }

  /** The state after reading `code` in `state`, the slow way. */
  private next(state: number, code: number): number {
    const c = this.classOf[code]!;
    if (c !== this.classes - 1) return this.step(state, c);
    let s = state;
    for (let k = 0; k < 3; k++) s = this.step(s, this.classOf[DOT]!);
    return s;
  }

  /** A step on class c, by edges and failure links (and the space rule). */
  private step(state: number, c: number): number {
    if (c === 0) return 0;
    if (c === SPACE_CLASS && state > 0 && this.labels[state] === SPACE_CLASS) return state;
    for (let s = state; ; s = this.fail[s]!) {
      for (let t = this.first[s]!, end = t + this.childCount[s]!; t < end; t++) if (this.labels[t] === c) return t;
      if (s === 0) return 0;
    }
  }
}
type Typed = Uint16Array | Int32Array;

/** Little-endian bytes as base64: every browser and Node this runs on is little-endian. */
function toBase64(array: Typed): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64<T extends Typed>(
  text: string,
  Kind: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number },
): T {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Kind(bytes.buffer);
}
