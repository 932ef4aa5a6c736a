/**
 * Search at one knowledge-base size: SyncFix's KnowledgeSearch against MiniSearch (the
 * reference, dev dependency only) on the same queries in the same run, interleaved so both
 * see the same machine noise.
 */
import MiniSearch from 'minisearch';
import type { Options as MiniSearchOptions } from 'minisearch';
import { Detector } from '../../shared/detect/detector';
import type { KnowledgeBundle } from '../../shared/kb/types';
import { KnowledgeSearch } from '../../shared/search/search';
import { articleWords } from '../../shared/search/search-doc';
import type { BenchQuery, QueryKind } from './queries';
import { QUERY_KINDS } from './queries';
import { collectGarbage, gzipBytes, median, percentile, splitText, time, utf8Bytes } from './stats';

export interface EngineFigures {
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Median and p95 per query kind. */
  byKind: Record<QueryKind, { medianMs: number; p95Ms: number }>;
  /** Queries whose article is in the first 10 results, per kind and in all. */
  recall: Record<QueryKind | 'all', number>;
  /** Parse of what ships, engine construction and the first query, median of runs. */
  coldStartMs: number;
  /** Raw and gzip bytes of what the engine loads, and the files it takes at ≤ 2 MiB each. */
  shippedBytes: number;
  shippedGzipBytes: number;
  files: number;
  largestFileBytes: number;
}

export interface SearchFigures {
  articles: number;
  signatures: number;
  queries: Record<QueryKind, number>;
  syncfix: EngineFigures;
  minisearch: EngineFigures;
  /** Time to build MiniSearch's index from the documents (SyncFix builds at compile time). */
  minisearchIndexMs: number;
  /** SyncFix's slowest queries, by median over the timed rounds. */
  slowest: { text: string; medianMs: number }[];
  /** Raw bytes of each part of SyncFix's search payload. */
  syncfixParts: Record<string, number>;
}

interface MiniDoc {
  id: string;
  title: string;
  product: string;
  kind: string;
  aliases: string;
  signatures: string;
  symptom: string;
  summary: string;
  keywords: string;
  body: string;
}

/** MiniSearch over the same fields, boosted like FUSE_KEYS, with bodies, prefix and fuzzy on. */
export const MINISEARCH_OPTIONS: MiniSearchOptions<MiniDoc> = {
  fields: ['title', 'aliases', 'signatures', 'symptom', 'summary', 'keywords', 'body'],
  storeFields: ['title', 'product', 'kind', 'summary'],
  searchOptions: {
    boost: { title: 3, aliases: 2.5, signatures: 2, symptom: 1.5 },
    prefix: true,
    fuzzy: 0.2,
  },
};

function miniDocs(bundle: KnowledgeBundle): MiniDoc[] {
  const byId = new Map(bundle.articles.map((a) => [a.id, a]));
  return bundle.search.docs.map((d) => ({
    id: d.id,
    title: d.title,
    product: d.product,
    kind: d.kind,
    aliases: d.aliases.join(' '),
    signatures: d.signatures.join(' '),
    symptom: d.symptom,
    summary: d.summary,
    keywords: d.keywords,
    body: articleWords(byId.get(d.id)!),
  }));
}

/**
 * What SyncFix's search loads: the search part of the bundle and the signatures (for the
 * detector). Articles only when the bundle has no prebuilt token index (before issue 6,
 * search read every article body at start-up).
 */
export function syncfixPayload(bundle: KnowledgeBundle): string {
  const signatures = bundle.signatures.map(({ id, article, text, specificity, context }) => ({
    id,
    article,
    text,
    specificity,
    ...(context && { context }),
  }));
  const needsArticles = !('tokens' in bundle.search);
  return JSON.stringify({ ...(needsArticles && { articles: bundle.articles }), signatures, search: bundle.search });
}

function shipped(text: string): Pick<
  EngineFigures,
  'shippedBytes' | 'shippedGzipBytes' | 'files' | 'largestFileBytes'
> & {
  parts: string[];
} {
  const parts = splitText(text);
  return {
    parts,
    shippedBytes: utf8Bytes(text),
    shippedGzipBytes: gzipBytes(text),
    files: parts.length,
    largestFileBytes: Math.max(...parts.map(utf8Bytes)),
  };
}

/** Rounds before timing starts: V8 compiles both engines' hot paths in the first ones. */
const WARMUP_ROUNDS = 2;

export function benchSearch(bundle: KnowledgeBundle, queries: BenchQuery[], rounds: number): SearchFigures {
  const docs = miniDocs(bundle);
  const mini = new MiniSearch(MINISEARCH_OPTIONS);
  const minisearchIndexMs = time(() => mini.addAll(docs));
  const engine = new KnowledgeSearch(bundle, new Detector(bundle.signatures));

  const runSyncfix = (q: string) => engine.search(q, { limit: 10 }).results.map((r) => r.id);
  const runMini = (q: string) =>
    mini
      .search(q)
      .slice(0, 10)
      .map((r) => String(r.id));

  const samples = { syncfix: [] as number[], minisearch: [] as number[] };
  const byKind = {
    syncfix: { title: [] as number[], typo: [] as number[], paste: [] as number[] },
    minisearch: { title: [] as number[], typo: [] as number[], paste: [] as number[] },
  };
  const perQuery = new Map<string, number[]>();
  const recall = {
    syncfix: { title: 0, typo: 0, paste: 0, all: 0 },
    minisearch: { title: 0, typo: 0, paste: 0, all: 0 },
  };
  // Two rounds warm both engines up (the first scores recall); the others are timed. Each
  // round runs one engine's queries, then the other's, in alternating order: both see the
  // same noise, and neither runs with the other's data in the cache.
  const engines = [
    { name: 'syncfix' as const, run: runSyncfix },
    { name: 'minisearch' as const, run: runMini },
  ];
  for (let round = 0; round < WARMUP_ROUNDS + rounds; round++) {
    // No forced collection in here: a full GC makes V8 drop compiled RegExp code, and both
    // engines then pay for recompiling it (measured: p95 +50% for SyncFix on the real KB).
    for (const { name, run } of round % 2 ? [...engines].reverse() : engines) {
      for (const q of queries) {
        let ids: string[] = [];
        const ms = time(() => (ids = run(q.text)));
        if (round === 0 && ids.includes(q.target)) {
          recall[name][q.kind]++;
          recall[name].all++;
        }
        if (round >= WARMUP_ROUNDS) {
          samples[name].push(ms);
          byKind[name][q.kind].push(ms);
          if (name === 'syncfix') (perQuery.get(q.text) ?? perQuery.set(q.text, []).get(q.text)!).push(ms);
        }
      }
    }
  }

  // Cold start: from the shipped text (joined from its files) to the first result.
  const firstQuery = queries[0]?.text ?? 'sync';
  const syncfixShip = shipped(syncfixPayload(bundle));
  const miniShip = shipped(JSON.stringify(mini));
  const coldRuns = bundle.articles.length > 5000 ? 3 : 5;
  const cold = { syncfix: [] as number[], minisearch: [] as number[] };
  for (let i = 0; i < coldRuns; i++) {
    collectGarbage();
    cold.syncfix.push(
      time(() => {
        const kb = JSON.parse(syncfixShip.parts.join('')) as KnowledgeBundle;
        new KnowledgeSearch(kb, new Detector(kb.signatures)).search(firstQuery, { limit: 10 });
      }),
    );
    collectGarbage();
    cold.minisearch.push(
      time(() => {
        MiniSearch.loadJSON<MiniDoc>(miniShip.parts.join(''), MINISEARCH_OPTIONS).search(firstQuery);
      }),
    );
  }

  const figures = (name: 'syncfix' | 'minisearch', ship: ReturnType<typeof shipped>): EngineFigures => ({
    medianMs: median(samples[name]),
    p95Ms: percentile(samples[name], 95),
    byKind: Object.fromEntries(
      QUERY_KINDS.map((k) => [k, { medianMs: median(byKind[name][k]), p95Ms: percentile(byKind[name][k], 95) }]),
    ) as EngineFigures['byKind'],
    maxMs: Math.max(...samples[name]),
    recall: recall[name],
    coldStartMs: median(cold[name]),
    shippedBytes: ship.shippedBytes,
    shippedGzipBytes: ship.shippedGzipBytes,
    files: ship.files,
    largestFileBytes: ship.largestFileBytes,
  });
  const count = (kind: QueryKind) => queries.filter((q) => q.kind === kind).length;
  const slowest = [...perQuery]
    .map(([text, ms]) => ({ text, medianMs: median(ms) }))
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, 5);
  return {
    articles: bundle.articles.length,
    signatures: bundle.signatures.length,
    queries: Object.fromEntries(QUERY_KINDS.map((k) => [k, count(k)])) as Record<QueryKind, number>,
    syncfix: figures('syncfix', syncfixShip),
    minisearch: figures('minisearch', miniShip),
    minisearchIndexMs,
    slowest,
    syncfixParts: Object.fromEntries(
      Object.entries({ ...bundle.search, signatures: bundle.signatures }).map(([k, v]) => [
        k,
        utf8Bytes(JSON.stringify(v)),
      ]),
    ),
  };
}
