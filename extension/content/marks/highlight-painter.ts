/**
 * Marks through the CSS Custom Highlight API: ranges registered with `CSS.highlights` and
 * painted by `::highlight()` rules, so the page's nodes are never split, wrapped or
 * restyled. StaticRanges: the browser need not update them on every page mutation (live
 * Ranges cost the page on each DOM change); our mutation pass replaces stale ones.
 *
 * The document's `::highlight` rules come from content.css (injected by the browser, no
 * node in the page). Document styles do not reach into shadow trees, so each open shadow
 * root that holds a mark gets the same rules as an adopted stylesheet.
 */
import markCss from './marks.css?raw';
import { coalesce } from './coalesce';
import type { Mark } from './mark';
import type { MarkPainter } from './painter';

/** Marks appear at most this often while a page is scanned (see painter.ts). */
const BATCH_MS = 300;
const BATCH_MAX_MS = 1_000;

export const HIGHLIGHT_NAMES = { error: 'syncfix-error', info: 'syncfix-info', active: 'syncfix-active' } as const;

export function highlightsSupported(): boolean {
  return typeof Highlight === 'function' && typeof StaticRange === 'function' && 'highlights' in CSS;
}

export class HighlightPainter implements MarkPainter {
  readonly name = 'highlight';
  private readonly layers: Record<keyof typeof HIGHLIGHT_NAMES, Highlight>;
  private readonly ranges = new Map<Mark, StaticRange>();
  private readonly styledRoots = new WeakSet<ShadowRoot>();
  private readonly adding = new Set<Mark>();
  private readonly removing = new Set<Mark>();
  private readonly batch = coalesce(() => this.apply(), BATCH_MS, BATCH_MAX_MS);

  constructor() {
    const active = new Highlight();
    // Above the page's own highlights and ours, so the mark whose card is open stands out.
    active.priority = 2;
    this.layers = { error: new Highlight(), info: new Highlight(), active };
    for (const [key, name] of Object.entries(HIGHLIGHT_NAMES)) {
      CSS.highlights.set(name, this.layers[key as keyof typeof HIGHLIGHT_NAMES]);
    }
  }

  add(marks: readonly Mark[]): void {
    for (const mark of marks) this.adding.add(mark);
    this.batch.schedule();
  }

  remove(marks: readonly Mark[]): void {
    for (const mark of marks) {
      if (!this.adding.delete(mark)) this.removing.add(mark);
    }
    this.batch.schedule();
  }

  flush(): void {
    this.batch.flush();
  }

  private apply(): void {
    for (const mark of this.removing) {
      const range = this.ranges.get(mark);
      if (!range) continue;
      this.layers[mark.kind].delete(range);
      this.layers.active.delete(range);
      this.ranges.delete(mark);
    }
    this.removing.clear();
    for (const mark of this.adding) {
      const range = new StaticRange({
        startContainer: mark.startNode,
        startOffset: mark.startOffset,
        endContainer: mark.endNode,
        endOffset: mark.endOffset,
      });
      this.ranges.set(mark, range);
      this.layers[mark.kind].add(range);
      this.styleShadowRoot(mark.startNode.getRootNode());
    }
    this.adding.clear();
  }

  setActive(mark: Mark | undefined): void {
    // The card may open on a mark found a moment ago and not drawn yet.
    if (mark && this.adding.has(mark)) this.batch.flush();
    this.layers.active.clear();
    const range = mark && this.ranges.get(mark);
    if (range) this.layers.active.add(range);
  }

  destroy(): void {
    this.batch.cancel();
    for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
    this.ranges.clear();
  }

  private styleShadowRoot(root: Node): void {
    if (!(root instanceof ShadowRoot) || this.styledRoots.has(root)) return;
    this.styledRoots.add(root);
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(markCss);
      // Appended, never replacing the component's own sheets.
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch {
      // A frozen or foreign adoptedStyleSheets: the mark stays findable by hover and keyboard.
    }
  }
}
