/** Keyboard and popup navigation between marks: scroll the next one into view, open its card with focus. */
import type { CardController } from './card/card';
import type { Mark } from './marks/mark';
import { isAlive } from './marks/mark';
import type { MarkStore } from './marks/mark-store';

export interface RevealRequest {
  article?: string;
  step: 'first' | 'last' | 'next' | 'previous';
  /** At the end, go round (one frame) or report the end (the background moves to the next frame). */
  wrap: boolean;
}

export interface RevealResult {
  shown: boolean;
  /** Position of the revealed mark among the frame's marks (of the article, if one was named). */
  index: number;
  total: number;
  /** Stepped past the last (or first) mark without wrapping. */
  end: boolean;
}

export function reveal(store: MarkStore, card: CardController, request: RevealRequest): RevealResult {
  const list = store.ordered().filter((m) => isAlive(m) && (!request.article || m.article === request.article));
  const total = list.length;
  if (!total) return { shown: false, index: -1, total, end: true };
  const at = card.current ? list.indexOf(card.current) : -1;
  let index: number;
  switch (request.step) {
    case 'first':
      index = 0;
      break;
    case 'last':
      index = total - 1;
      break;
    case 'next':
      index = at + 1;
      break;
    case 'previous':
      index = at < 0 ? total - 1 : at - 1;
      break;
  }
  if (index >= total || index < 0) {
    if (!request.wrap) return { shown: false, index: at, total, end: true };
    index = (index + total) % total;
  }
  const mark = list[index]!;
  scrollToMark(mark);
  const shown = card.show(mark, { focus: true, pinned: true });
  return { shown, index, total, end: false };
}

/**
 * Brings a mark into view: each scrolling ancestor (a log viewer's own pane) first, then
 * the window, centring the mark. Element.scrollIntoView on its parent is not enough: in a
 * log opened as plain text the parent is one <pre> taller than the screen. 'instant': a
 * page's `scroll-behavior: smooth` would leave the card placed mid-scroll.
 */
function scrollToMark(mark: Mark): void {
  const range = mark.startNode.ownerDocument.createRange();
  range.setStart(mark.startNode, mark.startOffset);
  range.setEnd(mark.endNode, mark.endOffset);
  let rect = range.getBoundingClientRect();
  for (let el: Element | null = mark.startNode.parentElement; el; el = el.parentElement ?? hostOf(el)) {
    if (el.scrollHeight <= el.clientHeight + 1 || !/(auto|scroll|overlay)/.test(getComputedStyle(el).overflowY)) continue;
    const box = el.getBoundingClientRect();
    if (rect.top >= box.top && rect.bottom <= box.bottom) continue;
    el.scrollBy({ top: rect.top - box.top - (box.height - rect.height) / 2, behavior: 'instant' });
    rect = range.getBoundingClientRect();
  }
  if (rect.top < 0 || rect.bottom > innerHeight) {
    scrollBy({ top: rect.top - (innerHeight - rect.height) / 2, behavior: 'instant' });
  }
}

function hostOf(el: Element): Element | null {
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
