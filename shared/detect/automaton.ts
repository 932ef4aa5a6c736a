/**
 * Aho–Corasick over folded text, compiled to flat typed arrays.
 *
 * States are numbered breadth first, so every state up to `denseCount` is shallow; those get
 * a fully resolved row per character class (a DFA row: no failure chasing), because scans
 * spend almost all their time near the root. Deeper states keep sorted sparse edges and a
 * failure link. This keeps the table small at thousands of patterns (a full DFA at 5,000
 * signatures would be ~40 MB) while the common step is one array read.
 *
 * The build works on typed arrays only (a first-child/next-sibling trie, then one breadth-
 * first pass that numbers states, lays out edges, failure links and dense rows together):
 * ~200,000 states for 5,000 signatures build in tens of milliseconds, not hundreds.
 */
import { ELLIPSIS, SPACE, foldTable } from './fold';

/**
 * Dense rows are capped by cells (states × classes) to bound memory: 512K cells = 2 MiB,
 * enough for every state within three or four characters of the root at 5,000 signatures,
 * which is where a scan of ordinary text spends nearly all of its steps.
 */
const DENSE_CELL_BUDGET = 1 << 19;

export class Automaton {
  private constructor(
    /** Character class per UTF-16 unit after folding; 0 = in no pattern. Space is class 1. */
    private readonly classOf: Uint16Array,
    private readonly classes: number,
    private readonly edgeStart: Int32Array,
    private readonly edgeLabel: Uint16Array,
    private readonly edgeTarget: Int32Array,
    private readonly fail: Int32Array,
    /** The pattern ending at each state, or -1 (patterns are distinct, so one at most). */
    private readonly own: Int32Array,
    /** First state on the failure chain from here (itself included) that ends a pattern, or -1. */
    private readonly hit: Int32Array,
    /**
     * Dense rows, one per state below `denseCount`, `classes` cells each. A cell holds the
     * target's row offset when the target is dense and ends no pattern (the common step:
     * one read, no multiply), else ~target (negative): the scan then takes its slow path.
     */
    private readonly dense: Int32Array,
    private readonly denseCount: number,
  ) {}

  /** Anchors must already be folded (`foldString`) and distinct. */
  static build(anchors: readonly string[]): Automaton {
    const fold = foldTable();
    const classOf = new Uint16Array(0x10000);
    let classes = 2; // 0: no pattern uses it, 1: space
    for (const anchor of anchors) {
      for (let i = 0; i < anchor.length; i++) {
        const c = anchor.charCodeAt(i);
        if (c !== SPACE && classOf[c] === 0) classOf[c] = classes++;
      }
    }
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

    // One breadth-first pass: state i's children get the next numbers in label order, so
    // edges are laid out as they are numbered, and a failure target (always shallower) has
    // its row and edges in place before any state that needs it.
    const n = nodes;
    const denseCount = Math.min(n, Math.max(1, Math.floor(DENSE_CELL_BUDGET / classes)));
    const dense = new Int32Array(denseCount * classes);
    const oldOf = new Int32Array(n);
    const edgeStart = new Int32Array(n + 1);
    const edgeLabel = new Uint16Array(n - 1);
    const edgeTarget = new Int32Array(n - 1);
    const fail = new Int32Array(n);
    const own = new Int32Array(n);
    const hit = new Int32Array(n);
    const kids: number[] = [];
    let numbered = 1;
    let edges = 0;
    const go = (from: number, cls: number): number => {
      for (let s = from; ; s = fail[s]!) {
        if (s < denseCount) return dense[s * classes + cls]!;
        for (let e = edgeStart[s]!, end = edgeStart[s + 1]!; e < end; e++) {
          if (edgeLabel[e] === cls) return edgeTarget[e]!;
        }
      }
    };
    for (let i = 0; i < n; i++) {
      const old = oldOf[i]!;
      own[i] = ownOld[old]!;
      hit[i] = own[i]! >= 0 ? i : i === 0 ? -1 : hit[fail[i]!]!;
      kids.length = 0;
      for (let t = firstChild[old]!; t !== -1; t = nextSibling[t]!) kids.push(t);
      if (kids.length > 1) kids.sort((a, b) => label[a]! - label[b]!);
      edgeStart[i] = edges;
      if (i < denseCount && i !== 0) dense.copyWithin(i * classes, fail[i]! * classes, fail[i]! * classes + classes);
      for (const t of kids) {
        const id = numbered++;
        oldOf[id] = t;
        const cls = label[t]!;
        edgeLabel[edges] = cls;
        edgeTarget[edges++] = id;
        fail[id] = i === 0 ? 0 : go(fail[i]!, cls);
        if (i < denseCount) dense[i * classes + cls] = id;
      }
    }
    edgeStart[n] = edges;
    for (let k = 0; k < dense.length; k++) {
      const t = dense[k]!;
      dense[k] = t < denseCount && hit[t] === -1 ? t * classes : ~t;
    }
    return new Automaton(classOf, classes, edgeStart, edgeLabel, edgeTarget, fail, own, hit, dense, denseCount);
  }

  get stateCount(): number {
    return this.fail.length;
  }

  /** Bytes held by the automaton's arrays. */
  get byteSize(): number {
    return (
      this.classOf.byteLength +
      this.edgeStart.byteLength +
      this.edgeLabel.byteLength +
      this.edgeTarget.byteLength +
      this.fail.byteLength +
      this.own.byteLength +
      this.hit.byteLength +
      this.dense.byteLength
    );
  }

  /** Target of a dense cell (see `dense`). */
  private target(cell: number): number {
    return cell >= 0 ? cell / this.classes : ~cell;
  }

  /** One step from any state: a dense row, else sparse edges and failure links. */
  private step(state: number, cls: number): number {
    const classes = this.classes;
    let s = state;
    for (;;) {
      if (s < this.denseCount) return this.target(this.dense[s * classes + cls]!);
      // Sparse rows are short (a handful of edges): a linear scan beats binary search.
      for (let e = this.edgeStart[s]!, end = this.edgeStart[s + 1]!; e < end; e++) {
        const label = this.edgeLabel[e]!;
        if (label === cls) return this.edgeTarget[e]!;
        if (label > cls) break;
      }
      s = this.fail[s]!;
    }
  }

  /**
   * Calls `onHit` for every anchor occurrence in text[from, to). Runs of white space count
   * as one space and `…` as `...`, matching `foldString`.
   */
  scan(text: string, onHit: (pattern: number, end: number) => void, from = 0, to = text.length): void {
    const classOf = this.classOf;
    const dense = this.dense;
    const classes = this.classes;
    const denseCount = this.denseCount;
    const hit = this.hit;
    const fail = this.fail;
    const own = this.own;
    const dotClass = classOf[0x2e]!;
    // In a dense state, `row` is its row offset and `sparse` is -1; else `sparse` is the state.
    let row = 0;
    let sparse = -1;
    let lastSpace = true;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      const cls = classOf[code]!;
      let state: number;
      if (cls > 1) lastSpace = false;
      else if (cls === 1) {
        if (lastSpace) continue;
        lastSpace = true;
      } else {
        lastSpace = false;
        if (code !== ELLIPSIS || dotClass === 0) {
          row = 0;
          sparse = -1;
          continue;
        }
        state = sparse >= 0 ? sparse : row / classes;
        state = this.step(this.step(this.step(state, dotClass), dotClass), dotClass);
        for (let s = hit[state]!; s !== -1; s = hit[fail[s]!]!) onHit(own[s]!, i + 1);
        if (state < denseCount) ((row = state * classes), (sparse = -1));
        else sparse = state;
        continue;
      }
      if (sparse < 0) {
        const cell = dense[row + cls]!;
        // The common step: a dense state to a dense state that ends no pattern.
        if (cell >= 0) {
          row = cell;
          continue;
        }
        state = ~cell;
      } else state = this.step(sparse, cls);
      // Report this state's pattern, then those of its suffixes.
      for (let s = hit[state]!; s !== -1; s = hit[fail[s]!]!) onHit(own[s]!, i + 1);
      if (state < denseCount) {
        row = state * classes;
        sparse = -1;
      } else sparse = state;
    }
  }
}
