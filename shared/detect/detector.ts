/**
 * Finds every known signature in arbitrary text (page text, a pasted log, a query).
 *
 * The automaton (a sampling key filter, indexOf for short anchors, and an exact automaton
 * for what is left) finds anchor candidates. A literal signature's candidate is its finding
 * once its word boundaries hold; any other is confirmed by its pattern laid over it, run by
 * the small shared interpreter in small-regex.ts (a RegExp searching a bounded window only
 * where that fails), then checked against its context rule. The cost is linear in the text,
 * mostly sublinear in practice, and grows with the findings more than with the signatures.
 */
import { matchBackward, matchForward } from './anchor-match';
import { Automaton } from './automaton';
import { ELLIPSIS, foldString, foldTable, isWordCode } from './fold';
import type { CompiledPattern } from './pattern';
import { compilePattern } from './pattern';
import { SmallRegex } from './small-regex';

export interface DetectableSignature {
  id: string;
  article: string;
  text: string;
  specificity: 'exact' | 'generic';
  context?: { line: string[] };
}

export interface Finding {
  /** Offsets into the text that was scanned (UTF-16 units, end exclusive). */
  start: number;
  end: number;
  text: string;
  signature: string;
  article: string;
  /** 0..1: how sure we are this is the known error and not a look-alike. */
  confidence: number;
}

export interface DetectOptions {
  /** Stop after this many findings (hostile pages repeat one error a million times). */
  maxFindings?: number;
}

interface Entry {
  sig: DetectableSignature;
  /**
   * Made on first use, from the pattern again: most signatures never get a candidate on a
   * given page, and keeping two RegExp sources per signature would double the memory of a
   * 5,000-signature detector.
   */
  confirm: Confirmer | undefined;
  /** The folded literal the automaton finds. */
  anchor: string;
  maxLength: number;
  contextTerms: string[];
}

/**
 * The pattern is one literal of ASCII characters a RegExp matches exactly where the anchor
 * matches folded text, as long as that text is ASCII too: an anchor found there is the match.
 */
const LITERAL = 1;
const STARTS_WORD = 2;
const ENDS_WORD = 4;
/** The signature has context terms to find on the line. */
const CONTEXT = 8;
/** The next entry has the same anchor. */
const MORE = 16;
/**
 * Candidates `settle` takes at a time: enough that their cache misses overlap, few enough
 * that the text around them (some 300 KB of log) is still in the second-level cache.
 */
const SETTLE_EVERY = 32;
/** A candidate left for `settle` that needs its pattern laid over it (not a flag of entries). */
const CONFIRM = 32;
/**
 * The automaton reports an anchor by its first entry's number and flags (`tagOf`): a literal
 * candidate, the commonest, is then decided without reading anything about its signature.
 */
const FLAG_BITS = 5;
const tagOf = (entry: number, flags: number) => (entry << FLAG_BITS) | flags;

function isAsciiLiteral({ parts }: CompiledPattern): boolean {
  const only = parts.length === 1 ? parts[0]! : undefined;
  // A backtick folds to a quote in the anchor but stays itself in the RegExp.
  return only !== undefined && 'literal' in only && /^[\t-\r\x20-\x5f\x61-\x7e]+$/.test(only.literal);
}

/** How far either side of a match a context term may stand when lines are very long. */
const CONTEXT_REACH = 400;
const DEFAULT_MAX_FINDINGS = 5000;

export class Detector {
  private readonly automaton: Automaton;
  /** Every signature's entry, those of one anchor together (several may share one). */
  private readonly entries: Entry[];
  /**
   * What a candidate needs before it becomes a finding, by entry, in arrays rather than in
   * the entries: a page's candidates come far apart, and each reads these few numbers and
   * strings where it would otherwise chase a handful of scattered objects out of cache.
   */
  private readonly flags: Uint8Array;
  private readonly ids: string[];
  private readonly articles: string[];
  private readonly confidences: Float64Array;

  constructor(signatures: readonly DetectableSignature[]) {
    const anchorIndex = new Map<string, number>();
    // Per anchor, its signatures' entries and the numbers `find` reads for them.
    const byAnchor: { entry: Entry; flags: number; confidence: number }[][] = [];
    for (const sig of signatures) {
      const compiled = compilePattern(sig.text);
      let a = anchorIndex.get(compiled.anchor);
      if (a === undefined) {
        a = byAnchor.length;
        anchorIndex.set(compiled.anchor, a);
        byAnchor.push([]);
      }
      const contextTerms = (sig.context?.line ?? []).map(foldString);
      byAnchor[a]!.push({
        entry: { sig, confirm: undefined, anchor: compiled.anchor, maxLength: compiled.maxLength, contextTerms },
        flags:
          (isAsciiLiteral(compiled) ? LITERAL : 0) |
          (compiled.startsWord ? STARTS_WORD : 0) |
          (compiled.endsWord ? ENDS_WORD : 0) |
          (contextTerms.length ? CONTEXT : 0),
        confidence: confidenceOf(sig, compiled.anchor),
      });
    }
    const all = byAnchor.flat();
    this.entries = all.map((x) => x.entry);
    for (const list of byAnchor) for (const x of list.slice(0, -1)) x.flags |= MORE;
    this.flags = Uint8Array.from(all, (x) => x.flags);
    this.ids = this.entries.map((e) => e.sig.id);
    this.articles = this.entries.map((e) => e.sig.article);
    this.confidences = Float64Array.from(all, (x) => x.confidence);
    const tags: number[] = [];
    let first = 0;
    for (const list of byAnchor) {
      tags.push(tagOf(first, this.flags[first]!));
      first += list.length;
    }
    this.automaton = Automaton.build([...anchorIndex.keys()], tags);
  }

  get size(): number {
    return this.entries.length;
  }

  get byteSize(): number {
    return this.automaton.byteSize;
  }

  find(text: string, options: DetectOptions = {}): Finding[] {
    const max = options.maxFindings ?? DEFAULT_MAX_FINDINGS;
    // Four numbers per match that holds: start, end, entry, and when it was found. The
    // findings are made at the end, from those that survive (see `findingsOf`).
    const held: number[] = [];
    // Five per candidate left for `settle`: entry, what it needs, anchor start and end, when.
    const pending: number[] = [];
    let found = 0;
    const { entries, flags } = this;
    // Candidates beyond a generous multiple of the cap cannot change the outcome.
    let candidates = max * 4;
    // Confirmed as the automaton reports them, while the text around them is still in cache.
    this.automaton.scan(text, (tag, end, reported) => {
      if (candidates-- <= 0) return;
      let e = tag >>> FLAG_BITS;
      // The key filter says where the anchor starts; for the rest, one read back serves every entry.
      let anchorStart = reported;
      if (anchorStart < 0) {
        const { anchor: folded } = entries[e]!;
        anchorStart = matchBackward(text, end - 1, 0, folded, folded.length - 1);
      }
      for (let f = tag & ((1 << FLAG_BITS) - 1); ; f = flags[++e]!) {
        const when = found++;
        if (!(f & LITERAL && anchorStart >= 0 && isAscii(text, anchorStart, end))) {
          pending.push(e, CONFIRM | (f & CONTEXT), anchorStart, end, when);
        } else if (
          // The commonest case, decided from these numbers alone: the anchor is the match.
          !((f & STARTS_WORD && isWordAt(text, anchorStart, -1)) || (f & ENDS_WORD && isWordAt(text, end, 1)))
        ) {
          if (f & CONTEXT) pending.push(e, CONTEXT, anchorStart, end, when);
          else held.push(anchorStart, end, e, when);
        }
        if (!(f & MORE)) break;
      }
      if (pending.length >= SETTLE_EVERY * 5) {
        this.settle(text, pending, held);
        pending.length = 0;
      }
    });
    this.settle(text, pending, held);
    return this.findingsOf(text, held, max);
  }

  /**
   * Decides the candidates that need their signature's pattern or context terms, onto `held`
   * if their match holds. Those are cold by now (a page reads each signature's once, if at
   * all), and reading them is a chain of dependent loads: so the first of each is read for
   * all the candidates in one loop, where their cache misses overlap, and then each decided.
   */
  private settle(text: string, pending: number[], held: number[]): void {
    const entries = this.entries;
    let warmth = 0;
    for (let i = 0; i < pending.length; i += 5) warmth += warm(entries[pending[i]!]!, text, pending[i + 2]!);
    this.warmth = warmth;
    for (let i = 0; i < pending.length; i += 5) {
      const entry = entries[pending[i]!]!;
      const needs = pending[i + 1]!;
      let start = pending[i + 2]!;
      let stop = pending[i + 3]!;
      if (needs & CONFIRM) {
        const match = confirm(entry, text, stop, start);
        if (!match) continue;
        ({ start, end: stop } = match);
      }
      if (needs & CONTEXT && !hasContext(text, start, stop, entry.contextTerms)) continue;
      held.push(start, stop, pending[i]!, pending[i + 4]!);
    }
  }

  /** Kept so the loads of `settle`'s first loop are not dropped as unused. */
  private warmth = 0;

  /**
   * The first `max` matches in text order, each but those inside another: two anchors of one
   * match give it twice, and the copy goes too. Made here rather than as matches are found,
   * where each would reach for its entry's id, article and confidence while the scan keeps
   * pushing them out of cache.
   */
  private findingsOf(text: string, held: number[], max: number): Finding[] {
    const order = Array.from({ length: held.length / 4 }, (_, i) => i * 4);
    // Of two equal matches the first found stays.
    order.sort((a, b) => held[a]! - held[b]! || held[b + 1]! - held[a + 1]! || held[a + 3]! - held[b + 3]!);
    const found: Finding[] = [];
    let coverEnd = -1;
    for (const h of order) {
      if (found.length === max) break;
      const start = held[h]!;
      const end = held[h + 1]!;
      if (end <= coverEnd) continue;
      coverEnd = end;
      const e = held[h + 2]!;
      found.push({
        start,
        end,
        text: text.slice(start, end),
        signature: this.ids[e]!,
        article: this.articles[e]!,
        confidence: this.confidences[e]!,
      });
    }
    return found;
  }
}

function confidenceOf(sig: DetectableSignature, anchor: string): number {
  if (sig.specificity === 'generic') return 0.6;
  // A long verbatim message is unmistakable; a short one less so.
  return anchor.length >= 16 ? 0.95 : 0.8;
}

interface Confirmer {
  /** The pattern matched from a known start (`quickSource`): the end of the match, or -1. */
  forward: Matcher;
  /**
   * What stands before the anchor, read backwards from its start: where the match starts,
   * or -1. Undefined when the anchor starts the pattern.
   */
  backward: Matcher | undefined;
  prefixMaxLength: number;
  /** Without the start boundary, with a Latin-only end boundary (see pattern.ts). */
  quickSource: string;
  quick: RegExp | undefined;
  source: string;
  exact: RegExp | undefined;
  startsWord: boolean;
  endsWord: boolean;
}

/** Matches at `at` within text[lo, hi), as a RegExp run on that slice would. */
interface Matcher {
  run(text: string, at: number, lo: number, hi: number): number;
  /** Reads the first of what `run` reads (see `warm`). */
  warmth(): number;
}

function confirmerOf(entry: Entry): Confirmer {
  const { quickSource, source, startsWord, endsWord, prefixSource, prefixMaxLength } = compilePattern(entry.sig.text);
  return {
    forward: forwardMatcher(quickSource),
    backward: prefixSource ? backwardMatcher(prefixSource) : undefined,
    prefixMaxLength,
    quickSource,
    quick: undefined,
    source,
    exact: undefined,
    startsWord,
    endsWord,
  };
}

function forwardMatcher(source: string): Matcher {
  const small = SmallRegex.compile(source);
  if (small) return small;
  const sticky = new RegExp(source, 'iuy');
  return {
    run(text, at, lo, hi) {
      sticky.lastIndex = at - lo;
      const m = sticky.exec(text.slice(lo, hi));
      return m ? at + m[0].length : -1;
    },
    warmth: () => 0,
  };
}

function backwardMatcher(source: string): Matcher {
  const small = SmallRegex.compile(source, true);
  if (small) return small;
  const lookbehind = new RegExp(`(?<=(${source}))`, 'iuy');
  return {
    run(text, at, lo, hi) {
      lookbehind.lastIndex = at - lo;
      const m = lookbehind.exec(text.slice(lo, hi));
      return m ? at - m[1]!.length : -1;
    },
    warmth: () => 0,
  };
}

/**
 * Reads the first of what deciding a candidate of `entry` at `at` reads: the text there,
 * the entry, its context terms, its matchers and their programs (made on its first
 * candidate: until then there is nothing to read).
 */
function warm(entry: Entry, text: string, at: number): number {
  const c = entry.confirm;
  const matchers = c ? c.forward.warmth() + (c.backward?.warmth() ?? 0) : 0;
  let terms = 0;
  for (const term of entry.contextTerms) terms += term.length;
  return text.charCodeAt(Math.max(0, at)) + terms + matchers;
}

/**
 * Finds the match of the entry's pattern that contains the anchor ending at `anchorEnd`
 * (starting at `anchorStart`, or -1 when that is not known to hold).
 */
function confirm(
  entry: Entry,
  text: string,
  anchorEnd: number,
  anchorStart: number,
): { start: number; end: number } | undefined {
  const c = (entry.confirm ??= confirmerOf(entry));
  return aligned(entry, c, text, anchorEnd, anchorStart) ?? searched(entry, c, text, anchorEnd);
}

/**
 * The usual case, in time proportional to the match: the pattern laid over this anchor
 * occurrence, its start found by reading what precedes the anchor backwards. Undefined when
 * that does not give a match with exact word boundaries (the caller then searches).
 */
function aligned(
  entry: Entry,
  c: Confirmer,
  text: string,
  anchorEnd: number,
  knownStart: number,
): { start: number; end: number } | undefined {
  const anchorStart =
    knownStart >= 0 ? knownStart : matchBackward(text, anchorEnd - 1, 0, entry.anchor, entry.anchor.length - 1);
  if (anchorStart < 0) return undefined;
  // The same bounds as `searched`, so both see the text alike; the match starts at or
  // before the anchor, so it ends within maxLength of the anchor's start.
  const lo = Math.max(0, anchorStart - c.prefixMaxLength);
  const hi = Math.min(text.length, anchorStart + entry.maxLength + 1);
  const start = c.backward ? c.backward.run(text, anchorStart, lo, hi) : anchorStart;
  if (start < 0 || (c.startsWord && isWordAt(text, start, -1))) return undefined;
  const end = c.forward.run(text, start, lo, hi);
  if (end < anchorEnd || (c.endsWord && isWordAt(text, end, 1))) return undefined;
  return { start, end };
}

/** The first match in a window around the anchor that holds it. */
function searched(
  entry: Entry,
  c: Confirmer,
  text: string,
  anchorEnd: number,
): { start: number; end: number } | undefined {
  const from = Math.max(0, anchorEnd - entry.maxLength);
  const to = Math.min(text.length, anchorEnd + entry.maxLength);
  const window = text.slice(from, to);
  // The quick RegExp accepts every match the exact one does, and more: while each match it
  // finds also has exact word boundaries, it finds what the exact one would have.
  c.quick ??= new RegExp(c.quickSource, 'giu');
  let found = containing(c.quick, window, anchorEnd - from, c);
  if (found === false) {
    c.exact ??= new RegExp(c.source, 'giu');
    found = containing(c.exact, window, anchorEnd - from);
  }
  return found ? { start: from + found.start, end: from + found.end } : undefined;
}

/**
 * The first match of `regex` in `window` holding offset `anchorEnd`; false when `boundaries`
 * is given and a match on the way lacks its exact end boundary (the caller then asks the
 * exact RegExp).
 */
function containing(
  regex: RegExp,
  window: string,
  anchorEnd: number,
  boundaries?: Confirmer,
): { start: number; end: number } | undefined | false {
  regex.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = regex.exec(window))) {
    const start = m.index;
    const end = start + m[0].length;
    if (boundaries) {
      // The start boundary depends on the start alone: where it fails, the exact RegExp
      // would go on from the next character, and so does this one.
      if (boundaries.startsWord && isWordAt(window, start, -1)) {
        regex.lastIndex = start + (isPairAt(window, start) ? 2 : 1);
        continue;
      }
      if (boundaries.endsWord && isWordAt(window, end, 1)) return false;
    }
    if (start < anchorEnd && end >= anchorEnd) return { start, end };
    if (start >= anchorEnd) return undefined;
    if (m[0].length === 0) regex.lastIndex++;
  }
  return undefined;
}

const WORD_CHAR = /^[\p{L}\p{N}_]$/u;

function isAscii(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

function isPairAt(text: string, at: number): boolean {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** Is the character just before (`side` -1) or at (`side` 1) this offset a letter, digit or _? */
function isWordAt(text: string, at: number, side: -1 | 1): boolean {
  let cp: number | undefined;
  if (side === 1) cp = text.codePointAt(at);
  else if (at > 0) {
    const low = text.charCodeAt(at - 1);
    const high = at > 1 ? text.charCodeAt(at - 2) : 0;
    cp = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.codePointAt(at - 2) : low;
  }
  if (cp === undefined) return false;
  if (cp < 0x80) return isWordCode(cp);
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

function hasContext(text: string, start: number, end: number, terms: string[]): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndRaw = text.indexOf('\n', end);
  const lineEnd = lineEndRaw === -1 ? text.length : lineEndRaw;
  const from = Math.max(lineStart, start - CONTEXT_REACH);
  const to = Math.min(lineEnd, end + CONTEXT_REACH);
  return terms.some((term) => holdsFolded(text, from, to, term));
}

/**
 * Does text[from, to), folded, hold `term` (folded)? Read in place, as the automaton reads,
 * rather than folding a copy of up to 800 characters for every finding with context terms.
 */
function holdsFolded(text: string, from: number, to: number, term: string): boolean {
  const fold = foldTable();
  const first = term.charCodeAt(0);
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((fold[c] === first || c === ELLIPSIS) && matchForward(text, i, to, term, 0) >= 0) return true;
  }
  return false;
}
