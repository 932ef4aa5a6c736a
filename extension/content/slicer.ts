/**
 * Runs work in slices of a few milliseconds and yields to the page between them, so no
 * task of ours comes near the 50 ms long-task line. Measures every slice (figures go to
 * the popup and the tests).
 */
import { LIMITS } from './limits';

export interface SliceStats {
  slices: number;
  longestSliceMs: number;
  totalMs: number;
}

export function newSliceStats(): SliceStats {
  return { slices: 0, longestSliceMs: 0, totalMs: 0 };
}

/** `shouldYield()` turns true once the slice budget is spent; `step` returns true when done. */
export type SlicedStep = (shouldYield: () => boolean) => boolean;

type Scheduler = { yield?: () => Promise<void> };

/** Yields to the event loop without the 4 ms clamp of nested timers. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

export async function runSliced(
  step: SlicedStep,
  stats: SliceStats,
  options: { budgetMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const budget = options.budgetMs ?? LIMITS.sliceBudgetMs;
  for (;;) {
    if (options.signal?.aborted) return;
    const start = performance.now();
    const done = step(() => performance.now() - start >= budget);
    const spent = performance.now() - start;
    stats.slices++;
    stats.totalMs += spent;
    if (spent > stats.longestSliceMs) stats.longestSliceMs = spent;
    if (done) return;
    await yieldToPage();
  }
}
