import { wordMatches, wordSpans } from './text';

/** [start, end) offsets into a displayed string. */
export type Range = [number, number];

export function highlightRanges(text: string, tokens: readonly string[]): Range[] {
  if (!tokens.length) return [];
  const ranges: Range[] = [];
  for (const span of wordSpans(text)) {
    if (tokens.some((t) => wordMatches(span.word, t))) ranges.push([span.start, span.end]);
  }
  return ranges;
}

const SNIPPET_LENGTH = 180;

/** The field that answers the most query words, cut around its first match. */
export function makeSnippet(fields: readonly string[], tokens: readonly string[]): { text: string; ranges: Range[] } {
  let best = { text: '', ranges: [] as Range[] };
  for (const field of fields) {
    if (!field) continue;
    const ranges = highlightRanges(field, tokens);
    if (!best.text || ranges.length > best.ranges.length) best = { text: field, ranges };
  }
  if (best.text.length <= SNIPPET_LENGTH) return best;
  const first = best.ranges[0]?.[0] ?? 0;
  const from = first > SNIPPET_LENGTH - 40 ? best.text.lastIndexOf(' ', first - 30) + 1 : 0;
  const to = Math.min(best.text.length, from + SNIPPET_LENGTH);
  const cut = best.text.slice(from, to);
  const prefix = from > 0 ? '… ' : '';
  const suffix = to < best.text.length ? ' …' : '';
  const shift = prefix.length - from;
  return {
    text: prefix + cut + suffix,
    ranges: best.ranges.filter(([s, e]) => s >= from && e <= to).map(([s, e]): Range => [s + shift, e + shift]),
  };
}
