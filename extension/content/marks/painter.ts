import type { Mark } from './mark';

/** Draws marks; two implementations: the CSS Custom Highlight API, or boxes in our shadow root. */
export interface MarkPainter {
  readonly name: 'highlight' | 'overlay';
  add(marks: readonly Mark[]): void;
  remove(marks: readonly Mark[]): void;
  /** The mark whose card is open, drawn stronger; undefined to clear. */
  setActive(mark: Mark | undefined): void;
  destroy(): void;
}
