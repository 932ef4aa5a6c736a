/**
 * Detection over large pastes without freezing the page: the text is cut at line ends (every
 * signature and its context live on one line) into slices small enough to scan in well under
 * a 50 ms task, with a yield to the event loop between slices.
 */
import type { Detector, Finding } from '../../detect/detector';

export interface ScanOptions {
  signal?: AbortSignal;
  onProgress?(scanned: number, total: number): void;
  /** Characters per slice; ~128 KB scans in a few milliseconds. */
  sliceSize?: number;
  maxFindings?: number;
}

export interface ScanResult {
  findings: Finding[];
  /** More findings existed than `maxFindings`. */
  capped: boolean;
}

export const MAX_FINDINGS = 2000;

export async function scanInSlices(
  detector: Pick<Detector, 'find'>,
  text: string,
  options: ScanOptions = {},
): Promise<ScanResult> {
  const { signal, onProgress, sliceSize = 128 * 1024, maxFindings = MAX_FINDINGS } = options;
  const findings: Finding[] = [];
  let from = 0;
  while (from < text.length) {
    if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
    const to = sliceEnd(text, from, sliceSize);
    const slice = text.slice(from, to);
    for (const f of detector.find(slice, { maxFindings: maxFindings - findings.length + 1 })) {
      findings.push({ ...f, start: f.start + from, end: f.end + from });
    }
    from = to;
    onProgress?.(from, text.length);
    if (findings.length > maxFindings) return { findings: findings.slice(0, maxFindings), capped: true };
    if (from < text.length) await yieldToPage();
  }
  return { findings, capped: false };
}

/** The end of the slice starting at `from`: the last line end inside it, else the last space. */
export function sliceEnd(text: string, from: number, size: number): number {
  const hard = from + size;
  if (hard >= text.length) return text.length;
  const newline = text.lastIndexOf('\n', hard - 1);
  if (newline >= from + size / 2) return newline + 1;
  const space = text.lastIndexOf(' ', hard - 1);
  if (space >= from + size / 2) return space + 1;
  return hard;
}

function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
