import { describe, expect, it } from 'vitest';
import type { Finding } from '../../detect/detector';
import { buildExcerpt, groupByArticle, lineOf, lineStarts, linePieces } from './excerpt';

function finding(text: string, needle: string, article = 'a', from = 0): Finding {
  const start = text.indexOf(needle, from);
  return { start, end: start + needle.length, text: needle, signature: `${article}#0`, article, confidence: 0.9 };
}

describe('log excerpts', () => {
  it('finds the line of any offset', () => {
    const starts = lineStarts('ab\ncd\n\nef');
    expect(starts).toEqual([0, 3, 6, 7]);
    expect([0, 2, 3, 6, 7, 8].map((o) => lineOf(starts, o))).toEqual([0, 0, 1, 2, 3, 3]);
  });

  it('shows a short text whole, with marks on the right lines', () => {
    const text = 'ok\nERROR one\nok\r\nERROR two';
    const blocks = buildExcerpt(text, [finding(text, 'ERROR one'), finding(text, 'ERROR two')]);
    expect(blocks).toHaveLength(1);
    const lines = blocks[0]!.kind === 'lines' ? blocks[0]!.lines : [];
    expect(lines.map((l) => l.text)).toEqual(['ok', 'ERROR one', 'ok', 'ERROR two']);
    expect(lines[1]!.marks).toEqual([{ start: 0, end: 9, finding: 0 }]);
    expect(lines[3]!.marks).toEqual([{ start: 0, end: 9, finding: 1 }]);
  });

  it('keeps only the lines around findings in a long text, and counts what it leaves out', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => (i === 500 ? 'here is the ERROR' : `line ${i}`));
    const text = lines.join('\n');
    const blocks = buildExcerpt(text, [finding(text, 'ERROR')], { context: 2 });
    expect(blocks.map((b) => b.kind)).toEqual(['gap', 'lines', 'gap']);
    expect(blocks[0]).toEqual({ kind: 'gap', lines: 498 });
    expect(blocks[1]!.kind === 'lines' && blocks[1]!.lines.map((l) => l.number)).toEqual([499, 500, 501, 502, 503]);
    expect(blocks[2]).toEqual({ kind: 'gap', lines: 497 });
  });

  it('merges nearby findings into one block', () => {
    const lines = Array.from({ length: 300 }, (_, i) => (i === 100 || i === 103 ? 'ERROR' : `line ${i}`));
    const text = lines.join('\n');
    const first = finding(text, 'ERROR');
    const second = finding(text, 'ERROR', 'a', first.end);
    expect(buildExcerpt(text, [first, second]).filter((b) => b.kind === 'lines')).toHaveLength(1);
  });

  it('cuts a very long line down to the parts around its marks', () => {
    const line = `${'x'.repeat(5000)}ERROR${'y'.repeat(5000)}`;
    const pieces = linePieces(line, [{ start: 5000, end: 5005, finding: 0 }], 10);
    expect(pieces).toEqual([
      { clipped: 4990 },
      { text: 'x'.repeat(10) },
      { text: 'ERROR', finding: 0 },
      { text: 'y'.repeat(10) },
      { clipped: 4990 },
    ]);
  });

  it('groups findings by article in order of first appearance', () => {
    const text = 'B1 A1 B2';
    const groups = groupByArticle([finding(text, 'B1', 'b'), finding(text, 'A1', 'a'), finding(text, 'B2', 'b')]);
    expect(groups).toEqual([
      { article: 'b', findings: [0, 2] },
      { article: 'a', findings: [1] },
    ]);
  });
});
