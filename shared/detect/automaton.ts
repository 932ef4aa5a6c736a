/**
 * Aho–Corasick over folded text, compiled to flat typed arrays.
 *
 * States are numbered breadth first, so every state up to `denseCount` is shallow; those get
 * a fully resolved row per character class (a DFA row: no failure chasing), because scans
 * spend almost all their time near the root. Deeper states keep sorted sparse edges and a
 * failure link. This keeps the table small at thousands of patterns (a full DFA at 5,000
 * signatures would be ~40 MB) while the common step is one array read.
 */
import { ELLIPSIS, SPACE, foldTable } from './fold';

/** Dense rows are capped by cells (states × classes) to bound memory: 1M cells = 4 MiB. */
const DENSE_CELL_BUDGET = 1 << 20;

export class Automaton {
  private constructor(
    /** Character class per UTF-16 unit after folding; 0 = in no pattern. Space is class 1. */
    private readonly classOf: Uint16Array,
    private readonly classes: number,
    private readonly edgeStart: Int32Array,
    private readonly edgeLabel: Uint16Array,
    private readonly edgeTarget: Int32Array,
    private readonly fail: Int32Array,
    private readonly outStart: Int32Array,
    private readonly outList: Int32Array,
    private readonly dictLink: Int32Array,
    private readonly dense: Int32Array,
    private readonly denseCount: number,
  ) {}

  /** Anchors must already be folded (`foldString`). */
  static build(anchors: readonly string[]): Automaton {
    const fold = foldTable();
    const classOf = new Uint16Array(0x10000);
    let classes = 2; // 0: no pattern uses it, 1: space
    const classFor = (code: number): number => {
      if (code === SPACE) return 1;
      if (classOf[code] === 0) classOf[code] = classes++;
      return classOf[code]!;
    };

    // Trie with Map children during the build only.
    const children: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    anchors.forEach((anchor, p) => {
      let s = 0;
      for (let i = 0; i < anchor.length; i++) {
        const cls = classFor(anchor.charCodeAt(i));
        let t = children[s]!.get(cls);
        if (t === undefined) {
          t = children.length;
          children.push(new Map());
          own.push([]);
          children[s]!.set(cls, t);
        }
        s = t;
      }
      own[s]!.push(p);
    });
    // Every folded variant of a class member maps to the same class (A and a, ’ and ').
    for (let c = 0; c < 0x10000; c++) {
      const f = fold[c]!;
      if (f !== c) classOf[c] = f === SPACE ? 1 : classOf[f]!;
    }
    classOf[SPACE] = 1;

    // Breadth-first renumbering, failure links, dictionary links.
    const n = children.length;
    const order: number[] = [0];
    for (let head = 0; head < order.length; head++) {
      const s = order[head]!;
      for (const t of children[s]!.values()) order.push(t);
    }
    const rank = new Int32Array(n);
    order.forEach((s, i) => (rank[s] = i));

    const failOld = new Int32Array(n);
    for (const s of order) {
      for (const [cls, t] of children[s]!) {
        if (s === 0) {
          failOld[t] = 0;
          continue;
        }
        let f = failOld[s]!;
        while (f !== 0 && !children[f]!.has(cls)) f = failOld[f]!;
        const g = children[f]!.get(cls);
        failOld[t] = g !== undefined && g !== t ? g : 0;
      }
    }

    const edgeStart = new Int32Array(n + 1);
    let edges = 0;
    for (let i = 0; i < n; i++) {
      edgeStart[i] = edges;
      edges += children[order[i]!]!.size;
    }
    edgeStart[n] = edges;
    const edgeLabel = new Uint16Array(edges);
    const edgeTarget = new Int32Array(edges);
    const fail = new Int32Array(n);
    const outStart = new Int32Array(n + 1);
    const outFlat: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = order[i]!;
      const sorted = [...children[s]!].sort((a, b) => a[0] - b[0]);
      sorted.forEach(([cls, t], k) => {
        edgeLabel[edgeStart[i]! + k] = cls;
        edgeTarget[edgeStart[i]! + k] = rank[t]!;
      });
      fail[i] = rank[failOld[s]!]!;
      outStart[i] = outFlat.length;
      outFlat.push(...own[s]!);
    }
    outStart[n] = outFlat.length;
    const dictLink = new Int32Array(n).fill(-1);
    for (let i = 1; i < n; i++) {
      const f = fail[i]!;
      dictLink[i] = outStart[f + 1]! > outStart[f]! ? f : dictLink[f]!;
    }

    // A failure target is always shallower, so it is numbered earlier: any prefix works.
    const denseCount = Math.min(n, Math.max(1, Math.floor(DENSE_CELL_BUDGET / classes)));
    return Automaton.finish(
      classOf,
      classes,
      edgeStart,
      edgeLabel,
      edgeTarget,
      fail,
      outStart,
      Int32Array.from(outFlat),
      dictLink,
      denseCount,
    );
  }

  private static finish(
    classOf: Uint16Array,
    classes: number,
    edgeStart: Int32Array,
    edgeLabel: Uint16Array,
    edgeTarget: Int32Array,
    fail: Int32Array,
    outStart: Int32Array,
    outList: Int32Array,
    dictLink: Int32Array,
    denseCount: number,
  ): Automaton {
    const dense = new Int32Array(denseCount * classes);
    // States are breadth first, so a row's failure state (shallower) is filled before it.
    for (let s = 0; s < denseCount; s++) {
      const row = s * classes;
      if (s !== 0) dense.set(dense.subarray(fail[s]! * classes, fail[s]! * classes + classes), row);
      for (let e = edgeStart[s]!; e < edgeStart[s + 1]!; e++) dense[row + edgeLabel[e]!] = edgeTarget[e]!;
    }
    return new Automaton(
      classOf,
      classes,
      edgeStart,
      edgeLabel,
      edgeTarget,
      fail,
      outStart,
      outList,
      dictLink,
      dense,
      denseCount,
    );
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
      this.outStart.byteLength +
      this.outList.byteLength +
      this.dictLink.byteLength +
      this.dense.byteLength
    );
  }

  private step(state: number, cls: number): number {
    const classes = this.classes;
    let s = state;
    for (;;) {
      if (s < this.denseCount) return this.dense[s * classes + cls]!;
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
    const denseCount = this.denseCount;
    const classes = this.classes;
    const outStart = this.outStart;
    const outList = this.outList;
    const dictLink = this.dictLink;
    const dotClass = classOf[0x2e]!;
    let state = 0;
    let lastSpace = true;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      const cls = classOf[code]!;
      if (cls === 0) {
        if (code === ELLIPSIS && dotClass !== 0) {
          state = this.step(this.step(this.step(state, dotClass), dotClass), dotClass);
          lastSpace = false;
        } else {
          state = 0;
          lastSpace = false;
          continue;
        }
      } else if (cls === 1) {
        if (lastSpace) continue;
        lastSpace = true;
        state = state < denseCount ? dense[state * classes + 1]! : this.step(state, 1);
      } else {
        lastSpace = false;
        state = state < denseCount ? dense[state * classes + cls]! : this.step(state, cls);
      }
      // Report this state's own patterns, then those of its suffixes.
      let s = outStart[state + 1]! > outStart[state]! ? state : dictLink[state]!;
      while (s !== -1) {
        for (let k = outStart[s]!; k < outStart[s + 1]!; k++) onHit(outList[k]!, i + 1);
        s = dictLink[s]!;
      }
    }
  }
}
