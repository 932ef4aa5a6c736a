import { describe, expect, it } from 'vitest';
import type { Finding } from '../../detect/detector';
import { scanInSlices, sliceEnd } from './scan';

/** Finds every "ERR" and records the slices it was given. */
function fakeDetector() {
  const slices: string[] = [];
  return {
    slices,
    find(text: string): Finding[] {
      slices.push(text);
      return [...text.matchAll(/ERR/g)].map((m) => ({
        start: m.index,
        end: m.index + 3,
        text: 'ERR',
        signature: 'x#0',
        article: 'x',
        confidence: 1,
      }));
    },
  };
}

describe('scanning in slices', () => {
  it('cuts at line ends, so no line is split between two slices', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i} ERR`).join('\n');
    const detector = fakeDetector();
    return scanInSlices(detector, text, { sliceSize: 128 }).then(({ findings }) => {
      expect(detector.slices.length).toBeGreaterThan(5);
      expect(detector.slices.slice(0, -1).every((s) => s.endsWith('\n'))).toBe(true);
      expect(detector.slices.join('')).toBe(text);
      expect(findings).toHaveLength(100);
      expect(findings.every((f) => text.slice(f.start, f.end) === 'ERR')).toBe(true);
    });
  });

  it('falls back to a space, then to a hard cut, on one enormous line', () => {
    expect(sliceEnd('aaaa bbbb cccc', 0, 8)).toBe(5);
    expect(sliceEnd('a'.repeat(100), 0, 10)).toBe(10);
    expect(sliceEnd('short', 0, 10)).toBe(5);
  });

  it('stops at the cap and says so', async () => {
    const text = 'ERR '.repeat(100);
    const result = await scanInSlices(fakeDetector(), text, { maxFindings: 10, sliceSize: 40 });
    expect(result).toMatchObject({ capped: true });
    expect(result.findings).toHaveLength(10);
  });

  it('stops when the text is replaced', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    const scan = scanInSlices(fakeDetector(), 'x\n'.repeat(1000), {
      sliceSize: 100,
      signal: controller.signal,
      onProgress: (done) => {
        progress.push(done);
        if (progress.length === 2) controller.abort();
      },
    });
    await expect(scan).rejects.toThrow();
    expect(progress).toHaveLength(2);
  });
});
