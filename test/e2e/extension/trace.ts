/**
 * Long tasks measured the way Chrome's profiler sees them: a DevTools trace of the page's
 * renderer, every main-thread task with its wall time (`dur`) and its CPU time (`tdur`),
 * and which of them ran the content script. CPU time is what our slicing controls; wall
 * time also counts the OS giving the core to someone else (the test machine has two,
 * shared), so both are reported and the limit is asserted on CPU time.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface Task {
  /** Start (trace clock, ms), wall and CPU time (ms). */
  start: number;
  wall: number;
  cpu: number;
  ours: boolean;
  /** Names of the events inside the task (what it did). */
  inside: string[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline'];

export async function traceTasks(page: Page, run: () => Promise<void>, scriptUrlPart: string): Promise<Task[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  try {
    await run();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      events.some((x) => x.pid === e.pid && x.args?.data?.url?.includes(scriptUrlPart)),
  );
  if (!main) return [];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const calls = onMain.filter((e) => e.args?.data?.url?.includes(scriptUrlPart));
  return onMain
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask')
    .map((task) => {
      const end = task.ts + (task.dur ?? 0);
      const within = (e: TraceEvent) => e !== task && e.ts >= task.ts && e.ts <= end;
      return {
        start: task.ts / 1000,
        wall: (task.dur ?? 0) / 1000,
        cpu: (task.tdur ?? task.dur ?? 0) / 1000,
        ours: calls.some(within),
        inside: [...new Set(onMain.filter(within).map((e) => e.name))],
      };
    });
}
