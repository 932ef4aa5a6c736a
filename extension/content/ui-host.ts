/**
 * The one element we add to a page: an empty custom element on <html> holding a CLOSED
 * shadow root, so the page can neither style nor read what we draw (card, overlay boxes).
 * Styles come from a constructed stylesheet, which the page's CSP `style-src` does not govern.
 */
const TAG = 'syncfix-ui';

export class UiHost {
  readonly element: HTMLElement;
  readonly root: ShadowRoot;

  constructor(
    private readonly doc: Document,
    css: string,
  ) {
    this.element = doc.createElement(TAG);
    this.root = this.element.attachShadow({ mode: 'closed' });
    adoptCss(this.root, css);
  }

  /** (Re)attaches the host: a page that rebuilds its DOM may have dropped it. */
  attach(): void {
    if (!this.element.isConnected) this.doc.documentElement.append(this.element);
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
