/**
 * Signature patterns: literal text with `{placeholder}` holes for the parts that vary between
 * real log lines. The automaton finds the longest literal piece (the anchor); a RegExp made
 * from the whole pattern confirms each anchor it finds.
 */
import { foldString, isWordCode } from './fold';
import { PLACEHOLDERS, PLACEHOLDER_PATTERN } from './placeholders';
import type { PlaceholderName } from './placeholders';

export type PatternPart = { literal: string } | { hole: PlaceholderName };

export interface CompiledPattern {
  parts: PatternPart[];
  /** Folded literal piece the automaton searches for. */
  anchor: string;
  /** The whole pattern with exact (Unicode) word boundaries; flags `giu`. */
  source: string;
  /**
   * The pattern without its start boundary and with a Latin-only end boundary: it matches
   * wherever `source` does, and more. RegExps with Unicode property classes take ~10× longer
   * to compile, so the detector confirms with this one and checks boundaries itself.
   */
  quickSource: string;
  /** Must the match start (end) at a word boundary? */
  startsWord: boolean;
  endsWord: boolean;
  /** Upper bound of a match's length, in source characters (white space may stretch). */
  maxLength: number;
}

export class PatternError extends Error {}

export function parsePattern(text: string): PatternPart[] {
  const parts: PatternPart[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER_PATTERN)) {
    if (m.index > last) parts.push({ literal: text.slice(last, m.index) });
    parts.push({ hole: m[1] as PlaceholderName });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ literal: text.slice(last) });
  const stray = text.replace(PLACEHOLDER_PATTERN, '').match(/\{[a-z]+\}/);
  if (stray) throw new PatternError(`unknown placeholder ${stray[0]}`);
  return parts;
}

// One pass over a literal: runs of white space, dots, quotes, dashes and RegExp syntax.
const LITERAL_SPECIAL = /\s+|\.\.\.|…|['‘’]|["“”]|[-–—]|[\\^$.*+?()[\]{}|/]/g;

/** A literal as RegExp source that matches what the folding normaliser treats as equal. */
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
const WORD_BEFORE = String.raw`(?<![\p{L}\p{N}_])`;
const WORD_AFTER = String.raw`(?![\p{L}\p{N}_])`;
const LATIN_AFTER = String.raw`(?![0-9A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f])`;

export function compilePattern(text: string): CompiledPattern {
  const trimmed = text.trim();
  if (!trimmed) throw new PatternError('empty pattern');
  const parts = parsePattern(trimmed);
  let anchor = '';
  let body = '';
  let maxLength = 0;
  for (const part of parts) {
    if ('hole' in part) {
      body += `(?:${PLACEHOLDERS[part.hole].source})`;
      maxLength += PLACEHOLDERS[part.hole].maxLength;
      continue;
    }
    const folded = foldString(part.literal).trim();
    if (folded.length > anchor.length) anchor = folded;
    body += escapeLiteral(part.literal);
    // White space can be any run in the text: allow for generous stretching.
    maxLength += part.literal.length * 4;
  }
  if (anchor.length < 2) {
    throw new PatternError('needs a literal part of at least 2 characters besides placeholders');
  }
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const startsWord = 'hole' in first || isWordCode(first.literal.charCodeAt(0));
  const endsWord = 'hole' in last || isWordCode(last.literal.charCodeAt(last.literal.length - 1));
  return {
    parts,
    anchor,
    source: (startsWord ? WORD_BEFORE : '') + body + (endsWord ? WORD_AFTER : ''),
    quickSource: body + (endsWord ? LATIN_AFTER : ''),
    startsWord,
    endsWord,
    maxLength,
  };
}
