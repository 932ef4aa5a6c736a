/**
 * Walks the known errors of a tab from the keyboard or the popup: asks the frame holding
 * the next one to scroll it into view and open its card with focus. Frames are visited in
 * order; the cursor (which frame we are in) lives in memory, losing it only restarts at the top.
 */
import browser from 'webextension-polyfill';
import { caller } from '../common/messaging';
import type { ContentHandlers } from '../content/handlers';
import type { RevealResult } from '../content/navigate';
import { framesWithMarks } from './tab-state';

export interface TabRevealRequest {
  tabId: number;
  article?: string;
  step: 'first' | 'next' | 'previous';
}

const cursors = new Map<number, number>();

const frame = (tabId: number, frameId: number) =>
  caller<ContentHandlers>((message) => browser.tabs.sendMessage(tabId, message, { frameId }));

export async function revealInTab({ tabId, article, step }: TabRevealRequest): Promise<RevealResult> {
  const frames = await framesWithMarks(tabId, article);
  const none: RevealResult = { shown: false, index: -1, total: 0, end: true };
  if (!frames.length) return none;
  const backwards = step === 'previous';
  const at = frames.indexOf(cursors.get(tabId) ?? -1);
  let i = step === 'first' || at < 0 ? 0 : at;
  for (let tried = 0; tried < frames.length; tried++) {
    const frameId = frames[i]!;
    // In the frame we are in, step on; in the next frame, start at its first (or last) mark.
    const frameStep = tried === 0 && step !== 'first' && at >= 0 ? step : backwards ? 'last' : 'first';
    const result = await frame(tabId, frameId)('reveal', {
      ...(article !== undefined && { article }),
      step: frameStep,
      wrap: frames.length === 1,
    }).catch(() => undefined);
    if (result?.shown) {
      const previous = cursors.get(tabId);
      // One card per tab: the frame we leave closes its own.
      if (previous !== undefined && previous !== frameId)
        await frame(tabId, previous)('dismiss', undefined).catch(() => undefined);
      cursors.set(tabId, frameId);
      return result;
    }
    i = (i + (backwards ? frames.length - 1 : 1)) % frames.length;
  }
  return none;
}

export function forgetCursor(tabId: number): void {
  cursors.delete(tabId);
}
