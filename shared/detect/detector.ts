/**
 * Finds every known signature in arbitrary text (page text, a pasted log, a query).
 *
 * One Aho–Corasick automaton (automaton.ts) finds every signature's anchor, its longest
 * literal piece. Each anchor found is a candidate for the signatures that share it; a
 * candidate is confirmed by the signature's RegExp in a window around it, then by its
 * context rule. Of matches that nest, the longer stays. The cost is one pass over the text
 * plus a short RegExp run per candidate.
 */
import { Automaton, buildAutomaton } from './automaton';
import type { AutomatonData } from './automaton';
import { ELLIPSIS, SPACE, foldString, foldTable, isWordCode } from './fold';
import { compilePattern } from './pattern';

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

/** The automaton of a list of signatures, made at content-compile time. */
export interface DetectionData {
  /** Per signature, in order: the number of its anchor in the automaton. */
  anchorOf: number[];
  automaton: AutomatonData;
}

/** How far either side of a match a context term may stand when lines are very long. */
const CONTEXT_REACH = 400;
const DEFAULT_MAX_FINDINGS = 5000;
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;

/** What confirming a signature needs, made on its first candidate: most never get one on a page. */
interface Rule {
  /** Without boundaries that need Unicode tables: fast to compile; boundaries checked here. */
  quick: RegExp;
  /**
   * The folded anchor, when the pattern starts with it: the match then starts where the anchor
   * does, and `quick` is tried there alone (sticky) instead of searched for in a window.
   */
  leadingAnchor: string | undefined;
  /** Exact boundaries, for when the quick match's end boundary fails. */
  exact: string;
  exactRegExp?: RegExp;
  startsWord: boolean;
  endsWord: boolean;
  maxLength: number;
  /** Folded context terms; one must stand on the match's line. Empty: no context needed. */
  context: string[];
}

interface Match {
  start: number;
  end: number;
  signature: number;
}

export class Detector {
  private readonly automaton: Automaton;
  /** Per anchor, the signatures that share it, in list order. */
  private readonly byAnchor: number[][] = [];
  private readonly rules: (Rule | undefined)[];
  private readonly confidences: number[];

  /** `data` (from `Detector.compile`) skips building the automaton; without it, it is built here. */
  constructor(
    private readonly signatures: readonly DetectableSignature[],
    data?: DetectionData,
  ) {
    const compiled = data && data.anchorOf.length === signatures.length ? data : Detector.compile(signatures);
    this.automaton = Automaton.load(compiled.automaton);
    compiled.anchorOf.forEach((anchor, i) => (this.byAnchor[anchor] ??= []).push(i));
    this.rules = new Array<Rule | undefined>(signatures.length);
    this.confidences = signatures.map(confidenceOf);
  }

  /** The automaton of these signatures, as data the bundle ships. */
  static compile(signatures: readonly DetectableSignature[]): DetectionData {
    const anchors = new Map<string, number>();
    const anchorOf = signatures.map((s) => {
      const anchor = compilePattern(s.text).anchor;
      if (!anchors.has(anchor)) anchors.set(anchor, anchors.size);
      return anchors.get(anchor)!;
    });
    return { anchorOf, automaton: buildAutomaton([...anchors.keys()]) };
  }

  get size(): number {
    return this.signatures.length;
  }

  get byteSize(): number {
    return this.automaton.byteSize;
  }

  find(text: string, options: DetectOptions = {}): Finding[] {
    const max = options.maxFindings ?? DEFAULT_MAX_FINDINGS;
    const matches: Match[] = [];
    // Candidates beyond a generous multiple of the cap cannot change the outcome.
    let candidates = max * 4;
    this.automaton.scan(text, (anchor, end) => {
      for (const signature of this.byAnchor[anchor]!) {
        if (candidates-- <= 0) return;
        const match = this.confirm(signature, text, end);
        if (match) matches.push(match);
      }
    });
    return this.findingsOf(text, matches, max);
  }

  private rule(signature: number): Rule {
    let rule = this.rules[signature];
    if (!rule) {
      const sig = this.signatures[signature]!;
      const p = compilePattern(sig.text);
      const head = p.parts[0]!;
      const leadingAnchor = 'literal' in head && foldString(head.literal) === p.anchor ? p.anchor : undefined;
      rule = {
        quick: new RegExp(p.quickSource, leadingAnchor ? 'iuy' : 'giu'),
        leadingAnchor,
        exact: p.source,
        startsWord: p.startsWord,
        endsWord: p.endsWord,
        maxLength: p.maxLength,
        context: (sig.context?.line ?? []).map(foldString),
      };
      this.rules[signature] = rule;
    }
    return rule;
  }

  /** The signature's match that holds the anchor ending at `anchorEnd`, if it has one there. */
  private confirm(signature: number, text: string, anchorEnd: number): Match | undefined {
    const rule = this.rule(signature);
    const from = rule.leadingAnchor
      ? anchorStart(text, anchorEnd, rule.leadingAnchor)
      : Math.max(0, anchorEnd - rule.maxLength);
    // A short subject: V8 interprets a RegExp run on it rather than compiling it to machine
    // code at once, and most signatures run only a few times on a page.
    const span: Span = { text, from, window: text.slice(from, Math.min(text.length, from + 2 * rule.maxLength)) };
    const found = rule.leadingAnchor ? leading(rule, span, anchorEnd) : firstHolding(rule, span, anchorEnd);
    if (!found || !hasContext(text, found.start, found.end, rule.context)) return undefined;
    return { start: found.start, end: found.end, signature };
  }

  /**
   * The first `max` matches in text order, each but those inside another: two anchors of one
   * match give it twice, and the copy goes too. Of two equal matches the first listed stays.
   */
  private findingsOf(text: string, matches: Match[], max: number): Finding[] {
    matches.sort((a, b) => a.start - b.start || b.end - a.end || a.signature - b.signature);
    const found: Finding[] = [];
    let coverEnd = -1;
    for (const { start, end, signature } of matches) {
      if (found.length === max) break;
      if (end <= coverEnd) continue;
      coverEnd = end;
      const sig = this.signatures[signature]!;
      const confidence = this.confidences[signature]!;
      found.push({ start, end, text: text.slice(start, end), signature: sig.id, article: sig.article, confidence });
    }
    return withoutGenericBesideExact(text, found);
  }
}

/**
 * A generic finding (a bare "503 Service Unavailable") on a line that an exact signature
 * already explains adds a second, vaguer answer to the same line: the exact one stands alone.
 */
function withoutGenericBesideExact(text: string, found: Finding[]): Finding[] {
  if (!found.some((f) => f.confidence === GENERIC_CONFIDENCE)) return found;
  const lineOf = (f: Finding) => text.lastIndexOf('\n', f.start - 1);
  const explained = new Set(found.filter((f) => f.confidence !== GENERIC_CONFIDENCE).map(lineOf));
  return found.filter((f) => f.confidence !== GENERIC_CONFIDENCE || !explained.has(lineOf(f)));
}

export const GENERIC_CONFIDENCE = 0.6;

function confidenceOf(sig: DetectableSignature): number {
  if (sig.specificity === 'generic') return GENERIC_CONFIDENCE;
  // A long verbatim message is unmistakable; a short one less so.
  return compilePattern(sig.text).anchor.length >= 16 ? 0.95 : 0.8;
}

/** Part of the text a candidate is confirmed in: `window` is text[from, from + window.length). */
interface Span {
  text: string;
  from: number;
  window: string;
}

/**
 * The first match in the window that holds the anchor ending at `anchorEnd` (offsets in the
 * text), with exact word boundaries. The quick RegExp accepts every match the exact one
 * does, and more: while each match it finds also has exact boundaries, it finds what the
 * exact one would.
 */
function firstHolding(rule: Rule, span: Span, anchorEnd: number): { start: number; end: number } | undefined {
  const { text, from, window } = span;
  const regex = rule.quick;
  regex.lastIndex = 0;
  for (let m = regex.exec(window); m; m = regex.exec(window)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (start >= anchorEnd) return undefined;
    // The start boundary depends on the start alone: where it fails, the exact RegExp would
    // go on from the next character, and so does this one.
    if (rule.startsWord && isWordAt(text, start, -1)) {
      regex.lastIndex = m.index + codeUnitsAt(window, m.index);
      continue;
    }
    if (rule.endsWord && isWordAt(text, end, 1)) return exactHolding(rule, span, anchorEnd);
    if (end >= anchorEnd) return { start, end };
    if (m[0].length === 0) regex.lastIndex = m.index + codeUnitsAt(window, m.index);
  }
  return undefined;
}

/** The match of a pattern that starts with its anchor, tried where the anchor starts. */
function leading(rule: Rule, span: Span, anchorEnd: number): { start: number; end: number } | undefined {
  const { text, from, window } = span;
  if (rule.startsWord && isWordAt(text, from, -1)) return undefined;
  rule.quick.lastIndex = 0;
  const m = rule.quick.exec(window);
  const end = m ? from + m[0].length : -1;
  if (end < anchorEnd) return undefined;
  if (rule.endsWord && isWordAt(text, end, 1)) return exactHolding(rule, span, anchorEnd);
  return { start: from, end };
}

/** The first match of the exact RegExp holding the anchor; its start boundary read in the text. */
function exactHolding(rule: Rule, span: Span, anchorEnd: number): { start: number; end: number } | undefined {
  const { text, from, window } = span;
  const regex = (rule.exactRegExp ??= new RegExp(rule.exact, 'giu'));
  regex.lastIndex = 0;
  for (let m = regex.exec(window); m; m = regex.exec(window)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (start >= anchorEnd) return undefined;
    if (end >= anchorEnd && !(rule.startsWord && isWordAt(text, start, -1))) return { start, end };
    regex.lastIndex = m.index + codeUnitsAt(window, m.index);
  }
  return undefined;
}

/**
 * Where the anchor ending at `end` starts: read back over it as the automaton read it
 * (folded characters, a run of white space for each space, `…` for three dots).
 */
function anchorStart(text: string, end: number, anchor: string): number {
  const fold = foldTable();
  let i = end;
  for (let j = anchor.length - 1; j >= 0 && i > 0; j--) {
    const c = text.charCodeAt(--i);
    if (c === ELLIPSIS) j -= 2;
    else if (fold[c] === SPACE) while (i > 0 && fold[text.charCodeAt(i - 1)] === SPACE) i--;
  }
  return i;
}

/** 2 where a surrogate pair starts at `at`, else 1: a `u` RegExp moves on by code points. */
function codeUnitsAt(text: string, at: number): number {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
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
  return cp < 0x80 ? isWordCode(cp) : WORD_CHAR.test(String.fromCodePoint(cp));
}

/** Does one of the folded terms stand on the match's line, within reach? */
function hasContext(text: string, start: number, end: number, terms: readonly string[]): boolean {
  if (!terms.length) return true;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const from = Math.max(lineStart, start - CONTEXT_REACH);
  const to = Math.min(lineEnd === -1 ? text.length : lineEnd, end + CONTEXT_REACH);
  const line = foldString(text.slice(from, to));
  return terms.some((term) => line.includes(term));
}
