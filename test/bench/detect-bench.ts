/**
 * Detection over ~10 MB of synthetic log: the Detector at several signature counts, beside a
 * single `indexOf` (the ceiling), one combined RegExp and a per-pattern `indexOf` loop (the
 * obvious alternatives), all in the same run. The timed scans are interleaved round by round,
 * so the machine's noise falls on all of them alike.
 */
import AhoCorasick from 'modern-ahocorasick';
import { Detector } from '../../shared/detect/detector';
import type { DetectableSignature } from '../../shared/detect/detector';
import { compilePattern } from '../../shared/detect/pattern';
import { collectGarbage, liveBytes, median, medianTime, time } from './stats';

export interface MatcherFigures {
  label: string;
  signatures: number;
  /** `Detector.compile`, done at content-compile time (patterns, automaton), median of 5. */
  buildMs: number;
  /** A Detector made from the compiled data, as a page or the app does at start-up, median of 5. */
  loadMs: number;
  /** Bytes of the automaton's typed arrays. */
  automatonBytes: number;
  /** Heap and buffer growth from keeping one built Detector. */
  retainedBytes: number;
  /** Warm: median over the timed rounds, after two scans (confirming programs made, keys learnt). */
  mbPerSec: number;
  /**
   * The first scan of a fresh Detector: it learns which keys the text is full of and makes the
   * programs confirming candidates.
   */
  coldMbPerSec: number;
  findings: number;
}

export interface BaselineFigures {
  label: string;
  signatures: number;
  mbPerSec: number;
  /** Slowest and fastest needle (single indexOf only). */
  minMbPerSec?: number;
  maxMbPerSec?: number;
  /** Megabytes actually scanned (slow baselines stop after a time budget). */
  scannedMB: number;
}

/** MB = 10^6 UTF-16 code units of text: the logs are ASCII, so also 10^6 bytes. */
const mb = (chars: number) => chars / 1e6;

/** Scans 1 MB slices until the text ends or `budgetMs` is spent: for baselines that crawl. */
function budgeted(
  text: string,
  budgetMs: number,
  scan: (t: string) => void,
  slice = 1_000_000,
): { mbPerSec: number; scannedMB: number } {
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

/**
 * Needles for the single-indexOf ceiling: the literal text of real signatures, the strings
 * users actually see. Its speed swings with the needle (a long one or a rare first character
 * lets V8 skip ahead at 10 GB/s, "ETP.dat" runs at ~2 GB/s), so the median over them is the
 * reference, with the slowest and fastest kept beside it.
 */
function needles(signatures: readonly DetectableSignature[]): string[] {
  const longest = (text: string) =>
    text
      .split(/\{[a-z]+\}/)
      .map((p) => p.trim())
      .reduce((a, b) => (b.length > a.length ? b : a), '');
  return [...new Set(signatures.map((s) => longest(s.text)))].filter((n) => n.length >= 4);
}

export interface DetectionFigures {
  matchers: MatcherFigures[];
  baselines: BaselineFigures[];
}

export function benchDetection(
  text: string,
  sets: { label: string; signatures: readonly DetectableSignature[] }[],
  needleSource: readonly DetectableSignature[],
  rounds = 5,
): DetectionFigures {
  const prepared = sets.map(({ label, signatures }) => {
    const data = Detector.compile(signatures);
    collectGarbage();
    const before = liveBytes();
    const kept = new Detector(signatures, data);
    const retainedBytes = liveBytes() - before;
    const buildMs = medianTime(5, () => Detector.compile(signatures));
    const loadMs = medianTime(5, () => new Detector(signatures, data));
    const coldMbPerSec = mb(text.length) / (time(() => kept.find(text)) / 1000);
    kept.find(text);
    return {
      label,
      signatures,
      kept,
      retainedBytes,
      buildMs,
      loadMs,
      coldMbPerSec,
      times: [] as number[],
      findings: 0,
    };
  });
  const singles = needles(needleSource).map((needle) => ({ needle, times: [] as number[] }));
  // No forced collection between rounds: a page's scans do not get one either.
  for (let round = 0; round < rounds; round++) {
    for (const p of prepared) {
      // One untimed scan first: each matcher is timed with its own tables in the cache, as
      // on a page, not with the previous matcher's.
      p.kept.find(text);
      p.times.push(time(() => (p.findings = p.kept.find(text).length)));
    }
    for (const s of singles) {
      s.times.push(
        time(() => {
          for (let i = text.indexOf(s.needle); i !== -1; i = text.indexOf(s.needle, i + s.needle.length));
        }),
      );
    }
  }
  const rate = (times: number[]) => mb(text.length) / (median(times) / 1000);
  const rates = singles.map((s) => rate(s.times));
  const baselines: BaselineFigures[] = [
    {
      label: 'single indexOf',
      signatures: 1,
      mbPerSec: median(rates),
      minMbPerSec: Math.min(...rates),
      maxMbPerSec: Math.max(...rates),
      scannedMB: mb(text.length),
    },
  ];
  const largest = sets.reduce((a, b) => (b.signatures.length > a.signatures.length ? b : a)).signatures;
  for (const n of [...new Set([100, largest.length])]) baselines.push(combinedRegExp(text, largest.slice(0, n)));
  baselines.push(libraryAutomaton(text, largest));
  baselines.push(indexOfLoop(text, largest));
  return {
    matchers: prepared.map((p) => ({
      label: p.label,
      signatures: p.signatures.length,
      buildMs: p.buildMs,
      loadMs: p.loadMs,
      automatonBytes: p.kept.byteSize,
      retainedBytes: p.retainedBytes,
      mbPerSec: rate(p.times),
      coldMbPerSec: p.coldMbPerSec,
      findings: p.findings,
    })),
    baselines,
  };
}

/** One RegExp alternating every signature's literal anchor, case-insensitive. */
function combinedRegExp(text: string, signatures: readonly DetectableSignature[]): BaselineFigures {
  const anchors = [...new Set(signatures.map((s) => compilePattern(s.text).anchor))];
  const regex = new RegExp(anchors.map(escape).join('|'), 'gi');
  const run = budgeted(text, 15_000, (t) => {
    regex.lastIndex = 0;
    while (regex.exec(t));
  });
  return { label: 'combined RegExp', signatures: signatures.length, ...run };
}

/**
 * The best npm library for the job, modern-ahocorasick (dev-only reference): its automaton
 * over the same anchors, matching raw text exactly (it folds nothing, so it does less work).
 * Fed 4 KB at a time: on longer slices of this log its search grows worse than linearly
 * (see the README), and a content script reads pages in small slices anyway.
 */
function libraryAutomaton(text: string, signatures: readonly DetectableSignature[]): BaselineFigures {
  const matcher = new AhoCorasick([...new Set(signatures.map((s) => compilePattern(s.text).anchor))]);
  const run = budgeted(text, 15_000, (t) => void matcher.search(t), 4_096);
  return { label: 'modern-ahocorasick', signatures: signatures.length, ...run };
}

/** `indexOf` once per signature anchor on lower-cased text: the naive loop the issue starts from. */
function indexOfLoop(text: string, signatures: readonly DetectableSignature[]): BaselineFigures {
  const anchors = [...new Set(signatures.map((s) => compilePattern(s.text).anchor))];
  const run = budgeted(text, 10_000, (t) => {
    const lower = t.toLowerCase();
    for (const a of anchors) for (let i = lower.indexOf(a); i !== -1; i = lower.indexOf(a, i + 1));
  });
  return { label: 'indexOf per signature', signatures: signatures.length, ...run };
}
