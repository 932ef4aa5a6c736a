/**
 * The card's life: shown beside a mark (hover, click, focus or keyboard), kept next to it
 * while the page scrolls, closed by Escape, the close button or a click elsewhere, and
 * giving focus back where it was when it had taken it.
 */
import type { Mark } from '../marks/mark';
import { isAlive, markRects } from '../marks/mark';
import type { MarkPainter } from '../marks/painter';
import { onAbort, onTrusted } from '../trusted';
import type { UiHost } from '../ui-host';
import { buildCard } from './card-view';
import type { CardModel } from './card-view';
import { isDarkAround } from './page-scheme';
import { placeCard, unionBox } from './placement';

export interface ShowOptions {
  /** Move keyboard focus into the card (keyboard reveal). */
  focus: boolean;
  /** Stays until dismissed; otherwise it follows the pointer away. */
  pinned: boolean;
}

export interface CardDeps {
  host: UiHost;
  painter: MarkPainter;
  model(mark: Mark): CardModel | undefined;
  openGuide(mark: Mark): void;
  next(): void;
}

export class CardController {
  private element: HTMLElement | undefined;
  private mark: Mark | undefined;
  private returnFocus: HTMLElement | undefined;
  private frame = 0;
  pinned = false;

  constructor(
    private readonly deps: CardDeps,
    signal: AbortSignal,
  ) {
    const follow = () => {
      if (!this.element || this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.place();
      });
    };
    onTrusted(window, 'scroll', follow, { capture: true, passive: true, signal });
    onTrusted(window, 'resize', follow, { passive: true, signal });
    onAbort(signal, () => this.hide({ restoreFocus: false }));
  }

  get current(): Mark | undefined {
    return this.mark;
  }

  get isOpen(): boolean {
    return this.element !== undefined;
  }

  /** Whether keyboard focus is inside the card. */
  get hasFocus(): boolean {
    return this.element !== undefined && this.deps.host.root.activeElement !== null;
  }

  show(mark: Mark, options: ShowOptions): boolean {
    const model = this.deps.model(mark);
    if (!model || !isAlive(mark)) return false;
    const { host } = this.deps;
    const doc = host.element.ownerDocument;
    if (options.focus && !this.hasFocus) {
      const active = deepActiveElement(doc);
      this.returnFocus = active instanceof HTMLElement && !host.owns(active) ? active : undefined;
    }
    host.attach();
    const element = buildCard(doc, model, {
      openGuide: () => this.deps.openGuide(mark),
      next: () => this.deps.next(),
      close: () => this.hide({ restoreFocus: true }),
    });
    element.classList.add(isDarkAround(mark.startNode) ? 'dark' : 'light');
    element.style.visibility = 'hidden';
    element.style.left = '0px';
    element.style.top = '0px';
    if (this.element) this.element.replaceWith(element);
    else host.root.append(element);
    this.element = element;
    this.mark = mark;
    this.pinned = options.pinned;
    if (!this.place()) {
      this.hide({ restoreFocus: false });
      return false;
    }
    element.style.visibility = 'visible';
    this.deps.painter.setActive(mark);
    if (options.focus) element.focus({ preventScroll: true });
    return true;
  }

  hide(options: { restoreFocus: boolean }): void {
    if (!this.element) return;
    const hadFocus = this.hasFocus;
    this.element.remove();
    this.element = undefined;
    this.mark = undefined;
    this.pinned = false;
    this.deps.painter.setActive(undefined);
    if (options.restoreFocus && hadFocus && this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = undefined;
  }

  /** Positions the card beside its mark; false when the mark is gone or fully out of view. */
  private place(): boolean {
    const { element, mark } = this;
    if (!element || !mark) return false;
    const target = unionBox(markRects(mark));
    const viewport = { width: document.documentElement.clientWidth || innerWidth, height: innerHeight };
    if (!target || target.bottom < 0 || target.top > viewport.height) {
      if (this.isOpen && this.mark === mark) this.hide({ restoreFocus: false });
      return false;
    }
    element.style.maxHeight = '';
    const size = element.getBoundingClientRect();
    const spot = placeCard(target, { width: size.width, height: size.height }, viewport);
    element.style.left = `${Math.round(spot.left)}px`;
    element.style.top = `${Math.round(spot.top)}px`;
    element.style.maxHeight = `${Math.floor(spot.maxHeight)}px`;
    return true;
  }
}

function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
