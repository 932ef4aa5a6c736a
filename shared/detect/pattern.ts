/**
 * Signature patterns: literal text with `{placeholder}` holes for the parts that vary
 * between real log lines. The matcher finds the longest literal piece (the anchor) with
 * one automaton for all signatures, then confirms the whole pattern with a small RegExp
 * around each anchor hit: cost stays linear in the text whatever the number of signatures.
 */
import { foldString, isWordCode } from './fold';

export const PLACEHOLDERS = {
  email: String.raw`[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}`,
  guid: String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`,
  number: String.raw`\d{1,15}(?:[.,]\d{1,15}){0,4}`,
  time: String.raw`(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,7})?)?)?|\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,7})?)?)(?:\s?(?:[AP]M|Z|[+-]\d{2}:?\d{2}))?`,
  id: String.raw`[0-9A-Za-z]{4,64}`,
  any: String.raw`[^\n]{0,400}?`,
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

/** Longest text a placeholder can match: bounds the window a candidate is confirmed in. */
const PLACEHOLDER_MAX: Record<Placeholder, number> = {
  email: 400,
  guid: 36,
  number: 80,
  time: 40,
  id: 64,
  any: 400,
};

const HOLE = /\{(email|guid|number|time|id|any)\}/g;

export type PatternPart = { literal: string } | { hole: Placeholder };

export interface CompiledPattern {
  parts: PatternPart[];
  /** Folded literal piece searched by the automaton. */
  anchor: string;
  /** Confirms the whole pattern; flags `giu`. */
  source: string;
  /**
   * `source` without its start boundary, and with a Latin-only end boundary: it matches
   * wherever `source` does, and more.
   */
  quickSource: string;
  /** Must the match start (end) at a word boundary? */
  startsWord: boolean;
  endsWord: boolean;
  /** Upper bound of a match's length, in source characters (white space may stretch). */
  maxLength: number;
  /**
   * What stands before the anchor, as a RegExp to run backwards from the anchor's start
   * (a lookbehind): the parts before its literal, with greedy placeholders, so it reaches
   * the earliest start. Empty when the anchor starts the pattern.
   */
  prefixSource: string;
  /** Upper bound of the length of what `prefixSource` matches. */
  prefixMaxLength: number;
}

export class PatternError extends Error {}

export function parsePattern(text: string): PatternPart[] {
  const parts: PatternPart[] = [];
  let last = 0;
  for (const m of text.matchAll(HOLE)) {
    if (m.index > last) parts.push({ literal: text.slice(last, m.index) });
    parts.push({ hole: m[1] as Placeholder });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ literal: text.slice(last) });
  const stray = text.replace(HOLE, '').match(/\{[a-z]+\}/);
  if (stray) throw new PatternError(`unknown placeholder ${stray[0]}`);
  return parts;
}

// One pass over a literal: runs of white space, dots, quotes, dashes and RegExp syntax.
const LITERAL_SPECIAL = /\s+|\.\.\.|…|['‘’]|["“”]|[-–—]|[\\^$.*+?()[\]{}|/]/g;

function escapeLiteral(literal: string): string {
  return literal.replace(LITERAL_SPECIAL, (t) => {
    if (t === '...' || t === '…') return String.raw`(?:\.\.\.|…)`;
    if (t === "'" || t === '‘' || t === '’') return "['‘’`´]";
    if (t === '"' || t === '“' || t === '”') return '["“”«»]';
    if (t === '-' || t === '–' || t === '—') return '[-‐‑‒–—―−]';
    if (t.length === 1 && !/\s/.test(t)) return `\\${t}`;
    return String.raw`\s+`;
  });
}

/** Word boundaries, Unicode-exact: "500" stays out of "15001", "Completed" out of "Uncompleted". */
export const WORD_BEFORE = String.raw`(?<![\p{L}\p{N}_])`;
export const WORD_AFTER = String.raw`(?![\p{L}\p{N}_])`;
/**
 * The end boundary for Latin letters and digits only. Unicode property classes make a RegExp
 * ~5× slower to compile (~0.4 ms each in V8), and a leading lookbehind stops V8 from
 * skipping ahead to a literal start, so the detector confirms with `quickSource` and checks
 * word boundaries itself (see detector.ts).
 */
const LATIN_WORD = String.raw`[0-9A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]`;
const LATIN_AFTER = `(?!${LATIN_WORD})`;

export function compilePattern(text: string): CompiledPattern {
  const trimmed = text.trim();
  if (!trimmed) throw new PatternError('empty pattern');
  const parts = parsePattern(trimmed);
  let anchor = '';
  let source = '';
  let maxLength = 0;
  let prefixSource = '';
  let prefixMaxLength = 0;
  // The source of the parts so far, with greedy placeholders (see `prefixSource`).
  let greedy = '';
  for (const part of parts) {
    if ('hole' in part) {
      source += `(?:${PLACEHOLDERS[part.hole]})`;
      greedy += `(?:${PLACEHOLDERS[part.hole].replace(/\}\?$/, '}')})`;
      maxLength += PLACEHOLDER_MAX[part.hole];
      continue;
    }
    const escaped = escapeLiteral(part.literal);
    const folded = foldString(part.literal).trim();
    if (folded.length > anchor.length) {
      anchor = folded;
      const leadingSpace = /^\s+/.exec(part.literal)?.[0].length ?? 0;
      prefixSource = greedy + (leadingSpace ? String.raw`\s+` : '');
      // Only what precedes the anchor: the literal's leading white space, stretched as below.
      prefixMaxLength = maxLength + leadingSpace * 4;
    }
    // White space can be any run in the text: allow for generous stretching.
    maxLength += part.literal.length * 4;
    source += escaped;
    greedy += escaped;
  }
  if (anchor.length < 2) {
    throw new PatternError('needs a literal part of at least 2 characters besides placeholders');
  }
  const first = parts[0]!;
  const lastPart = parts[parts.length - 1]!;
  const startsWord = 'hole' in first || isWordCode(first.literal.charCodeAt(0));
  const endsWord = 'hole' in lastPart || isWordCode(lastPart.literal.charCodeAt(lastPart.literal.length - 1));
  const quickSource = source + (endsWord ? LATIN_AFTER : '');
  source = (startsWord ? WORD_BEFORE : '') + source + (endsWord ? WORD_AFTER : '');
  return { parts, anchor, source, quickSource, startsWord, endsWord, maxLength, prefixSource, prefixMaxLength };
}
