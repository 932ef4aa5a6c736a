/**
 * Keyboard access to cards: Escape closes the card (and gives focus back); tabbing onto a
 * page element that holds a known error (a focusable grid cell, a link) opens its card
 * beside it without taking focus. Only trusted key events count, and focus only opens a
 * card right after the user pressed Tab, so a page calling `focus()` in script opens nothing.
 */
import type { CardController } from './card/card';
import type { Mark } from './marks/mark';
import type { MarkStore } from './marks/mark-store';
import { onTrusted } from './trusted';
import type { UiHost } from './ui-host';

const TAB_WINDOW_MS = 1000;

export interface KeyboardDeps {
  host: UiHost;
  card: CardController;
  store: MarkStore;
}

export function watchKeyboard(doc: Document, deps: KeyboardDeps, signal: AbortSignal): void {
  const { host, card, store } = deps;
  let lastTab = -Infinity;
  let openedByFocus = false;

  onTrusted(
    doc,
    'keydown',
    (event) => {
      if (event.key === 'Tab') lastTab = performance.now();
      if (event.key === 'Escape' && card.isOpen) {
        const inCard = event.target === host.element;
        card.hide({ restoreFocus: true });
        openedByFocus = false;
        // Ours alone when focus was in the card; otherwise the page may close its own things too.
        if (inCard) event.stopPropagation();
      }
    },
    { capture: true, signal },
  );

  onTrusted(
    doc,
    'focusin',
    (event) => {
      if (performance.now() - lastTab > TAB_WINDOW_MS) return;
      const target = event.target;
      if (!(target instanceof Element) || target === host.element) return;
      const mark = firstMarkIn(store, target);
      if (mark) {
        openedByFocus = card.show(mark, { focus: false, pinned: true });
      } else if (openedByFocus && card.isOpen) {
        card.hide({ restoreFocus: false });
        openedByFocus = false;
      }
    },
    { capture: true, signal },
  );
}

function firstMarkIn(store: MarkStore, el: Element): Mark | undefined {
  // Cheap first: the focused element itself holds the text (the usual case).
  for (let child = el.firstChild; child; child = child.nextSibling) {
    const marks = store.at(child);
    if (marks.length) return marks[0];
  }
  let best: Mark | undefined;
  for (const mark of store.all()) {
    if (!el.contains(mark.startNode)) continue;
    if (!best || best.startNode.compareDocumentPosition(mark.startNode) & Node.DOCUMENT_POSITION_PRECEDING) best = mark;
  }
  return best;
}
