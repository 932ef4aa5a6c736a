/**
 * Detection over ~10 MB of synthetic log: the Detector at several signature counts, beside a
 * single `indexOf` (the ceiling), one combined RegExp and a per-pattern `indexOf` loop (the
 * obvious alternatives), all in the same run.
 */
import { Detector } from '../../shared/detect/detector';
import type { DetectableSignature } from '../../shared/detect/detector';
import { compilePattern } from '../../shared/detect/pattern';
import { collectGarbage, liveBytes, median, medianTime, time } from './stats';

export interface MatcherFigures {
  label: string;
  signatures: number;
  /** Build of the whole Detector (patterns, automaton), median of runs. */
  buildMs: number;
  /** Bytes of the automaton's typed arrays. */
  automatonBytes: number;
  /** Heap and buffer growth from keeping one built Detector. */
  retainedBytes: number;
  mbPerSec: number;
  findings: number;
}

export interface BaselineFigures {
  label: string;
  signatures: number;
  mbPerSec: number;
  /** Megabytes actually scanned (slow baselines stop after a time budget). */
  scannedMB: number;
}

/** MB = 10^6 UTF-16 code units of text: the logs are ASCII, so also 10^6 bytes. */
const mb = (chars: number) => chars / 1e6;

function throughput(text: string, runs: number, scan: (t: string) => void): number {
  return mb(text.length) / (medianTime(runs, () => scan(text)) / 1000);
}

/** Scans 1 MB slices until the text ends or `budgetMs` is spent: for baselines that crawl. */
function budgeted(text: string, budgetMs: number, scan: (t: string) => void): { mbPerSec: number; scannedMB: number } {
  const slice = 1_000_000;
  let scanned = 0;
  let spent = 0;
  for (let at = 0; at < text.length && spent < budgetMs; at += slice) {
    const part = text.slice(at, at + slice);
    spent += time(() => scan(part));
    scanned += part.length;
  }
  return { mbPerSec: mb(scanned) / (spent / 1000), scannedMB: mb(scanned) };
}

const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

export function benchMatcher(label: string, signatures: readonly DetectableSignature[], text: string): MatcherFigures {
  collectGarbage();
  const before = liveBytes();
  const kept = new Detector(signatures);
  const retainedBytes = liveBytes() - before;
  const buildMs = medianTime(5, () => new Detector(signatures));
  let findings = 0;
  const mbPerSec = throughput(text, 3, (t) => (findings = kept.find(t).length));
  return {
    label,
    signatures: signatures.length,
    buildMs,
    automatonBytes: kept.byteSize,
    retainedBytes,
    mbPerSec,
    findings,
  };
}

/**
 * A single `indexOf`, per needle, median over the needles. Its speed swings with the
 * needle's first character (a rare capital lets V8 skip ahead at tens of GB/s, a common
 * letter gives ~3 GB/s), so the needles are the literal text of real signatures, the strings
 * users actually see ("Access Denied", "Connection Abort", ...).
 */
export function benchIndexOf(text: string, signatures: readonly DetectableSignature[]): BaselineFigures {
  const needles = [
    ...new Set(
      signatures.map((s) =>
        s.text
          .split(/\{[a-z]+\}/)
          .map((p) => p.trim())
          .reduce((a, b) => (b.length > a.length ? b : a), ''),
      ),
    ),
  ].filter((n) => n.length >= 4);
  const rates = needles.map((needle) =>
    throughput(text, 5, (t) => {
      for (let i = t.indexOf(needle); i !== -1; i = t.indexOf(needle, i + needle.length));
    }),
  );
  return { label: 'single indexOf', signatures: 1, mbPerSec: median(rates), scannedMB: mb(text.length) };
}

/** One RegExp alternating every signature's literal anchor, case-insensitive. */
export function benchCombinedRegExp(text: string, signatures: readonly DetectableSignature[]): BaselineFigures {
  const anchors = [...new Set(signatures.map((s) => compilePattern(s.text).anchor))];
  const regex = new RegExp(anchors.map(escape).join('|'), 'gi');
  const run = budgeted(text, 15_000, (t) => {
    regex.lastIndex = 0;
    while (regex.exec(t));
  });
  return { label: 'combined RegExp', signatures: signatures.length, ...run };
}

/** `indexOf` once per signature anchor: the naive loop the issue starts from. */
export function benchIndexOfLoop(text: string, signatures: readonly DetectableSignature[]): BaselineFigures {
  const anchors = [...new Set(signatures.map((s) => compilePattern(s.text).anchor))];
  const run = budgeted(text, 10_000, (t) => {
    const lower = t.toLowerCase();
    for (const a of anchors) for (let i = lower.indexOf(a); i !== -1; i = lower.indexOf(a, i + 1));
  });
  return { label: 'indexOf per signature', signatures: signatures.length, ...run };
}

export { median };
