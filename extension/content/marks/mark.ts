/** A finding on the page: where it stands and what it is. Never a node of our own in the page. */
export type MarkKind = 'error' | 'info';

export interface Mark {
  id: number;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** Every text node the finding covers (for the hover index). */
  nodes: Text[];
  article: string;
  signature: string;
  kind: MarkKind;
  /** The matched page text, shown in the card as text. */
  text: string;
}

export function liveRange(mark: Mark): Range | undefined {
  try {
    const range = mark.startNode.ownerDocument.createRange();
    range.setStart(mark.startNode, mark.startOffset);
    range.setEnd(mark.endNode, mark.endOffset);
    return range;
  } catch {
    // The text changed under us (shorter now): the next rescan replaces this mark.
    return undefined;
  }
}

export function isAlive(mark: Mark): boolean {
  return (
    mark.startNode.isConnected &&
    mark.endNode.isConnected &&
    mark.startOffset <= mark.startNode.length &&
    mark.endOffset <= mark.endNode.length
  );
}

/** Client rects of a mark (several when it wraps); empty when it is not rendered. */
export function markRects(mark: Mark): DOMRect[] {
  const range = liveRange(mark);
  if (!range) return [];
  return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
}
