/**
 * The one normaliser shared by the content build and every runtime: case, quotes, dashes
 * and white space are folded character by character, so a folded offset is always the
 * offset of one source character (no string is rebuilt on the hot path).
 */

export const SPACE = 0x20;
export const ELLIPSIS = 0x2026;

const SPACES = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];
const SINGLE_QUOTES = [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0xb4, 0x60];
const DOUBLE_QUOTES = [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xab, 0xbb];
const DASHES = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212];

let table: Uint16Array | undefined;

/** Folded code unit for every UTF-16 code unit (built once, 128 KiB). */
export function foldTable(): Uint16Array {
  if (table) return table;
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 0x20;
  // Latin-1 and Latin Extended-A capitals: toLowerCase is exact and one unit long there.
  for (let c = 0xc0; c < 0x180; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    if (lower.length === 1) t[c] = lower.charCodeAt(0);
  }
  for (const c of SPACES) t[c] = SPACE;
  for (const c of SINGLE_QUOTES) t[c] = 0x27;
  for (const c of DOUBLE_QUOTES) t[c] = 0x22;
  for (const c of DASHES) t[c] = 0x2d;
  table = t;
  return t;
}

/**
 * Folds a whole string the way the matcher sees text: folded characters, runs of white
 * space as one space, `…` as `...`, trimmed. Used at build time for patterns and terms.
 */
export function foldString(s: string): string {
  const t = foldTable();
  let out = '';
  let lastSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === ELLIPSIS) {
      out += '...';
      lastSpace = false;
      continue;
    }
    const f = t[c]!;
    if (f === SPACE) {
      if (!lastSpace) out += ' ';
      lastSpace = true;
      continue;
    }
    out += String.fromCharCode(f);
    lastSpace = false;
  }
  return out.trimEnd();
}

export function isWordCode(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    c === 0x5f ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  );
}
