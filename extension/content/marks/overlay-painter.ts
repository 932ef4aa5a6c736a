/**
 * Fallback marks where the Highlight API is missing (or the admin prefers boxes): boxes
 * drawn in our closed shadow root over the text's client rects, `pointer-events: none`,
 * redrawn once per frame after scrolls, resizes and rescans. The page's nodes stay untouched.
 */
import { onAbort, onTrusted } from '../trusted';
import type { UiHost } from '../ui-host';
import { coalesce } from './coalesce';
import { markRects } from './mark';
import type { Mark } from './mark';
import type { MarkPainter } from './painter';

/** Boxes drawn at most (a wrapped mark has several). */
const MAX_BOXES = 4_000;

export class OverlayPainter implements MarkPainter {
  readonly name = 'overlay';
  private readonly marks = new Set<Mark>();
  private readonly layer: HTMLElement;
  private active: Mark | undefined;
  private frame = 0;
  /** New or removed marks are drawn in batches (see painter.ts); scrolls redraw every frame. */
  private readonly batch = coalesce(() => this.schedule(), 300, 1_000);

  constructor(
    private readonly host: UiHost,
    signal: AbortSignal,
  ) {
    const doc = host.element.ownerDocument;
    this.layer = doc.createElement('div');
    this.layer.className = 'overlay';
    host.root.append(this.layer);
    const redraw = () => this.schedule();
    // Capture: scrolls of inner panes (a log viewer's own scroller) move text too.
    onTrusted(window, 'scroll', redraw, { capture: true, passive: true, signal });
    onTrusted(window, 'resize', redraw, { passive: true, signal });
    onAbort(signal, () => {
      cancelAnimationFrame(this.frame);
      this.batch.cancel();
    });
  }

  add(marks: readonly Mark[]): void {
    for (const mark of marks) this.marks.add(mark);
    this.batch.schedule();
  }

  remove(marks: readonly Mark[]): void {
    for (const mark of marks) this.marks.delete(mark);
    this.batch.schedule();
  }

  flush(): void {
    this.batch.flush();
  }

  setActive(mark: Mark | undefined): void {
    this.active = mark;
    this.schedule();
  }

  destroy(): void {
    this.marks.clear();
    this.layer.replaceChildren();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    this.host.attach();
    const doc = this.layer.ownerDocument;
    const fragment = doc.createDocumentFragment();
    const dx = scrollX;
    const dy = scrollY;
    let boxes = 0;
    for (const mark of this.marks) {
      for (const rect of markRects(mark)) {
        if (++boxes > MAX_BOXES) break;
        const box = doc.createElement('div');
        box.className = `box ${mark.kind}${mark === this.active ? ' active' : ''}`;
        box.style.left = `${rect.left + dx}px`;
        box.style.top = `${rect.top + dy}px`;
        box.style.width = `${rect.width}px`;
        box.style.height = `${rect.height}px`;
        fragment.append(box);
      }
    }
    this.layer.replaceChildren(fragment);
  }
}
