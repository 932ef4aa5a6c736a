import type { Mark } from './mark';

/**
 * Draws marks; two implementations: the CSS Custom Highlight API, or boxes in our shadow
 * root. Both batch their changes: every change to the marks makes the browser repaint, and
 * on a huge page one repaint costs tens of milliseconds, so a scan adding marks slice by
 * slice would make the page pay that on every frame.
 */
export interface MarkPainter {
  readonly name: 'highlight' | 'overlay';
  add(marks: readonly Mark[]): void;
  remove(marks: readonly Mark[]): void;
  /** The mark whose card is open, drawn stronger; undefined to clear. */
  setActive(mark: Mark | undefined): void;
  /** Draws what is pending now (end of a scan pass) instead of at the next batch. */
  flush(): void;
  destroy(): void;
}
