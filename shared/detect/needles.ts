/**
 * Anchors too short for a key (`500`, `401`), found with `String.prototype.indexOf` on a
 * stretch of characters nothing else folds to (digits, most punctuation): V8 looks for one
 * string at gigabytes a second, where an automaton pass reads every byte. Each occurrence of
 * the stretch is then checked outward against the whole anchor, with the automaton's rules.
 */
import { matchBackward, matchForward } from './anchor-match';
import type { OnHit } from './dfa';
import { isCaselessKeyChar } from './key-filter';

/** Past this many anchors, one automaton pass over the text beats a pass for each. */
export const MAX_NEEDLES = 6;

export interface Needle {
  /** Raw text to look for, as it stands in the anchor. */
  text: string;
  /** Where it starts in the anchor. */
  at: number;
  anchor: string;
  /** The number the anchor is reported by, and its index among the automaton's anchors. */
  id: number;
  index: number;
}

/** The longest stretch of the anchor that text holds only as itself, or undefined. */
export function needleOf(anchor: string, id: number, index: number): Needle | undefined {
  let best: Needle | undefined;
  let start = -1;
  for (let i = 0; i <= anchor.length; i++) {
    const good = i < anchor.length && isCaselessKeyChar(anchor, i);
    if (good && start < 0) start = i;
    if (!good && start >= 0) {
      if (!best || i - start > best.text.length) best = { text: anchor.slice(start, i), at: start, anchor, id, index };
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
