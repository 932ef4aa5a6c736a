/**
 * Aho–Corasick over folded text, compiled to flat typed arrays: the exact scan behind
 * `Automaton` (which skips most of a text with a sampling filter and runs this over the rest).
 *
 * States are numbered breadth first, so the first `rowCount` states are the shallowest;
 * those get a fully resolved row per character class (a DFA row: no failure chasing),
 * because scans spend almost all their time near the root. Deeper states keep sorted sparse
 * edges and a failure link. This keeps the table small at thousands of patterns (a full DFA
 * at 5,000 signatures would be ~40 MB) while the common step is one array read.
 *
 * The build works on typed arrays only (a first-child/next-sibling trie, then one breadth-
 * first pass that numbers states and lays out edges, failure links and rows together): the
 * ~200,000 states of 5,000 signatures build in tens of milliseconds.
 *
 * The scan reads UTF-8 bytes that `TextEncoder.encodeInto` writes natively, a chunk at a
 * time: a byte array is read about three times as fast as `charCodeAt` in V8 (measured in
 * test/bench), and log text is nearly all ASCII, one byte per character.
 */
import { ELLIPSIS, SPACE, foldTable } from './fold';

/**
 * Rows are capped by cells (rows × classes) to bound memory: 512K cells = 2 MiB, a row for every
 * state within about four characters of the root at 5,000 signatures, where a scan of log text
 * spends ~99% of its steps (measured on test/bench's synthetic log).
 */
const ROW_CELL_BUDGET = 1 << 19;
/** Characters of English and log text, most frequent first (letters by English frequency). */
const FREQUENT = 'etaoinsrhldcumfpgwybvkxjqz0123456789.-:/_=&,()[]\'"@#%*+;<>?!{}|\\$~^`';
/** UTF-16 units encoded at a time: the byte buffer (3 bytes a unit at most) stays ~200 KB. */
const CHUNK = 1 << 16;
const encoder = new TextEncoder();
/** Reused between scans; a scan started from inside `onHit` takes a buffer of its own. */
let spare: Uint8Array | undefined;

/** `start` is where the anchor starts when the finder knows it, -1 when it does not. */
export type OnHit = (pattern: number, end: number, start: number) => void;

/**
 * Can a scan for this anchor read UTF-8 bytes? Not if it holds a surrogate or U+FFFD:
 * `encodeInto` writes astral characters as 4 bytes and lone surrogates as U+FFFD.
 */
export function bytewise(anchor: string): boolean {
  for (let i = 0; i < anchor.length; i++) {
    const c = anchor.charCodeAt(i);
    if ((c >= 0xd800 && c <= 0xdfff) || c === 0xfffd) return false;
  }
  return true;
}

export class Dfa {
  private constructor(
    /** Character class per UTF-16 unit after folding; 0 = in no pattern. Space is class 1. */
    private readonly classOf: Uint16Array,
    private readonly classes: number,
    /**
     * Sparse edges of each state, sorted by class. States are numbered in the order edges
     * are laid out, so edge e always leads to state e + 1: no target array is needed.
     */
    private readonly edgeStart: Int32Array,
    private readonly edgeLabel: Uint16Array,
    private readonly fail: Int32Array,
    /** First state on the failure chain from here (itself included) that ends a pattern, or -1. */
    private readonly hit: Int32Array,
    /** The pattern ending at each such state (patterns are distinct: one per state at most). */
    private readonly own: Map<number, number>,
    /**
     * Fully resolved transitions of states 0 .. rowCount - 1, `classes` cells per row. A cell
     * holds the target's row offset when the target has a row and ends no pattern (the
     * common step: one read, no multiply), else ~target (negative): the slow path.
     */
    private readonly rows: Int32Array,
    private readonly rowCount: number,
    /** Can the scan read UTF-8 bytes? Not if a pattern holds a surrogate or U+FFFD. */
    private readonly byBytes: boolean,
  ) {}

  /** Anchors must already be folded (`foldString`) and distinct. */
  static build(anchors: readonly string[], rowCellBudget = ROW_CELL_BUDGET): Dfa {
    const fold = foldTable();
    const classOf = new Uint16Array(0x10000);
    let classes = 2; // 0: no pattern uses it, 1: space
    const byBytes = anchors.every(bytewise);
    const used = new Set<number>();
    for (const anchor of anchors) {
      for (let i = 0; i < anchor.length; i++) {
        const c = anchor.charCodeAt(i);
        if (c !== SPACE) used.add(c);
      }
    }
    // Frequent characters get the low classes: the cells a scan reads most then share the
    // first cache line of each row (16 cells of 4 bytes), whatever the patterns.
    const rank = (c: number) => {
      const at = FREQUENT.indexOf(String.fromCharCode(c));
      return at < 0 ? FREQUENT.length + c : at;
    };
    for (const c of [...used].sort((a, b) => rank(a) - rank(b))) classOf[c] = classes++;
    // Every folded variant of a class member maps to the same class (A and a, ’ and ').
    for (let c = 0; c < 0x10000; c++) {
      const f = fold[c]!;
      if (f !== c) classOf[c] = f === SPACE ? 1 : classOf[f]!;
    }
    classOf[SPACE] = 1;

    // Trie as first-child / next-sibling lists: no object per state.
    let capacity = 1;
    for (const anchor of anchors) capacity += anchor.length;
    const label = new Uint16Array(capacity);
    const firstChild = new Int32Array(capacity).fill(-1);
    const nextSibling = new Int32Array(capacity).fill(-1);
    const ownOld = new Int32Array(capacity).fill(-1);
    let nodes = 1;
    anchors.forEach((anchor, p) => {
      let s = 0;
      for (let i = 0; i < anchor.length; i++) {
        const cls = classOf[anchor.charCodeAt(i)]!;
        let t = firstChild[s]!;
        while (t !== -1 && label[t] !== cls) t = nextSibling[t]!;
        if (t === -1) {
          t = nodes++;
          label[t] = cls;
          nextSibling[t] = firstChild[s]!;
          firstChild[s] = t;
        }
        s = t;
      }
      ownOld[s] = p;
    });

    // One breadth-first pass: state i's children get the next numbers in class order, so
    // edges are laid out as states are numbered, and a failure target (always shallower)
    // has its edges and row in place before any state that needs it.
    const n = nodes;
    const rowCount = Math.min(n, Math.max(1, Math.floor(rowCellBudget / classes)));
    const rows = new Int32Array(rowCount * classes);
    const oldOf = new Int32Array(n);
    const edgeStart = new Int32Array(n + 1);
    const edgeLabel = new Uint16Array(n - 1);
    const fail = new Int32Array(n);
    const hit = new Int32Array(n);
    const own = new Map<number, number>();
    const kids: number[] = [];
    let edges = 0;
    const go = (from: number, cls: number): number => {
      for (let s = from; ; s = fail[s]!) {
        if (s < rowCount) return rows[s * classes + cls]!;
        for (let e = edgeStart[s]!, end = edgeStart[s + 1]!; e < end; e++) if (edgeLabel[e] === cls) return e + 1;
      }
    };
    for (let i = 0; i < n; i++) {
      const old = oldOf[i]!;
      if (ownOld[old]! >= 0) own.set(i, ownOld[old]!);
      hit[i] = ownOld[old]! >= 0 ? i : i === 0 ? -1 : hit[fail[i]!]!;
      kids.length = 0;
      for (let t = firstChild[old]!; t !== -1; t = nextSibling[t]!) kids.push(t);
      if (kids.length > 1) kids.sort((a, b) => label[a]! - label[b]!);
      edgeStart[i] = edges;
      for (const t of kids) {
        oldOf[edges + 1] = t;
        edgeLabel[edges++] = label[t]!;
      }
      edgeStart[i + 1] = edges;
      for (let e = edgeStart[i]!; e < edges; e++) fail[e + 1] = i === 0 ? 0 : go(fail[i]!, edgeLabel[e]!);
      if (i < rowCount) {
        // A row starts as its failure state's row (complete already: it is shallower).
        const row = i * classes;
        if (i !== 0) rows.copyWithin(row, fail[i]! * classes, fail[i]! * classes + classes);
        for (let e = edgeStart[i]!; e < edges; e++) rows[row + edgeLabel[e]!] = e + 1;
      }
    }
    // Rows were built with target states; encode them for the scan (see `rows`). A state
    // entered by a space stays put on more space: runs of white space fold to one space
    // without a branch in the scan loop (folded anchors never hold two spaces in a row).
    for (let k = 0; k < rows.length; k++) {
      const s = Math.floor(k / classes);
      const t = k % classes === 1 && s > 0 && edgeLabel[s - 1] === 1 ? s : rows[k]!;
      rows[k] = t < rowCount && hit[t] === -1 ? t * classes : ~t;
    }
    return new Dfa(classOf, classes, edgeStart, edgeLabel, fail, hit, own, rows, rowCount, byBytes);
  }

  get stateCount(): number {
    return this.fail.length;
  }

  /** Bytes held by the automaton's arrays (and ~16 per entry of its pattern map). */
  get byteSize(): number {
    return (
      this.classOf.byteLength +
      this.edgeStart.byteLength +
      this.edgeLabel.byteLength +
      this.fail.byteLength +
      this.hit.byteLength +
      this.rows.byteLength +
      this.own.size * 16
    );
  }

  /** The encoded cell (see `rows`) for a step from any state. */
  private cell(state: number, cls: number): number {
    if (cls === 1 && state > 0 && this.edgeLabel[state - 1] === 1) return this.encode(state);
    for (let s = state; ;) {
      if (s < this.rowCount) return this.rows[s * this.classes + cls]!;
      // Sparse rows are short (a handful of edges): a linear scan beats binary search.
      for (let e = this.edgeStart[s]!, end = this.edgeStart[s + 1]!; e < end; e++) {
        const label = this.edgeLabel[e]!;
        if (label > cls) break;
        if (label === cls) return this.encode(e + 1);
      }
      s = this.fail[s]!;
    }
  }

  private encode(state: number): number {
    return state < this.rowCount && this.hit[state] === -1 ? state * this.classes : ~state;
  }

  private step(state: number, cls: number): number {
    const cell = this.cell(state, cls);
    return cell >= 0 ? cell / this.classes : ~cell;
  }

  /** The state "…" leads to: "..." to the patterns. */
  private ellipsis(state: number): number {
    let s = state;
    for (let k = 0; k < 3; k++) s = this.step(s, this.classOf[0x2e]!);
    return s;
  }

  /**
   * Calls `onHit` for every anchor occurrence in text[from, to), with the offset just past
   * it. Runs of white space count as one space and `…` as `...`, matching `foldString`.
   */
  scan(text: string, onHit: OnHit, from = 0, to = text.length): void {
    if (!this.byBytes) {
      this.run(text, 0, from, to, onHit);
      return;
    }
    const buffer = spare ?? new Uint8Array(CHUNK * 3);
    spare = undefined;
    try {
      this.scanBytes(text, onHit, from, to, buffer);
    } finally {
      spare = buffer;
    }
  }

  /**
   * The scan over UTF-16 units from `state`, returning the state it ends in: `Automaton`
   * resumes it window after window. Also the whole scan when a pattern holds characters
   * outside the BMP.
   */
  run(text: string, state: number, from: number, to: number, onHit: OnHit): number {
    const classOf = this.classOf;
    const dots = classOf[0x2e] !== 0;
    let s = state;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      const cls = classOf[code]!;
      if (cls !== 0) s = this.step(s, cls);
      else if (code === ELLIPSIS && dots) s = this.ellipsis(s);
      else {
        s = 0;
        continue;
      }
      for (let h = this.hit[s]!; h !== -1; h = this.hit[this.fail[h]!]!) onHit(this.own.get(h)!, i + 1, -1);
    }
    return s;
  }

  private scanBytes(text: string, onHit: OnHit, from: number, to: number, buffer: Uint8Array): void {
    const classOf = this.classOf;
    const rows = this.rows;
    const rowCount = this.rowCount;
    const classes = this.classes;
    const hit = this.hit;
    const fail = this.fail;
    const dots = classOf[0x2e] !== 0;
    // In a state with a row, `row` is its offset and `state` is -1; else `state` is the state.
    let row = 0;
    let state = -1;
    for (let at = from; at < to;) {
      let end = Math.min(to, at + CHUNK);
      // Never split a surrogate pair between chunks.
      const last = text.charCodeAt(end - 1);
      if (end < to && last >= 0xd800 && last <= 0xdbff) end--;
      const length = encoder.encodeInto(at === 0 && end === text.length ? text : text.slice(at, end), buffer).written;
      // Bytes beyond one per UTF-16 unit so far: offsets in the text are at + j + 1 - extra.
      let extra = 0;
      for (let j = 0; j < length; j++) {
        const b = buffer[j]!;
        let target: number;
        if (b < 0x80 && state < 0) {
          // The common step: one read, to a state with a row that ends no pattern. Space
          // runs and characters in no pattern need no branch (see `build`).
          const cell = rows[row + classOf[b]!]!;
          if (cell >= 0) {
            row = cell;
            continue;
          }
          target = ~cell;
        } else {
          let cp = b;
          if (b >= 0x80) {
            // A multi-byte character: decode it (log text has few).
            const more = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
            cp = b & (0x3f >> more);
            for (let k = 0; k < more; k++) cp = (cp << 6) | (buffer[++j]! & 0x3f);
            extra += cp > 0xffff ? more - 1 : more;
          }
          // No pattern holds a surrogate: an astral character breaks any match, as it would as two units.
          const cls = cp > 0xffff ? 0 : classOf[cp]!;
          const from = state < 0 ? row / classes : state;
          if (cls !== 0) target = this.step(from, cls);
          else if (cp === ELLIPSIS && dots) target = this.ellipsis(from);
          else target = 0;
        }
        state = target < rowCount ? -1 : target;
        if (state < 0) row = target * classes;
        // Report this state's pattern, then those of its suffixes.
        for (let s = hit[target]!; s !== -1; s = hit[fail[s]!]!) onHit(this.own.get(s)!, at + j + 1 - extra, -1);
      }
      at = end;
    }
  }
}
