/**
 * Codes a query names ("449", "status 9 foldersync", "0x80070005", "event 3033") and the
 * articles that claim them in their `codes` frontmatter: a bare code goes straight to its
 * answer. Keys are `scheme:code`, with the command for an ActiveSync status of one command
 * (`eas:FolderSync:9`); an event's provider is left out, since people type "event 3033".
 */
import type { Code } from '../kb/types';

/** The lookup keys of one claimed code. */
export function codeKey(code: Code): string {
  const value = code.code.toLowerCase();
  // The command keeps its case: the key is also how the code reads to a user (codeLabel).
  if (code.scheme === 'eas' && code.command) return `eas:${code.command}:${value}`;
  return `${code.scheme}:${value}`;
}

/** "HTTP 449", "FolderSync status 9", "event 3033", "0x80070005": how a key reads to a user. */
export function codeLabel(key: string): string {
  const [scheme, a, b] = key.split(':');
  if (scheme === 'http') return `HTTP ${a}`;
  if (scheme === 'event') return `event ${a}`;
  if (scheme === 'hresult') return a!;
  return b === undefined ? `ActiveSync status ${a}` : `${a} status ${b}`;
}

const HRESULT = /\b0x[0-9a-f]{8}\b/g;
const EVENT = /\bevent\s*(?:id\s*)?[:#=]?\s*(\d{1,5})\b/g;
const EAS_STATUS = /(?:\bstatus\s*(?:code\s*)?[:=]?\s*|<status>)(\d{1,3})\b/g;
/** An HTTP status where the words around it say so (`HTTP/1.1 503`, `error 500`, `httpcode='500'`). */
const HTTP_SAID =
  /\b(?:http(?:\/\d(?:\.\d)?)?|httpcode\s*=\s*'?|error|returned|returns|code|status)\s*[:=]?\s*([1-5]\d\d)\b/g;
const NUMBER = /\b(\d{1,3})\b/g;
/** ActiveSync statuses stop below 200 ([MS-ASCMD] common status codes end at 177). */
const MAX_EAS_STATUS = 199;
/** Queries this short are taken as naming the numbers in them ("449", "f5 503"). */
const SHORT_QUERY_WORDS = 3;

/**
 * Keys the query names, most specific first. `commands` maps folded command names some
 * article claims a status of to their spelling, so "sync status 4" finds `eas:Sync:4`.
 */
export function codesInQuery(query: string, commands: ReadonlyMap<string, string>): string[] {
  const q = query.toLowerCase();
  const keys: string[] = [];
  const add = (key: string) => {
    if (!keys.includes(key)) keys.push(key);
  };
  for (const m of q.matchAll(HRESULT)) add(`hresult:${m[0]}`);
  for (const m of q.matchAll(EVENT)) add(`event:${m[1]}`);
  const named = q.split(/[^a-z]+/).flatMap((w) => commands.get(w) ?? []);
  for (const m of q.matchAll(EAS_STATUS)) {
    const n = Number(m[1]);
    if (n > MAX_EAS_STATUS) continue;
    for (const command of named) add(`eas:${command}:${n}`);
    add(`eas:${n}`);
  }
  for (const m of q.matchAll(HTTP_SAID)) add(`http:${m[1]}`);
  if (q.split(/\s+/).filter(Boolean).length <= SHORT_QUERY_WORDS) {
    for (const m of q.matchAll(NUMBER)) {
      const n = Number(m[1]);
      if (n >= 400 && n < 600) add(`http:${n}`);
      if (n > MAX_EAS_STATUS) continue;
      for (const command of named) add(`eas:${command}:${n}`);
      // Common statuses are 100 and up; a small number alone is more often a count or a version.
      if (n >= 100) add(`eas:${n}`);
    }
  }
  return keys;
}

export interface CodeHit {
  doc: number;
  key: string;
  /** The code by itself answers the query (see `CodeLookup.find`). */
  decisive: boolean;
}

const ACTIVESYNC_CONTEXT = /activesync|\beas\b|exchange|\bcmd=|z-push|grommunio/i;

/** Claimed code keys → the articles claiming them, and the commands named in those keys. */
export class CodeLookup {
  private readonly docsByKey = new Map<string, number[]>();
  /** Folded command name → as the articles write it ("foldersync" → "FolderSync"). */
  readonly commands = new Map<string, string>();

  constructor(codesOfDoc: readonly (readonly string[])[]) {
    codesOfDoc.forEach((keys, doc) => {
      for (const key of keys) {
        (this.docsByKey.get(key) ?? this.docsByKey.set(key, []).get(key)!).push(doc);
        const parts = key.split(':');
        if (parts[0] === 'eas' && parts.length === 3) this.commands.set(parts[1]!.toLowerCase(), parts[1]!);
      }
    });
  }

  /**
   * The articles answering the codes the query names, with the key each was found by and
   * whether the code alone makes it the answer: HTTP statuses are everyone's, so a 413 in
   * another product's error is ours only in a bare query or beside ActiveSync words.
   */
  find(query: string): CodeHit[] {
    const found: CodeHit[] = [];
    const inContext = ACTIVESYNC_CONTEXT.test(query) || query.trim().split(/\s+/).length <= SHORT_QUERY_WORDS;
    for (const key of codesInQuery(query, this.commands)) {
      for (const doc of this.docsByKey.get(key) ?? []) {
        if (!found.some((f) => f.doc === doc))
          found.push({ doc, key, decisive: inContext || !key.startsWith('http:') });
      }
    }
    return found;
  }
}
