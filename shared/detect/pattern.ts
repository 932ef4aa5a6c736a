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
  /** Upper bound of a match's length, in source characters (white space may stretch). */
  maxLength: number;
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

function escapeLiteral(literal: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < literal.length; i++) {
    const ch = literal[i]!;
    if (/\s/.test(ch)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      out += String.raw`\s+`;
      pendingSpace = false;
    }
    if (ch === '.' && literal.startsWith('...', i)) {
      out += String.raw`(?:\.\.\.|…)`;
      i += 2;
    } else if (ch === '…') out += String.raw`(?:\.\.\.|…)`;
    else if (ch === "'" || ch === '‘' || ch === '’') out += "['‘’`´]";
    else if (ch === '"' || ch === '“' || ch === '”') out += '["“”«»]';
    else if (ch === '-' || ch === '–' || ch === '—') out += '[-‐‑‒–—―−]';
    else out += ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  }
  if (pendingSpace) out += String.raw`\s+`;
  return out;
}

export function compilePattern(text: string): CompiledPattern {
  const trimmed = text.trim();
  if (!trimmed) throw new PatternError('empty pattern');
  const parts = parsePattern(trimmed);
  let anchor = '';
  let source = '';
  let maxLength = 0;
  for (const part of parts) {
    if ('hole' in part) {
      source += `(?:${PLACEHOLDERS[part.hole]})`;
      maxLength += PLACEHOLDER_MAX[part.hole];
      continue;
    }
    source += escapeLiteral(part.literal);
    // White space can be any run in the text: allow for generous stretching.
    maxLength += part.literal.length * 4;
    const folded = foldString(part.literal).trim();
    if (folded.length > anchor.length) anchor = folded;
  }
  if (anchor.length < 2) {
    throw new PatternError('needs a literal part of at least 2 characters besides placeholders');
  }
  const first = parts[0]!;
  const lastPart = parts[parts.length - 1]!;
  const startsWord = 'hole' in first || isWordCode(first.literal.charCodeAt(0));
  const endsWord = 'hole' in lastPart || isWordCode(lastPart.literal.charCodeAt(lastPart.literal.length - 1));
  // Word boundaries keep "500" out of "15001" and "Completed" out of "Uncompleted".
  if (startsWord) source = String.raw`(?<![\p{L}\p{N}_])` + source;
  if (endsWord) source += String.raw`(?![\p{L}\p{N}_])`;
  return { parts, anchor, source, maxLength };
}
