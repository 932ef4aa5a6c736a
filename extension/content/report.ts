/** Tells the background what this frame holds, at most every 250 ms (a log tail adds lines in bursts). */
import type { FrameReport } from '../common/frame-report';

const MIN_INTERVAL_MS = 250;

export class Reporter {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSent = -Infinity;

  constructor(
    private readonly build: () => FrameReport,
    private readonly send: (report: FrameReport) => Promise<unknown>,
  ) {}

  schedule(): void {
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.lastSent + MIN_INTERVAL_MS - performance.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): FrameReport {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.lastSent = performance.now();
    const report = this.build();
    // The background may be waking up or the extension reloading: the next report catches up.
    this.send(report).catch(() => undefined);
    return report;
  }
}
