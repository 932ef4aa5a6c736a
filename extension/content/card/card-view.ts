/**
 * The card's DOM, built with createElement and textContent only: page text (the matched
 * line) and knowledge text alike end up as text nodes, never parsed as HTML.
 */
import type { CardArticle } from '../../../shared/kb/detect-kit';
import { CAUTION } from '../../../shared/kb/detect-kit';
import { PRODUCT_LABELS } from '../../../shared/kb/types';
import type { MarkKind } from '../marks/mark';
import { onTrusted } from '../trusted';

export interface CardModel {
  card: CardArticle;
  kind: MarkKind;
  /** The matched page text. */
  found: string;
  index: number;
  total: number;
}

export interface CardActions {
  openGuide(): void;
  next(): void;
  close(): void;
}

const FOUND_MAX = 160;

type Props = { class?: string; text?: string; attrs?: Record<string, string> };

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Props = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Only trusted (user) clicks act: a page cannot click our buttons through script. */
function onUserClick(button: HTMLElement, action: () => void): void {
  onTrusted(button, 'click', (event) => {
    event.stopPropagation();
    action();
  });
}

export function buildCard(doc: Document, model: CardModel, actions: CardActions): HTMLElement {
  const { card, kind } = model;
  const titleId = 'syncfix-card-title';
  const close = el(doc, 'button', { class: 'close', text: '\u00d7', attrs: { type: 'button', 'aria-label': 'Close' } });
  onUserClick(close, actions.close);

  const head = el(
    doc,
    'div',
    { class: 'head' },
    // Says whose card this is: it floats over a vendor's console and must not pass for its UI.
    el(doc, 'span', { class: 'brand', text: 'SyncFix' }),
    el(doc, 'span', { class: 'chip', text: PRODUCT_LABELS[card.product] }),
    el(doc, 'span', { class: `chip ${kind}`, text: kind === 'error' ? 'Known error' : 'Status' }),
    close,
  );

  const body: Node[] = [
    head,
    el(doc, 'h2', { text: card.title, attrs: { id: titleId } }),
    el(doc, 'p', { class: 'found', text: clip(model.found.replace(/\s+/g, ' ').trim(), FOUND_MAX) }),
  ];
  if (card.cause) {
    body.push(el(doc, 'h3', { text: 'Likely cause' }), el(doc, 'p', { class: 'cause', text: card.cause }));
  } else if (card.summary) {
    body.push(el(doc, 'p', { class: 'summary', text: card.summary }));
  }
  if (card.steps.length) {
    body.push(
      el(doc, 'h3', { text: card.cause ? 'First steps' : 'Steps' }),
      el(doc, 'ol', { class: 'steps' }, ...card.steps.map((step) => stepItem(doc, step))),
    );
  }
  const more = card.sources.length ? moreView(doc, card) : undefined;
  if (more) body.push(more.view);

  const open = el(doc, 'button', { class: 'primary', text: 'Open full guide', attrs: { type: 'button' } });
  onUserClick(open, actions.openGuide);
  const foot = el(doc, 'div', { class: 'foot' }, open);
  if (more) foot.append(more.toggle);
  if (model.total > 1) {
    const next = el(doc, 'button', { class: 'secondary', text: 'Next', attrs: { type: 'button' } });
    onUserClick(next, actions.next);
    foot.append(next, el(doc, 'span', { class: 'hint', text: `${model.index + 1} of ${model.total} · Esc closes` }));
  } else {
    foot.append(el(doc, 'span', { class: 'hint', text: 'Esc closes' }));
  }
  body.push(foot);

  return el(
    doc,
    'div',
    { class: 'card', attrs: { role: 'dialog', 'aria-labelledby': titleId, tabindex: '-1' } },
    ...body,
  );
}

/** A step, its caution set apart so a destructive step never reads like a harmless one. */
function stepItem(doc: Document, step: string): HTMLElement {
  const at = step.indexOf(CAUTION);
  if (at === -1) return el(doc, 'li', { text: step });
  return el(
    doc,
    'li',
    {},
    doc.createTextNode(`${step.slice(0, at)} `),
    el(doc, 'span', { class: 'caution', text: step.slice(at + 1) }),
  );
}

/** The card's "more" view: the article's sources, behind a toggle so the card stays short. */
function moreView(doc: Document, card: CardArticle): { view: HTMLElement; toggle: HTMLElement } {
  const id = 'syncfix-card-more';
  const view = el(
    doc,
    'div',
    { class: 'more', attrs: { id, hidden: '' } },
    el(doc, 'h3', { text: 'Sources' }),
    el(
      doc,
      'ol',
      { class: 'sources' },
      ...card.sources.map((src) =>
        el(
          doc,
          'li',
          {},
          doc.createTextNode(src.section ? `${src.title} (${src.section})` : src.title),
          ...(src.where ? [el(doc, 'span', { class: 'where', text: src.where })] : []),
        ),
      ),
    ),
  );
  const toggle = el(doc, 'button', {
    class: 'secondary',
    text: 'More',
    attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': id },
  });
  onUserClick(toggle, () => {
    const open = view.hidden;
    view.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Less' : 'More';
  });
  return { view, toggle };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
