/**
 * Anchors too short for a key (`500`, `etp.dat`), found with `String.prototype.indexOf` on a
 * stretch of characters nothing else folds to (digits, most punctuation): V8 looks for one
 * string at gigabytes a second, where an automaton pass reads every byte. Each occurrence of
 * the stretch is then checked outward against the whole anchor, with the automaton's rules.
 */
import { matchBackward, matchForward } from './anchor-match';
import type { OnHit } from './dfa';
import { SPACE, foldTable } from './fold';

/** Past this many anchors, one automaton pass over the text beats a pass for each. */
export const MAX_NEEDLES = 6;

export interface Needle {
  /** Raw text to look for, as it stands in the anchor. */
  text: string;
  /** Where it starts in the anchor. */
  at: number;
  anchor: string;
  /** The caller's number for the anchor. */
  id: number;
}

let caseless: Uint8Array | undefined;

/** ASCII characters that only match themselves: no case, and nothing else folds to them. */
function caselessChars(): Uint8Array {
  if (caseless) return caseless;
  const fold = foldTable();
  const ok = new Uint8Array(0x80);
  for (let c = 0x21; c < 0x7f; c++) ok[c] = fold[c] === c && c !== SPACE ? 1 : 0;
  for (let u = 0; u < 0x10000; u++) {
    const f = fold[u]!;
    if (f < 0x80 && u !== f) ok[f] = 0;
  }
  caseless = ok;
  return ok;
}

/**
 * The longest stretch of the anchor that text holds only as itself, or undefined. A dot is
 * one only where the anchor has no `..`: the text's `…` stands for three of them.
 */
export function needleOf(anchor: string, id: number): Needle | undefined {
  const ok = caselessChars();
  const dots = anchor.includes('..');
  let best: Needle | undefined;
  let start = -1;
  for (let i = 0; i <= anchor.length; i++) {
    const c = i < anchor.length ? anchor.charCodeAt(i) : 0;
    const good = c < 0x80 && ok[c] === 1 && !(dots && c === 0x2e);
    if (good && start < 0) start = i;
    if (!good && start >= 0) {
      if (!best || i - start > best.text.length) best = { text: anchor.slice(start, i), at: start, anchor, id };
      start = -1;
    }
  }
  return best;
}

/** Reports every occurrence of the needles' anchors in text[from, to), a pass per needle. */
export function scanNeedles(needles: readonly Needle[], text: string, onHit: OnHit, from: number, to: number): void {
  for (const { text: needle, at, anchor, id } of needles) {
    const after = at + needle.length;
    for (let i = text.indexOf(needle, from); i !== -1 && i + needle.length <= to; i = text.indexOf(needle, i + 1)) {
      const start = at > 0 ? matchBackward(text, i - 1, from, anchor, at - 1) : i;
      if (start < 0) continue;
      const end = after < anchor.length ? matchForward(text, i + needle.length, to, anchor, after) : i + needle.length;
      if (end >= 0) onHit(id, end, start);
    }
  }
}
