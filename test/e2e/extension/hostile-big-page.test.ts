/**
 * A 20 MB log page that keeps changing while it is read (lines appended, the first lines
 * rewritten): the scan must keep yielding to the page, finish (backing off past its text
 * limit, saying so), keep what it marked, and leave the page working. What must always
 * hold is asserted here; how long slices and tasks take is `npm run bench:page`'s job.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateLog } from '../../bench/generate-log';
import { serveStatic } from '../static-server';
import type { StaticServer } from '../static-server';
import { annotations, startHarness } from './harness';
import type { Harness } from './harness';
import { knowledge } from './knowledge';

let h: Harness;
let served: StaticServer;
let dir: string;

const FIRST_SCREEN_ERROR = 'Connection closed by peer: TCP Idle Session Timeout';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** 20 MB in one <pre>, a known error every ~50 KB and one on the first screen, and a script that never stops changing it. */
function mutatingLogPage(): string {
  const examples = knowledge().kb.signatures.flatMap((s) => s.examples);
  const lines = generateLog(20_000_000, examples, 21, 50_000).text.split('\n');
  lines.splice(3, 0, `2024-03-11 09:14:02 ERROR ${FIRST_SCREEN_ERROR}`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>20 MB live log</title><link rel="icon" href="data:,"></head><body>
<pre id="log">${escapeHtml(lines.join('\n'))}</pre>
<script>
  // The page's own heartbeat: it counts how often it gets the main thread.
  window.beats = 0;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { window.beats++; setTimeout(() => channel.port2.postMessage(0), 0); };
  channel.port2.postMessage(0);
  const log = document.getElementById('log');
  let n = 0;
  setInterval(() => {
    log.append('\\n2024-03-11 09:15:' + String(n % 60).padStart(2, '0') + ' INFO appended line ' + n);
    if (n % 10 === 0) log.append('\\n2024-03-11 09:15:00 ERROR ${FIRST_SCREEN_ERROR}');
    log.firstChild.data = log.firstChild.data.replace(/^\\S+/, String(n));
    n++;
  }, 50);
</script></body></html>`;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'syncfix-live-20mb-'));
  writeFileSync(join(dir, 'live-20mb.html'), mutatingLogPage());
  served = await serveStatic(dir);
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
  await served?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a 20 MB page that keeps changing is read in slices the page runs between, and the scan ends', async () => {
  const page = await h.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL('live-20mb.html', served.url).href, { timeout: 120_000 });
  const tabId = await h.tabId(page);

  // While the tab says it is scanning, the page's own heartbeat keeps beating: we yield.
  const beatsWhileScanning = new Set<number>();
  for (let i = 0; i < 400 && beatsWhileScanning.size < 4; i++) {
    const [state, beats] = await Promise.all([
      h.worker.evaluate(
        async (id) =>
          (
            await (
              globalThis as unknown as { __syncfixTest: { tabSummary(t: number): Promise<{ state: string }> } }
            ).__syncfixTest.tabSummary(id)
          ).state,
        tabId,
      ),
      page.evaluate(() => (window as unknown as { beats: number }).beats),
    ]);
    if (state === 'scanning') beatsWhileScanning.add(beats);
    else if (state !== 'scanning' && beatsWhileScanning.size) break;
    await page.waitForTimeout(25);
  }
  expect(beatsWhileScanning.size).toBeGreaterThanOrEqual(2);

  const summary = await h.settled(page, { states: ['done', 'backed-off'], timeout: 120_000 });
  expect(summary.state).toBe('backed-off');
  expect(summary.reason).toBe('too-much-text');
  expect(summary.slices).toBeGreaterThan(10);
  expect(summary.errors).toBeGreaterThan(50);
  const { marks } = await annotations(page);
  expect(marks.some((m) => m.text === FIRST_SCREEN_ERROR)).toBe(true);
  // The page goes on living: its own timer still runs and its text still changes.
  const beats = await page.evaluate(() => (window as unknown as { beats: number }).beats);
  await expect.poll(() => page.evaluate(() => (window as unknown as { beats: number }).beats)).toBeGreaterThan(beats);
  expect(errors).toEqual([]);
  await page.close();
}, 300_000);
