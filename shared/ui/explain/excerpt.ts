/**
 * What of a pasted text to show: every line holding a finding, with a little context, and
 * the lines in between collapsed. A 5 MB log becomes a few hundred rows, never 5 MB of DOM.
 */
import type { Finding } from '../../detect/detector';

export interface LineMark {
  /** Offsets into the line's text. */
  start: number;
  end: number;
  /** Index into the findings. */
  finding: number;
}

export interface LogLine {
  /** 1-based. */
  number: number;
  text: string;
  marks: LineMark[];
}

export type LogBlock = { kind: 'lines'; lines: LogLine[] } | { kind: 'gap'; lines: number };

export interface ExcerptOptions {
  /** Lines shown above and below each finding. */
  context?: number;
  /** A text this short is shown whole. */
  wholeUpTo?: number;
  /** Findings beyond this are counted, not shown. */
  maxShown?: number;
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Index of the line holding `offset` (binary search over line starts). */
export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function buildExcerpt(text: string, findings: readonly Finding[], options: ExcerptOptions = {}): LogBlock[] {
  const { context = 2, wholeUpTo = 80, maxShown = 300 } = options;
  const starts = lineStarts(text);
  const lineCount = starts.length;
  const marksByLine = new Map<number, LineMark[]>();
  findings.slice(0, maxShown).forEach((f, finding) => {
    // A finding never spans lines (signatures are single-line), but clip defensively.
    const line = lineOf(starts, f.start);
    const lineStart = starts[line]!;
    const lineEnd = line + 1 < lineCount ? starts[line + 1]! - 1 : text.length;
    const list = marksByLine.get(line) ?? [];
    list.push({ start: f.start - lineStart, end: Math.min(f.end, lineEnd) - lineStart, finding });
    marksByLine.set(line, list);
  });

  const wanted: [number, number][] = [];
  if (lineCount <= wholeUpTo) wanted.push([0, lineCount - 1]);
  else {
    for (const line of [...marksByLine.keys()].sort((a, b) => a - b)) {
      const from = Math.max(0, line - context);
      const to = Math.min(lineCount - 1, line + context);
      const last = wanted[wanted.length - 1];
      if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
      else wanted.push([from, to]);
    }
  }

  const blocks: LogBlock[] = [];
  let next = 0;
  for (const [from, to] of wanted) {
    if (from > next) blocks.push({ kind: 'gap', lines: from - next });
    const lines: LogLine[] = [];
    for (let l = from; l <= to; l++) {
      const end = l + 1 < lineCount ? starts[l + 1]! - 1 : text.length;
      lines.push({
        number: l + 1,
        text: text.slice(starts[l]!, end).replace(/\r$/, ''),
        marks: marksByLine.get(l) ?? [],
      });
    }
    blocks.push({ kind: 'lines', lines });
    next = to + 1;
  }
  if (next < lineCount && wanted.length) blocks.push({ kind: 'gap', lines: lineCount - next });
  return blocks;
}

export type LinePiece = { text: string; finding?: number } | { clipped: number };

/** A line cut into plain and marked pieces; very long lines keep only the parts around marks. */
export function linePieces(text: string, marks: readonly LineMark[], reach = 160, maxLength = 1200): LinePiece[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  if (text.length <= maxLength) return splitAt(text, sorted, 0, text.length);
  if (!sorted.length) return [{ text: text.slice(0, maxLength) }, { clipped: text.length - maxLength }];
  const pieces: LinePiece[] = [];
  let shownTo = 0;
  for (let i = 0; i < sorted.length;) {
    const from = Math.max(shownTo, sorted[i]!.start - reach);
    let to = Math.min(text.length, sorted[i]!.end + reach);
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.start - reach <= to) to = Math.min(text.length, sorted[j++]!.end + reach);
    if (from > shownTo) pieces.push({ clipped: from - shownTo });
    pieces.push(...splitAt(text, sorted.slice(i, j), from, to));
    shownTo = to;
    i = j;
  }
  if (shownTo < text.length) pieces.push({ clipped: text.length - shownTo });
  return pieces;
}

function splitAt(text: string, marks: readonly LineMark[], from: number, to: number): LinePiece[] {
  const pieces: LinePiece[] = [];
  let at = from;
  for (const m of marks) {
    const start = Math.max(m.start, at);
    const end = Math.min(m.end, to);
    if (end <= start) continue;
    if (start > at) pieces.push({ text: text.slice(at, start) });
    pieces.push({ text: text.slice(start, end), finding: m.finding });
    at = end;
  }
  if (at < to) pieces.push({ text: text.slice(at, to) });
  return pieces;
}

export interface ErrorGroup {
  article: string;
  /** Indexes into the findings, in order. */
  findings: number[];
}

/** Findings grouped by article, in order of first appearance. */
export function groupByArticle(findings: readonly Finding[]): ErrorGroup[] {
  const groups = new Map<string, ErrorGroup>();
  findings.forEach((f, i) => {
    const g = groups.get(f.article) ?? { article: f.article, findings: [] };
    g.findings.push(i);
    groups.set(f.article, g);
  });
  return [...groups.values()];
}
