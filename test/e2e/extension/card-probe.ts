/**
 * Reads SyncFix's card, which lives in a CLOSED shadow root that page scripts (and
 * Playwright's locators) cannot enter. The DevTools protocol can: `DOM.getDocument` with
 * `pierce` lists closed shadow roots, and `Runtime.callFunctionOn` reads them.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface CardSnapshot {
  title: string;
  chips: string[];
  found: string;
  cause: string | null;
  summary: string | null;
  steps: string[];
  /** The "more" view's sources, and whether that view is showing. */
  sources: string[];
  moreOpen: boolean;
  buttons: string[];
  /** Viewport rect of the card in its frame. */
  rect: { left: number; top: number; right: number; bottom: number };
  dark: boolean;
  /** Text of the focused element inside the card, or null when focus is outside it. */
  focused: string | null;
  /** Elements inside the card other than the ones we build (proof nothing was parsed as HTML). */
  foreignElements: string[];
}

interface DomNode {
  nodeName: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

async function session(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

function findHosts(node: DomNode, out: DomNode[] = []): DomNode[] {
  if (node.nodeName === 'SYNCFIX-UI') out.push(node);
  for (const child of node.children ?? []) findHosts(child, out);
  for (const root of node.shadowRoots ?? []) findHosts(root, out);
  if (node.contentDocument) findHosts(node.contentDocument, out);
  return out;
}

const READ = `function () {
  const card = this.querySelector('.card');
  if (!card) return null;
  const text = (sel) => { const el = card.querySelector(sel); return el ? el.textContent.trim() : null; };
  const r = card.getBoundingClientRect();
  const allowed = new Set(['DIV', 'SPAN', 'BUTTON', 'H2', 'H3', 'P', 'OL', 'LI']);
  const active = this.activeElement;
  return JSON.stringify({
    title: text('h2'),
    chips: [...card.querySelectorAll('.chip')].map((c) => c.textContent.trim()),
    found: text('.found'),
    cause: text('.cause'),
    summary: text('.summary'),
    steps: [...card.querySelectorAll('.steps li')].map((li) => li.textContent.trim()),
    sources: [...card.querySelectorAll('.sources li')].map((li) => li.textContent.trim()),
    moreOpen: !!card.querySelector('.more:not([hidden])'),
    buttons: [...card.querySelectorAll('button')].map((b) => b.textContent.trim()),
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
    dark: card.classList.contains('dark'),
    focused: active && card.contains(active) ? (active.textContent.trim() || active.className) : null,
    foreignElements: [...card.querySelectorAll('*')].map((e) => e.tagName).filter((t) => !allowed.has(t)),
  });
}`;

/** The open card, in whichever frame of the page it is, or undefined. */
export async function readCard(page: Page): Promise<CardSnapshot | undefined> {
  const cdp = await session(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    for (const host of findHosts(root)) {
      const shadow = host.shadowRoots?.[0];
      if (!shadow) continue;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: READ,
        returnByValue: true,
      });
      if (typeof result.value === 'string') return JSON.parse(result.value) as CardSnapshot;
    }
    return undefined;
  } finally {
    await cdp.detach();
  }
}

/** Center of a card button, in page viewport coordinates (for a real, trusted click). */
export async function cardButtonCenter(page: Page, label: string): Promise<{ x: number; y: number } | undefined> {
  const cdp = await session(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    for (const host of findHosts(root)) {
      const shadow = host.shadowRoots?.[0];
      if (!shadow) continue;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: `function (label) {
          const b = [...this.querySelectorAll('.card button')].find((x) => x.textContent.trim() === label || x.getAttribute('aria-label') === label);
          if (!b) return null;
          const r = b.getBoundingClientRect();
          return JSON.stringify({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
        }`,
        arguments: [{ value: label }],
        returnByValue: true,
      });
      if (typeof result.value === 'string') return JSON.parse(result.value) as { x: number; y: number };
    }
    return undefined;
  } finally {
    await cdp.detach();
  }
}
