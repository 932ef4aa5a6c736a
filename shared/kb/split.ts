/**
 * The knowledge as the PWA ships it. The service worker precaches no file over 2 MiB, and a
 * phone parses a 1 MiB chunk in tens of milliseconds, so at 10,000 articles one bundle
 * (~80 MiB) can neither be stored offline nor opened quickly. It is shipped in two halves:
 *
 * - the core: everything the guide needs before it can search, detect or list anything
 *   (signatures, search records, which also hold every article's header), cut into parts
 *   that load in parallel and are joined back;
 * - article details (causes, steps, body), in shards of consecutive search records, loaded
 *   when an article is opened.
 *
 * Pure and environment-free: the knowledge plugin splits at build time, the app joins.
 */
import type { Article, KnowledgeBundle, SearchDoc, Signature } from './types';

/** What lists, links and result rows show of an article; the search records hold all of it. */
export type ArticleHeader = Pick<SearchDoc, 'id' | 'title' | 'product' | 'kind' | 'summary'>;

/**
 * Left out of a shard: the header (already in the core) and what the guide never shows (the
 * plain-text body, aliases and tags are for search, which has its own records).
 */
const NOT_IN_DETAIL = ['title', 'product', 'kind', 'summary', 'text', 'source', 'aliases', 'tags'] as const;

/** The rest of an article, as the guide shows it. */
export type ArticleDetail = Omit<Article, (typeof NOT_IN_DETAIL)[number]>;

/** An article as an opened article view shows it. */
export type ShownArticle = ArticleHeader & ArticleDetail;

/** Search, detection and article headers: what the guide loads before it is ready. */
export interface KnowledgeCore {
  version: string;
  date: string;
  signatures: Signature[];
  detection: KnowledgeBundle['detection'];
  /** Old article id → the article it was merged into (absent in bundles made before merges). */
  redirects?: Record<string, string>;
  search: KnowledgeBundle['search'];
}

/**
 * One part of the core: values at key paths. A path seen again in a later part continues
 * it (arrays are concatenated, strings appended), so a long list or string spans parts.
 */
export type CorePart = [path: string[], value: unknown][];

/** Details of consecutive search records, in their order. */
export type ArticleShard = ArticleDetail[];

export interface SplitKnowledge {
  parts: CorePart[];
  shards: ArticleShard[];
  /** Index in `search.docs` of each shard's first article, ascending from 0. */
  shardStarts: number[];
}

export interface SplitLimits {
  /** Target size of a core part as a module (JSON in a string literal), in bytes. */
  partBytes: number;
  /** Target size of a shard as a module, in bytes. */
  shardBytes: number;
}

/** 1.5 MiB parts leave room under the 2 MiB precache limit; 512 KiB shards open an article fast. */
export const SPLIT_LIMITS: SplitLimits = { partBytes: 1.5 * 2 ** 20, shardBytes: 512 * 2 ** 10 };

/** Strings longer than this are cut into slices, each packed on its own. */
const STRING_SLICE = 64 * 1024;

export function headerOf(doc: SearchDoc): ArticleHeader {
  return { id: doc.id, title: doc.title, product: doc.product, kind: doc.kind, summary: doc.summary };
}

export function detailOf(article: Article): ArticleDetail {
  const detail: Partial<Article> = { ...article };
  for (const key of NOT_IN_DETAIL) delete detail[key];
  return detail as ArticleDetail;
}

export function coreOf(kb: KnowledgeBundle): KnowledgeCore {
  return {
    version: kb.version,
    date: kb.date,
    signatures: kb.signatures,
    detection: kb.detection,
    redirects: kb.redirects,
    search: kb.search,
  };
}

/** Bytes of a value once written as `JSON.parse("…")`: UTF-8 JSON plus one escape per `"` and `\`. */
export function moduleBytes(value: unknown): number {
  const json = JSON.stringify(value);
  let extra = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 34 || c === 92) extra++;
    else if (c >= 0x80) extra += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return json.length + extra;
}

export function splitKnowledge(kb: KnowledgeBundle, limits: SplitLimits = SPLIT_LIMITS): SplitKnowledge {
  const byId = new Map(kb.articles.map((a) => [a.id, a]));
  const details = kb.search.docs.map((doc) => {
    const article = byId.get(doc.id);
    if (!article) throw new Error(`search record "${doc.id}" has no article`);
    return detailOf(article);
  });
  const shards: ArticleShard[] = [];
  const shardStarts: number[] = [];
  let size = Infinity;
  details.forEach((detail, i) => {
    const bytes = moduleBytes(detail) + 1;
    if (size + bytes > limits.shardBytes) {
      shards.push([]);
      shardStarts.push(i);
      size = 2;
    }
    shards.at(-1)!.push(detail);
    size += bytes;
  });
  return { parts: cutValue(coreOf(kb), limits.partBytes), shards, shardStarts };
}

interface Piece {
  path: string[];
  value: unknown;
  bytes: number;
}

/**
 * Cuts a JSON value into parts of about `target` bytes: objects by key, arrays by item,
 * long strings by slice; consecutive pieces of one path in one part are merged again.
 */
export function cutValue(value: unknown, target: number): CorePart[] {
  const pieces: Piece[] = [];
  const walk = (v: unknown, path: string[]) => {
    if (Array.isArray(v)) {
      if (!v.length) pieces.push({ path, value: [], bytes: 2 });
      for (const item of v) pieces.push({ path, value: [item], bytes: moduleBytes(item) + 1 });
    } else if (typeof v === 'string' && v.length > STRING_SLICE) {
      for (let i = 0; i < v.length; i += STRING_SLICE) {
        const slice = v.slice(i, i + STRING_SLICE);
        pieces.push({ path, value: slice, bytes: moduleBytes(slice) });
      }
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      if (!entries.length) pieces.push({ path, value: {}, bytes: 2 });
      for (const [key, child] of entries) walk(child, [...path, key]);
    } else {
      pieces.push({ path, value: v, bytes: moduleBytes(v) });
    }
  };
  walk(value, []);

  const parts: CorePart[] = [[]];
  let size = 0;
  for (const piece of pieces) {
    const overhead = moduleBytes(piece.path) + 8;
    if (size > 0 && size + piece.bytes + overhead > target) {
      parts.push([]);
      size = 0;
    }
    const part = parts.at(-1)!;
    const last = part.at(-1);
    if (last && samePath(last[0], piece.path) && Array.isArray(last[1]) && Array.isArray(piece.value)) {
      (last[1] as unknown[]).push(...piece.value);
    } else if (last && samePath(last[0], piece.path) && typeof last[1] === 'string') {
      last[1] += piece.value as string;
    } else {
      part.push([piece.path, piece.value]);
      size += overhead;
    }
    size += piece.bytes;
  }
  return parts;
}

/** The value `cutValue` cut, from its parts in order. */
export function joinParts(parts: readonly CorePart[]): unknown {
  let root: unknown;
  for (const part of parts) {
    for (const [path, value] of part) {
      if (!path.length) {
        root = value;
        continue;
      }
      root ??= {};
      let node = root as Record<string, unknown>;
      for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
      const key = path.at(-1)!;
      const had = node[key];
      if (Array.isArray(had)) for (const item of value as unknown[]) had.push(item);
      else if (typeof had === 'string') node[key] = had + (value as string);
      // A copy, so continuing the list never changes the part it came from.
      else node[key] = Array.isArray(value) ? [...value] : value;
    }
  }
  return root;
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/** The shard holding the search record at `index` (binary search over `shardStarts`). */
export function shardOf(shardStarts: readonly number[], index: number): number {
  let lo = 0;
  let hi = shardStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (shardStarts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
