/**
 * The one element we add to a page: a plain <div> on <html> holding a CLOSED shadow root,
 * which holds the card's frame and the overlay boxes. A built-in element, because a page
 * can define (squat) any custom element name before we start and make `attachShadow` throw
 * on it; a `div` it cannot redefine. The content script's world has its own DOM prototypes
 * (Chrome's isolated world, Firefox's Xrays), so a page patching `attachShadow` or
 * `createElement` in its own world does not reach us either. `:host` rules are !important
 * and the shadow tree's !important wins over the page's, so page CSS cannot restyle the
 * host, and `attach` puts the host back on <html> whenever a page has moved it.
 */
export class UiHost {
  readonly element: HTMLElement;
  readonly root: ShadowRoot;

  constructor(
    private readonly doc: Document,
    css: string,
  ) {
    this.element = doc.createElement('div');
    this.root = this.element.attachShadow({ mode: 'closed' });
    adoptCss(this.root, css);
  }

  /** (Re)attaches the host to <html>: a page may have dropped it or moved it somewhere hidden. */
  attach(): void {
    const html = this.doc.documentElement;
    if (this.element.parentNode !== html) html.append(this.element);
  }

  owns(node: Node | null): boolean {
    return node !== null && (node === this.element || this.element.contains(node));
  }

  remove(): void {
    this.element.remove();
  }
}

export function adoptCss(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // Older engines: a <style> child, filled as text (never parsed as HTML).
    const style = root.ownerDocument.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}
