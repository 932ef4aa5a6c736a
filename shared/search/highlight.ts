import { wordMatches, wordSpans } from './text';
import type { WordSpan } from './text';

/** [start, end) offsets into a displayed string. */
export type Range = [number, number];

/** Does a word of a displayed text answer one of the query's tokens? */
export type WordTest<S extends WordSpan = WordSpan> = (span: S) => boolean;

/** `wordMatches` against every token, remembered per word: a page of results repeats its words. */
export function tokenMatcher(tokens: readonly string[]): WordTest {
  const memo = new Map<string, boolean>();
  return ({ word }) => {
    let matches = memo.get(word);
    if (matches === undefined) {
      matches = tokens.some((t) => wordMatches(word, t));
      memo.set(word, matches);
    }
    return matches;
  };
}

/** The ranges of the words `matches` accepts, from the text's `wordSpans`. */
export function markSpans<S extends WordSpan>(spans: readonly S[], matches: WordTest<S>): Range[] {
  const ranges: Range[] = [];
  for (const span of spans) {
    if (matches(span)) ranges.push([span.start, span.end]);
  }
  return ranges;
}

export function highlightRanges(text: string, tokens: readonly string[]): Range[] {
  return tokens.length ? markSpans(wordSpans(text), tokenMatcher(tokens)) : [];
}

const SNIPPET_LENGTH = 180;

/** The field that answers the most query words, cut around its first match. */
export function makeSnippet(fields: readonly string[], tokens: readonly string[]): { text: string; ranges: Range[] } {
  const matches = tokenMatcher(tokens);
  return snippetOf(
    fields,
    fields.map((f) => wordSpans(f)),
    (span) => tokens.length > 0 && matches(span),
  );
}

/** `makeSnippet` from the fields' `wordSpans`, which callers may keep (they do not depend on the query). */
export function snippetOf<S extends WordSpan>(
  fields: readonly string[],
  spans: readonly (readonly S[])[],
  matches: WordTest<S>,
): { text: string; ranges: Range[] } {
  let best = { text: '', ranges: [] as Range[] };
  for (const [i, field] of fields.entries()) {
    if (!field) continue;
    const ranges = markSpans(spans[i]!, matches);
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
