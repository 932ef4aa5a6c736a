/**
 * Scans a frame's text for known errors: a queue of roots (the body, open shadow roots,
 * changed lines), each read as lines in time slices and handed to the detector chunk by
 * chunk; findings become marks. Stops itself on pathological pages.
 */
import type { Detector } from '../../shared/detect/detector';
import type { Mark, MarkKind } from './marks/mark';
import { isAlive } from './marks/mark';
import type { MarkStore } from './marks/mark-store';
import type { MarkPainter } from './marks/painter';
import { LIMITS } from './limits';
import { newSliceStats, runSliced } from './slicer';
import type { SliceStats } from './slicer';
import { LineReader, locate, nodesBetween } from './text-lines';
import type { Chunk, ReadCounters } from './text-lines';

export type ScanState = 'scanning' | 'done' | 'backed-off' | 'paused';
export type BackoffReason = 'too-many-nodes' | 'too-much-text' | 'too-many-findings' | 'too-many-changes';

export interface ScannerDeps {
  detector: Detector;
  kindOf(article: string): MarkKind | undefined;
  store: MarkStore;
  painter: MarkPainter;
  /** Elements never read (form fields, editable regions, scripts, our UI). */
  skip(el: Element): boolean;
  /** An open shadow root was found (to observe it too). */
  onShadowRoot(root: ShadowRoot): void;
  /** Something changed that the popup and badge should know. */
  onChange(): void;
  /** The scanner gave up: stop following changes. */
  onBackOff(reason: BackoffReason): void;
}

export class PageScanner {
  state: ScanState = 'scanning';
  reason: BackoffReason | undefined;
  readonly counters: ReadCounters = { textNodes: 0, chars: 0 };
  readonly stats: SliceStats = newSliceStats();
  readonly shadowRoots = new Set<ShadowRoot>();
  private readonly queue: Node[] = [];
  private reader: LineReader | undefined;
  private running: Promise<void> | undefined;
  private nextId = 1;
  private readonly hooks;

  constructor(private readonly deps: ScannerDeps) {
    this.hooks = {
      skip: deps.skip,
      chunk: (chunk: Chunk) => this.detect(chunk),
      shadowRoot: (root: ShadowRoot) => {
        if (this.shadowRoots.has(root)) return;
        this.shadowRoots.add(root);
        deps.onShadowRoot(root);
        this.queue.push(root);
      },
    };
  }

  /** Queues roots for reading; marks already inside them are dropped first (they are found again). */
  scan(roots: Iterable<Node>): Promise<void> {
    if (this.state === 'backed-off') return Promise.resolve();
    const fresh = [...roots];
    if (!fresh.length) return this.running ?? Promise.resolve();
    const set = new Set(fresh);
    const stale = this.deps.store.removeWhere((m) => !isAlive(m) || within(m.startNode, set));
    if (stale.length) this.deps.painter.remove(stale);
    this.queue.push(...fresh);
    if (this.state !== 'paused') this.state = 'scanning';
    return (this.running ??= this.run());
  }

  /** Drops marks whose text left the page. */
  prune(): void {
    const gone = this.deps.store.removeWhere((m) => !isAlive(m));
    if (gone.length) {
      this.deps.painter.remove(gone);
      this.deps.onChange();
    }
  }

  /** Following changes stopped (mutation storm); what is marked stays. */
  pause(reason: BackoffReason): void {
    this.state = 'paused';
    this.reason = reason;
    this.deps.onChange();
  }

  private async run(): Promise<void> {
    this.deps.onChange();
    try {
      await runSliced((shouldYield) => this.step(shouldYield), this.stats);
    } finally {
      this.running = undefined;
    }
    if (this.state === 'scanning') this.state = 'done';
    this.deps.painter.flush();
    this.deps.onChange();
  }

  private step(shouldYield: () => boolean): boolean {
    for (;;) {
      if (this.state === 'backed-off') return true;
      if (!this.reader) {
        const root = this.queue.shift();
        if (!root) return true;
        if (!root.isConnected) continue;
        this.reader = new LineReader(root, this.hooks, this.counters);
      }
      const result = this.reader.read(shouldYield);
      if (result === 'yielded') return false;
      // 'lost': the subtree went away under us; the mutation pass queues what replaced it.
      this.reader = undefined;
      if (this.counters.textNodes > LIMITS.maxTextNodes) return this.backOff('too-many-nodes');
      if (this.counters.chars > LIMITS.maxChars) return this.backOff('too-much-text');
      if (shouldYield()) return false;
    }
  }

  private backOff(reason: BackoffReason): true {
    this.state = 'backed-off';
    this.reason = reason;
    this.queue.length = 0;
    this.reader = undefined;
    this.deps.painter.flush();
    this.deps.onBackOff(reason);
    return true;
  }

  private detect(chunk: Chunk): void {
    if (this.state === 'backed-off') return;
    if (this.counters.textNodes > LIMITS.maxTextNodes) return void this.backOff('too-many-nodes');
    if (this.counters.chars > LIMITS.maxChars) return void this.backOff('too-much-text');
    const { store, painter, detector } = this.deps;
    const room = LIMITS.maxMarks - store.size;
    if (room <= 0) return void this.backOff('too-many-findings');
    const added: Mark[] = [];
    for (const f of detector.find(chunk.text, { maxFindings: room })) {
      const kind = this.deps.kindOf(f.article);
      const start = locate(chunk.pieces, f.start, 'start');
      const end = locate(chunk.pieces, f.end, 'end');
      // No kind: an article the cards do not know; no position: it starts in added context.
      if (!kind || !start || !end) continue;
      const mark: Mark = {
        id: this.nextId++,
        startNode: start.node,
        startOffset: start.offset,
        endNode: end.node,
        endOffset: end.offset,
        nodes: nodesBetween(chunk.pieces, f.start, f.end),
        article: f.article,
        signature: f.signature,
        kind,
        text: f.text,
      };
      if (store.add(mark)) added.push(mark);
    }
    if (added.length) {
      painter.add(added);
      this.deps.onChange();
    }
    if (store.size >= LIMITS.maxMarks) this.backOff('too-many-findings');
  }
}

/**
 * Is `node` inside (or equal to) one of `roots`? Stops at a shadow root: shadow trees are
 * read and observed as roots of their own, so a host's rescan must not drop their marks.
 */
export function within(node: Node, roots: ReadonlySet<Node>): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (roots.has(n)) return true;
  }
  return false;
}
