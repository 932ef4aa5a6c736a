/**
 * Reads a DOM subtree as lines of text for the detector, with a map from every text
 * offset back to the text node it came from, so a finding becomes a Range without the
 * page's nodes ever being touched.
 *
 * What counts as a line matters: generic signatures ("Access Denied", HTTP 500) are only
 * reported with a context term on the same line. So a table row (or ARIA row) is one line,
 * its cells joined by spaces, with the table's header text appended as context that maps to
 * no node ("Device access state" for an "Access Denied" cell); block elements and newlines in
 * preformatted text end lines; newlines in ordinary text are just spaces.
 *
 * The reader is resumable: `read(shouldYield)` stops between nodes (or inside a huge text
 * node) when the slice budget is spent and carries on from there next time.
 */
import { LIMITS } from './limits';

export interface Piece {
  node: Text;
  /** Offset in `node.data` where this piece begins. */
  nodeStart: number;
  /** Offsets in the chunk text (end exclusive). */
  start: number;
  end: number;
}

/** Text handed to the detector in one call; ends on a line boundary where it can. */
export interface Chunk {
  text: string;
  pieces: Piece[];
}

export interface ReaderHooks {
  /** Subtrees never read: form fields, editable regions, scripts, our own UI. */
  skip(el: Element): boolean;
  /** An open shadow root met on the way (read as a root of its own). */
  shadowRoot(root: ShadowRoot): void;
  chunk(chunk: Chunk): void;
}

export interface ReadCounters {
  textNodes: number;
  chars: number;
}

export type ReadResult = 'done' | 'yielded' | 'lost';

const TEXT = 3;
const ELEMENT = 1;
const NEWLINE = 10;
const SPACE = 32;

const Kind = { Inline: 0, Block: 1, Row: 2, Cell: 3 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

const BLOCK_TAGS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY BR CAPTION DD DETAILS DIALOG DIR DIV DL DT FIELDSET ' +
    'FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HR HTML LEGEND LI LISTING MAIN ' +
    'MENU NAV OL P PLAINTEXT PRE SECTION SUMMARY TABLE TBODY TFOOT THEAD UL XMP'
  ).split(' '),
);
const PRE_TAGS = new Set(['PRE', 'LISTING', 'XMP', 'PLAINTEXT']);
const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);
const BLOCK_ROLES = new Set(['listitem', 'article', 'log', 'status', 'alert', 'heading', 'paragraph']);

function kindOf(el: Element): Kind {
  const tag = el.tagName;
  if (tag === 'TR') return Kind.Row;
  if (tag === 'TD' || tag === 'TH') return Kind.Cell;
  const role = el.getAttribute('role');
  if (role !== null) {
    if (role === 'row') return Kind.Row;
    if (CELL_ROLES.has(role)) return Kind.Cell;
    if (BLOCK_ROLES.has(role)) return Kind.Block;
  }
  return BLOCK_TAGS.has(tag) ? Kind.Block : Kind.Inline;
}

/** How an element bounds lines: the mutation pass rescans whole rows or blocks. */
export function lineContainerKind(el: Element): 'row' | 'block' | 'inline' {
  const kind = kindOf(el);
  return kind === Kind.Row ? 'row' : kind === Kind.Block ? 'block' : 'inline';
}

/** Elements whose `white-space` keeps newlines, asked once per element (style is cached by the browser). */
const preserving = new WeakMap<Element, boolean>();
function preservesNewlines(el: Element | null): boolean {
  if (!el) return false;
  let known = preserving.get(el);
  if (known === undefined) {
    const ws = getComputedStyle(el).whiteSpace;
    known = ws.startsWith('pre') || ws === 'break-spaces';
    preserving.set(el, known);
  }
  return known;
}

export function isInsidePreformatted(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) if (PRE_TAGS.has(el.tagName)) return true;
  return false;
}

/** The header row's text of the table or grid a row belongs to, cached per table. */
const headers = new WeakMap<Element, { row: Element | null; text: string }>();
export function headerContext(row: Element): string {
  const table = row.tagName === 'TR' ? row.closest('table') : row.closest('[role="grid"],[role="table"],[role="treegrid"]');
  if (!table) return '';
  let entry = headers.get(table);
  if (!entry) {
    const headerRow = findHeaderRow(table);
    const text = headerRow ? (headerRow.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, LIMITS.headerContextChars) : '';
    entry = { row: headerRow, text };
    headers.set(table, entry);
  }
  return entry.row === row || row.parentElement?.tagName === 'THEAD' ? '' : entry.text;
}

function findHeaderRow(table: Element): Element | null {
  if (table instanceof HTMLTableElement) {
    if (table.tHead?.rows[0]) return table.tHead.rows[0];
    const first = table.rows[0];
    return first && first.cells.length > 0 && [...first.cells].every((c) => c.tagName === 'TH') ? first : null;
  }
  const header = table.querySelector('[role="columnheader"]');
  return header?.closest('[role="row"]') ?? null;
}

const NON_SPACE = /\S/;
const SOFT_BREAKS = /[\n\r\t\f\v]/g;

export class LineReader {
  private node: Node | null;
  private textAt = 0;
  private rowDepth = 0;
  private preDepth: number;
  private rowEl: Element | null = null;
  /** A skipped element is entered and exited at once; its exit adds no boundary twice. */
  private skipped: Element | null = null;
  private parts: string[] = [];
  private pieces: Piece[] = [];
  private length = 0;
  private last = NEWLINE;
  private started = false;

  constructor(
    private readonly root: Node,
    private readonly hooks: ReaderHooks,
    private readonly counters: ReadCounters,
    private readonly chunkChars = LIMITS.chunkChars,
  ) {
    this.node = root;
    this.preDepth = isInsidePreformatted(root) ? 1 : 0;
  }

  read(shouldYield: () => boolean): ReadResult {
    // The page may have moved on while we yielded: a detached position cannot be resumed.
    if (this.started && this.node && !this.node.isConnected) return 'lost';
    this.started = true;
    let visited = 0;
    while (this.node) {
      if ((++visited & 31) === 0 && shouldYield()) return 'yielded';
      const node = this.node;
      if (node.nodeType === TEXT) {
        if (!this.readText(node as Text, shouldYield)) return 'yielded';
        this.advance(node);
      } else if (node.nodeType === ELEMENT) {
        const el = node as Element;
        if (this.enter(el)) {
          this.node = el.firstChild;
        } else {
          this.exit(el);
          this.advance(el);
        }
      } else if (node === this.root && node.firstChild) {
        // A Document, ShadowRoot or fragment root: read its children.
        this.node = node.firstChild;
      } else {
        this.advance(node);
      }
    }
    this.flush();
    return 'done';
  }

  /** Returns whether to descend into the element's children. */
  private enter(el: Element): boolean {
    if (this.hooks.skip(el)) {
      if (kindOf(el) !== Kind.Inline) this.boundary();
      this.skipped = el;
      return false;
    }
    const shadow = el.shadowRoot;
    if (shadow) this.hooks.shadowRoot(shadow);
    const kind = kindOf(el);
    if (kind === Kind.Row) {
      if (this.rowDepth === 0) {
        this.newline();
        this.rowEl = el;
      }
      this.rowDepth++;
    } else if (kind === Kind.Cell) this.space();
    else if (kind === Kind.Block) this.boundary();
    if (PRE_TAGS.has(el.tagName)) this.preDepth++;
    return el.firstChild !== null;
  }

  private exit(el: Element): void {
    if (this.skipped === el) {
      this.skipped = null;
      return;
    }
    const kind = kindOf(el);
    if (PRE_TAGS.has(el.tagName)) this.preDepth--;
    if (kind === Kind.Row) {
      this.rowDepth--;
      if (this.rowDepth === 0 && this.rowEl) {
        const context = headerContext(this.rowEl);
        // Context that maps to no node: a finding that starts in it is dropped.
        if (context) this.append(` \u2502 ${context}`);
        this.rowEl = null;
        this.newline();
      }
    } else if (kind === Kind.Cell) this.space();
    else if (kind === Kind.Block) this.boundary();
  }

  private advance(from: Node): void {
    let n: Node = from;
    while (n !== this.root) {
      const next = n.nextSibling;
      if (next) {
        this.node = next;
        return;
      }
      const parent = n.parentNode;
      if (!parent) break;
      n = parent;
      if (n.nodeType === ELEMENT) this.exit(n as Element);
    }
    this.node = null;
  }

  /** Returns false when it stopped inside the node to yield. */
  private readText(node: Text, shouldYield: () => boolean): boolean {
    const data = node.data;
    if (this.textAt === 0) {
      this.counters.textNodes++;
      if (this.preDepth === 0 && !NON_SPACE.test(data)) {
        this.space();
        return true;
      }
    }
    const keepNewlines = this.preDepth > 0 || (data.includes('\n') && preservesNewlines(node.parentElement));
    while (this.textAt < data.length) {
      let end = data.length;
      if (end - this.textAt > this.chunkChars) {
        // A huge node (a whole log in one <pre>): cut at a line end so lines stay whole.
        end = this.textAt + this.chunkChars;
        const lineEnd = data.lastIndexOf('\n', end - 1);
        if (lineEnd > this.textAt + this.chunkChars / 2) end = lineEnd + 1;
      }
      let piece = data.slice(this.textAt, end);
      if (!keepNewlines) piece = piece.replace(SOFT_BREAKS, ' ');
      this.counters.chars += piece.length;
      this.pieces.push({ node, nodeStart: this.textAt, start: this.length, end: this.length + piece.length });
      this.append(piece);
      this.textAt = end;
      if (this.length >= this.chunkChars && this.last === NEWLINE) this.flush();
      if (this.textAt < data.length && shouldYield()) return false;
    }
    this.textAt = 0;
    return true;
  }

  private append(s: string): void {
    if (!s) return;
    this.parts.push(s);
    this.length += s.length;
    this.last = s.charCodeAt(s.length - 1);
    // One endless line (no boundary in sight): flush anyway to bound the detector's input.
    if (this.length >= 2 * this.chunkChars) this.flush();
  }

  private space(): void {
    if (this.last !== SPACE && this.last !== NEWLINE) this.append(' ');
  }

  private boundary(): void {
    if (this.rowDepth > 0) this.space();
    else this.newline();
  }

  private newline(): void {
    if (this.last !== NEWLINE) this.append('\n');
    if (this.length >= this.chunkChars) this.flush();
  }

  private flush(): void {
    if (this.pieces.length) this.hooks.chunk({ text: this.parts.join(''), pieces: this.pieces });
    this.parts = [];
    this.pieces = [];
    this.length = 0;
    this.last = NEWLINE;
  }
}

/** The DOM position of a chunk offset, or undefined when it falls in text we added (context, separators). */
export function locate(pieces: readonly Piece[], offset: number, edge: 'start' | 'end'): { node: Text; offset: number } | undefined {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid]!;
    const inside = edge === 'start' ? offset >= p.start && offset < p.end : offset > p.start && offset <= p.end;
    if (inside) return { node: p.node, offset: p.nodeStart + (offset - p.start) };
    if (offset < p.start || (edge === 'end' && offset === p.start)) hi = mid - 1;
    else lo = mid + 1;
  }
  return undefined;
}

/** The text nodes a chunk range covers (for the hover index). */
export function nodesBetween(pieces: readonly Piece[], start: number, end: number): Text[] {
  const nodes: Text[] = [];
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pieces[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (p.start >= end) break;
    if (nodes[nodes.length - 1] !== p.node) nodes.push(p.node);
  }
  return nodes;
}
