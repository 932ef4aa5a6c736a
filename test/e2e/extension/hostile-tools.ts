/** What the hostile-page tests share: where a mark stands, opening a card, counting guide tabs. */
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { cardButtonCenter, readCard } from './card-probe';
import type { CardSnapshot } from './card-probe';
import { hook } from './harness';
import type { Harness } from './harness';

export const HOSTILE = 'hostile/';

/** Viewport centre of the first mark of `kind` in a frame (the page's own world reads `CSS.highlights`). */
export function markCenter(target: Page | Frame, kind = 'syncfix-error'): Promise<{ x: number; y: number }> {
  return target.evaluate((name) => {
    const [r] = CSS.highlights.get(name) as unknown as Iterable<AbstractRange>;
    const range = document.createRange();
    range.setStart(r!.startContainer, r!.startOffset);
    range.setEnd(r!.endContainer, r!.endOffset);
    const b = range.getClientRects()[0]!;
    return { x: b.left + Math.min(10, b.width / 2), y: b.top + b.height / 2 };
  }, kind);
}

/** The next-error shortcut, as the browser fires it; resolves with the card it opened. */
export async function openByShortcut(h: Harness, page: Page): Promise<CardSnapshot> {
  await hook(h.worker, 'command', await h.tabId(page));
  await expect.poll(() => readCard(page)).toBeDefined();
  return (await readCard(page))!;
}

/** A real (trusted) click on a card button. */
export async function clickCardButton(page: Page, label: string): Promise<void> {
  const at = await cardButtonCenter(page, label);
  if (!at) throw new Error(`no card button "${label}"`);
  await page.mouse.click(at.x, at.y);
}

/** Guide tabs opened while `run` runs and `settleMs` after it. */
export async function guideTabsOpenedBy(h: Harness, run: () => Promise<void>, settleMs = 1_000): Promise<number> {
  const isGuide = (p: Page) => p.url().includes('/guide.html');
  const before = h.context.pages().filter(isGuide).length;
  await run();
  await new Promise((r) => setTimeout(r, settleMs));
  const opened = h.context.pages().filter(isGuide);
  for (const p of opened.slice(before)) await p.close();
  return opened.length - before;
}
