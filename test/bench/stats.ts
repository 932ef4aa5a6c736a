/** Small helpers shared by the benchmarks: percentiles, timing, memory, sizes. */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { gzipSync } from 'node:zlib';

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** Milliseconds a call takes. */
export function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Median of `runs` timings: the machine is shared and noisy, so one run says little. */
export function medianTime(runs: number, fn: () => void): number {
  return median(Array.from({ length: runs }, () => time(fn)));
}

setFlagsFromString('--expose-gc');
const gcFn = runInNewContext('gc') as () => void;

/** Bytes on the JS heap plus typed-array buffers, after a full collection. */
export function liveBytes(): number {
  gcFn();
  gcFn();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export function collectGarbage(): void {
  gcFn();
}

export const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');
export const gzipBytes = (text: string) => gzipSync(text).length;

/** The precache limit the PWA's service worker uses (workbox's maximumFileSizeToCacheInBytes). */
export const MAX_SHIPPED_FILE = 2 * 1024 * 1024;

/**
 * Cuts a JSON text into files of at most `max` UTF-8 bytes; joined in order they give the
 * text back. This is how a payload over the precache limit can still ship.
 */
export function splitText(text: string, max = MAX_SHIPPED_FILE): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    // ASCII-heavy JSON: start from a character count that fits, then shrink until it does.
    let end = Math.min(text.length, start + max);
    while (utf8Bytes(text.slice(start, end)) > max) end = start + Math.floor((end - start) * 0.95);
    // Never cut a surrogate pair.
    if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1]!)) end--;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

export const round = (x: number, digits = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);
