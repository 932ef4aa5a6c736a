/**
 * One folded anchor against raw text, outward from a known point, with the automaton's rules:
 * characters fold (`foldTable`), a run of white space is one space, `…` is `...` and counts
 * only whole. The key filter uses it to check the anchor around a key it found.
 */
import { ELLIPSIS, SPACE, foldTable } from './fold';

const DOT = 0x2e;

/**
 * Matches anchor[j..] against the text from offset i, not reading at or past `to`.
 * Returns the offset just past the match, or -1.
 */
export function matchForward(text: string, i: number, to: number, anchor: string, j: number): number {
  const fold = foldTable();
  while (j < anchor.length) {
    if (i >= to) return -1;
    const a = anchor.charCodeAt(j);
    const c = text.charCodeAt(i);
    if (c === ELLIPSIS) {
      // The anchor must go on with all three dots: it may not end inside the character.
      if (a !== DOT || anchor.charCodeAt(j + 1) !== DOT || anchor.charCodeAt(j + 2) !== DOT) return -1;
      j += 3;
      i++;
      continue;
    }
    const f = fold[c]!;
    if (f !== a) return -1;
    i++;
    j++;
    if (f === SPACE) while (i < to && fold[text.charCodeAt(i)] === SPACE) i++;
  }
  return i;
}

/**
 * Matches anchor[0..j] (inclusive, read backwards) against the text ending at offset i
 * (inclusive), not reading before `from`. Returns the offset where the match starts, or -1.
 */
export function matchBackward(text: string, i: number, from: number, anchor: string, j: number): number {
  const fold = foldTable();
  while (j >= 0) {
    if (i < from) return -1;
    const a = anchor.charCodeAt(j);
    const c = text.charCodeAt(i);
    if (c === ELLIPSIS) {
      // Its three dots, or fewer when the anchor starts among them.
      let dots = 0;
      while (dots < 3 && j - dots >= 0 && anchor.charCodeAt(j - dots) === DOT) dots++;
      if (dots === 0 || (dots < 3 && j - dots >= 0)) return -1;
      j -= dots;
      i--;
      continue;
    }
    const f = fold[c]!;
    if (f !== a) return -1;
    i--;
    j--;
    if (f === SPACE) while (i >= from && fold[text.charCodeAt(i)] === SPACE) i--;
  }
  return i + 1;
}
