import { wordMatches, wordSpans } from './text';
import type { WordSpan } from './text';

/** [start, end) offsets into a displayed string. */
export type Range = [number, number];

/** Does a folded word answer one of the query's tokens? */
export type WordTest = (word: string) => boolean;

/** `wordMatches` against every token, remembered per word: a page of results repeats its words. */
export function tokenMatcher(tokens: readonly string[]): WordTest {
  const memo = new Map<string, boolean>();
  return (word) => {
    let matches = memo.get(word);
    if (matches === undefined) {
      matches = tokens.some((t) => wordMatches(word, t));
      memo.set(word, matches);
    }
    return matches;
  };
}

/** `spans`: the text's `wordSpans`, when the caller keeps them (they do not depend on the query). */
export function highlightRanges(
  text: string,
  tokens: readonly string[],
  matches = tokenMatcher(tokens),
  spans: readonly WordSpan[] = wordSpans(text),
): Range[] {
  if (!tokens.length) return [];
  const ranges: Range[] = [];
  for (const span of spans) {
    if (matches(span.word)) ranges.push([span.start, span.end]);
  }
  return ranges;
}

const SNIPPET_LENGTH = 180;

/** The field that answers the most query words, cut around its first match. */
export function makeSnippet(
  fields: readonly string[],
  tokens: readonly string[],
  matches = tokenMatcher(tokens),
  spans?: readonly (readonly WordSpan[])[],
): { text: string; ranges: Range[] } {
  let best = { text: '', ranges: [] as Range[] };
  for (const [i, field] of fields.entries()) {
    if (!field) continue;
    const ranges = highlightRanges(field, tokens, matches, spans?.[i] ?? wordSpans(field));
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
