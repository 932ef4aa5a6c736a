/**
 * Runs `work` once after a burst of calls: `wait` ms after the last one, and at most
 * `maxWait` ms after the first, so a long scan still shows progress.
 */
export interface Coalesced {
  schedule(): void;
  /** Runs now if something is pending. */
  flush(): void;
  cancel(): void;
}

export function coalesce(work: () => void, wait: number, maxWait: number): Coalesced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = 0;
  const run = () => {
    timer = undefined;
    work();
  };
  return {
    schedule() {
      const now = performance.now();
      if (timer === undefined) first = now;
      else if (now - first >= maxWait) return;
      else clearTimeout(timer);
      timer = setTimeout(run, Math.min(wait, Math.max(0, first + maxWait - now)));
    },
    flush() {
      if (timer === undefined) return;
      clearTimeout(timer);
      run();
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
