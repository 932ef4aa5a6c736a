/**
 * Which mark is under the pointer. Highlights are not elements, so there is no hover event
 * to listen to: the caret position at the point gives the text node, our index gives its
 * marks, and the marks' client rects confirm the hit (the caret snaps to the nearest text
 * even beyond a line's end).
 */
import type { Mark } from './marks/mark';
import { markRects } from './marks/mark';
import type { MarkStore } from './marks/mark-store';

type CaretDoc = Document & {
  caretPositionFromPoint?(x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }): { offsetNode: Node } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

const SLOP = 2;

export function markAtPoint(
  doc: Document,
  store: MarkStore,
  x: number,
  y: number,
  shadowRoots: Iterable<ShadowRoot>,
): Mark | undefined {
  if (!store.size) return undefined;
  const node = caretNode(doc as CaretDoc, x, y, shadowRoots);
  if (!node) return undefined;
  for (const mark of store.at(node)) {
    if (markRects(mark).some((r) => x >= r.left - SLOP && x <= r.right + SLOP && y >= r.top - SLOP && y <= r.bottom + SLOP)) {
      return mark;
    }
  }
  return undefined;
}

function caretNode(doc: CaretDoc, x: number, y: number, shadowRoots: Iterable<ShadowRoot>): Node | undefined {
  if (doc.caretPositionFromPoint) {
    // `shadowRoots` lets the caret land inside the open shadow trees we scanned (Chrome 128+).
    return doc.caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] })?.offsetNode ?? undefined;
  }
  return doc.caretRangeFromPoint?.(x, y)?.startContainer ?? undefined;
}
