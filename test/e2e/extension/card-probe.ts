/**
 * Reads SyncFix's card, which lives in a CLOSED shadow root that page scripts (and
 * Playwright's locators) cannot enter. Every test reads the card through this file, so only
 * it follows when the card changes. In Chromium the DevTools protocol can: `DOM.getDocument`
 * with `pierce` lists closed shadow roots, and `Runtime.callFunctionOn` reads them. In
 * Firefox, WebDriver BiDi serialises closed shadow roots (`includeShadowTree: 'all'`) and
 * `script.callFunction` runs the same reader on one.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { Page as BidiPage } from 'puppeteer-core';

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
  shadowRootType?: 'user-agent' | 'open' | 'closed';
  contentDocument?: DomNode;
}

async function session(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

/** SyncFix's host: a plain element carrying a closed shadow root (the fixtures open none of their own). */
function findHosts(node: DomNode, out: DomNode[] = []): DomNode[] {
  if (node.shadowRoots?.some((root) => root.shadowRootType === 'closed')) out.push(node);
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

const BUTTON_CENTER = `function (label) {
  const b = [...this.querySelectorAll('.card button')].find((x) => x.textContent.trim() === label || x.getAttribute('aria-label') === label);
  if (!b) return null;
  const r = b.getBoundingClientRect();
  return JSON.stringify({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
}`;

/** The open card, in whichever frame of the page it is, or undefined. */
/**
 * Runs in the page (pass it to `evaluate`, in either browser): a point inside the first
 * error mark, where a user would hover or click it.
 */
export function firstMarkCenter(): { x: number; y: number } {
  const [r] = CSS.highlights.get('syncfix-error') as unknown as Iterable<AbstractRange>;
  const range = document.createRange();
  range.setStart(r!.startContainer, r!.startOffset);
  range.setEnd(r!.endContainer, r!.endOffset);
  const b = range.getClientRects()[0]!;
  return { x: b.left + 10, y: b.top + b.height / 2 };
}

/**
 * Runs `functionDeclaration` with `this` = each closed shadow root on the page (SyncFix's
 * host is the only element with one) and returns the first string it gives back.
 */
export async function callInClosedRoots(
  page: Page,
  functionDeclaration: string,
  args: unknown[] = [],
): Promise<string | undefined> {
  const cdp = await session(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    for (const host of findHosts(root)) {
      const shadow = host.shadowRoots!.find((r) => r.shadowRootType === 'closed')!;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration,
        arguments: args.map((value) => ({ value })),
        returnByValue: true,
      });
      if (typeof result.value === 'string') return result.value;
    }
    return undefined;
  } finally {
    await cdp.detach();
  }
}

export async function readCard(page: Page): Promise<CardSnapshot | undefined> {
  const json = await callInClosedRoots(page, READ);
  return json === undefined ? undefined : (JSON.parse(json) as CardSnapshot);
}

/** Center of a card button, in page viewport coordinates (for a real, trusted click). */
export async function cardButtonCenter(page: Page, label: string): Promise<{ x: number; y: number } | undefined> {
  const json = await callInClosedRoots(page, BUTTON_CENTER, [label]);
  return json === undefined ? undefined : (JSON.parse(json) as { x: number; y: number });
}

interface BidiSession {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
type BidiValue = { type: string; value?: unknown; sharedId?: string };

/** Firefox (puppeteer-core over WebDriver BiDi): the shadow root of SyncFix's host in the top frame. */
async function bidiShadowRoot(
  page: BidiPage,
): Promise<{ session: BidiSession; context: string; root: string } | undefined> {
  const session = (page.browser() as unknown as { connection: BidiSession }).connection;
  const context = (page.mainFrame() as unknown as { browsingContext: { id: string } }).browsingContext.id;
  // The host is a plain child of <html>; page script cannot see a closed root, BiDi can.
  const count = await session.send('script.evaluate', {
    expression: 'document.documentElement.children.length',
    target: { context },
    awaitPromise: false,
  });
  const children = Number((count.result as { result: BidiValue }).result.value ?? 0);
  for (let i = 0; i < children; i++) {
    const { result } = (await session.send('script.evaluate', {
      expression: `document.documentElement.children[${i}]`,
      target: { context },
      awaitPromise: false,
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    })) as { result: { result: BidiValue & { value?: { shadowRoot?: BidiValue & { value?: { mode?: string } } } } } };
    const shadow = result.result.value?.shadowRoot;
    if (shadow?.sharedId && shadow.value?.mode === 'closed') return { session, context, root: shadow.sharedId };
  }
  return undefined;
}

async function bidiCall(
  page: BidiPage,
  functionDeclaration: string,
  args: unknown[] = [],
): Promise<string | undefined> {
  const found = await bidiShadowRoot(page);
  if (!found) return undefined;
  const { result } = (await found.session.send('script.callFunction', {
    functionDeclaration,
    this: { sharedId: found.root },
    arguments: args.map((value) => ({ type: 'string', value })),
    target: { context: found.context },
    awaitPromise: false,
  })) as { result: { result: BidiValue } };
  return result.result.type === 'string' ? (result.result.value as string) : undefined;
}

/** The open card in Firefox, or undefined. */
export async function readCardInFirefox(page: BidiPage): Promise<CardSnapshot | undefined> {
  const json = await bidiCall(page, READ);
  return json ? (JSON.parse(json) as CardSnapshot) : undefined;
}

/** Center of a card button in Firefox, in page viewport coordinates. */
export async function cardButtonCenterInFirefox(
  page: BidiPage,
  label: string,
): Promise<{ x: number; y: number } | undefined> {
  const json = await bidiCall(page, BUTTON_CENTER, [label]);
  return json ? (JSON.parse(json) as { x: number; y: number }) : undefined;
}
