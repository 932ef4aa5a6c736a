/**
 * Follows a page that changes (single-page consoles, live log tails): mutation records are
 * gathered for a moment, reduced to the lines they touched, and only those lines are read
 * again. A burst of more than `hugeMutationBatch` records is reduced to the parents that
 * changed (one pass instead of per-record work); a sustained storm stops the following
 * altogether and the popup says so.
 */
import { LIMITS } from './limits';
import { isInsidePreformatted, lineContainerKind } from './text-lines';

export interface ChangeDeps {
  /** Our own UI (card host): its changes are not the page's. */
  isOurs(node: Node): boolean;
  /** Lines to read again, deduplicated (none inside another), plus whether nodes were removed. */
  changed(lines: Node[], removals: boolean): void;
  storm(): void;
}

export class ChangeWatcher {
  private readonly observer: MutationObserver;
  private pending = new Set<Node>();
  private removals = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstPendingAt = 0;
  private windowStart = 0;
  private windowRecords = 0;
  private stormySeconds = 0;
  private stopped = false;

  constructor(private readonly deps: ChangeDeps) {
    this.observer = new MutationObserver((records) => this.take(records));
  }

  observe(root: Node): void {
    if (!this.stopped) this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  disconnect(): void {
    this.stopped = true;
    this.observer.disconnect();
    clearTimeout(this.timer);
    this.pending.clear();
  }

  private take(records: MutationRecord[]): void {
    if (this.stopped || this.isStorm(records.length)) return;
    const huge = records.length > LIMITS.hugeMutationBatch;
    for (const record of records) {
      if (this.deps.isOurs(record.target)) continue;
      if (record.type === 'characterData') {
        this.add(huge ? record.target.parentNode : record.target);
        continue;
      }
      if (record.removedNodes.length) this.removals = true;
      if (huge) this.add(record.target);
      else for (const node of record.addedNodes) if (!this.deps.isOurs(node)) this.add(node);
    }
    this.schedule();
  }

  private add(node: Node | null): void {
    if (node) this.pending.add(node);
  }

  private isStorm(count: number): boolean {
    const now = performance.now();
    if (now - this.windowStart >= 1000) {
      this.stormySeconds = this.windowRecords > LIMITS.stormRecordsPerSecond ? this.stormySeconds + 1 : 0;
      this.windowStart = now;
      this.windowRecords = 0;
    }
    this.windowRecords += count;
    if (this.stormySeconds < LIMITS.stormSeconds) return false;
    this.disconnect();
    this.deps.storm();
    return true;
  }

  private schedule(): void {
    if (!this.pending.size && !this.removals) return;
    const now = performance.now();
    if (this.timer === undefined) this.firstPendingAt = now;
    else if (now - this.firstPendingAt < LIMITS.maxCoalesceMs) clearTimeout(this.timer);
    else return; // already waited long enough: let the armed timer fire
    this.timer = setTimeout(() => this.flush(), LIMITS.coalesceMs);
  }

  private flush(): void {
    this.timer = undefined;
    const nodes = this.pending;
    const removals = this.removals;
    this.pending = new Set();
    this.removals = false;
    const lines = new Set<Node>();
    for (const node of nodes) {
      const line = lineOf(node);
      if (line && !this.deps.isOurs(line)) lines.add(line);
    }
    this.deps.changed(outermost(lines), removals);
  }
}

/**
 * The line a changed node belongs to: inside preformatted text the node itself (a log tail
 * appends lines; reading the whole <pre> again would be quadratic), inside a table row the
 * outermost row (its cells and header give the context), else the nearest block.
 */
export function lineOf(node: Node): Node | undefined {
  if (!node.isConnected) return undefined;
  if (isInsidePreformatted(node)) return node;
  let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!el) return node;
  let row: Element | null = null;
  for (let e: Element | null = el; e; e = e.parentElement) if (lineContainerKind(e) === 'row') row = e;
  if (row) return row;
  for (; el; el = el.parentElement) if (lineContainerKind(el) === 'block') return el;
  return node;
}

/** Drops every node that lies inside another one of the set. */
export function outermost(nodes: ReadonlySet<Node>): Node[] {
  const kept: Node[] = [];
  for (const node of nodes) {
    let inside = false;
    for (let n = node.parentNode; n; n = n.parentNode) {
      if (nodes.has(n)) {
        inside = true;
        break;
      }
    }
    if (!inside) kept.push(node);
  }
  return kept;
}
