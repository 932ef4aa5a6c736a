/**
 * Hover and click on marks. Only the user's own (trusted) events count: a page that
 * dispatches synthetic mouse events at us opens nothing. The pointer is sampled once per
 * frame, and a card opens after a short dwell so sweeping across a log opens nothing.
 */
import type { CardController } from './card/card';
import type { Mark } from './marks/mark';
import { onAbort, onTrusted } from './trusted';
import type { UiHost } from './ui-host';

const DWELL_MS = 250;
const LEAVE_MS = 400;

export interface PointerDeps {
  host: UiHost;
  card: CardController;
  markAt(x: number, y: number): Mark | undefined;
}

export function watchPointer(doc: Document, deps: PointerDeps, signal: AbortSignal): void {
  const { host, card } = deps;
  let frame = 0;
  let last: MouseEvent | undefined;
  let pending: Mark | undefined;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  const cancelHide = () => {
    clearTimeout(hideTimer);
    hideTimer = undefined;
  };

  const check = () => {
    frame = 0;
    if (!last) return;
    // Events from inside our closed shadow root are retargeted to the host.
    if (last.target === host.element) {
      cancelHide();
      return;
    }
    const mark = deps.markAt(last.clientX, last.clientY);
    if (mark) {
      cancelHide();
      if (mark !== card.current && mark !== pending) {
        pending = mark;
        clearTimeout(showTimer);
        showTimer = setTimeout(() => {
          if (pending === mark) card.show(mark, { focus: false, pinned: false });
          pending = undefined;
        }, DWELL_MS);
      }
      return;
    }
    pending = undefined;
    clearTimeout(showTimer);
    if (card.isOpen && !card.pinned && hideTimer === undefined) {
      hideTimer = setTimeout(() => {
        hideTimer = undefined;
        if (!card.pinned) card.hide({ restoreFocus: false });
      }, LEAVE_MS);
    }
  };

  onTrusted(
    doc,
    'mousemove',
    (event) => {
      last = event;
      frame ||= requestAnimationFrame(check);
    },
    { capture: true, passive: true, signal },
  );

  onTrusted(
    doc,
    'click',
    (event) => {
      if (event.target === host.element) return;
      const mark = deps.markAt(event.clientX, event.clientY);
      if (mark) {
        pending = undefined;
        clearTimeout(showTimer);
        card.show(mark, { focus: false, pinned: true });
      } else if (card.isOpen) {
        // A click elsewhere dismisses the card (light dismiss, as popovers do).
        card.hide({ restoreFocus: false });
      }
    },
    { capture: true, signal },
  );

  onAbort(signal, () => {
    cancelAnimationFrame(frame);
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
  });
}
