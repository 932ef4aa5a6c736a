/**
 * Where the guide gets its knowledge. The extension holds the whole bundle in memory; the
 * PWA loads the core at start-up and article details shard by shard (see split.ts).
 * Environment-free: the PWA passes in the import thunks of its chunks.
 */
import { joinParts, shardOf } from './split';
import type { ArticleDetail, ArticleShard, CorePart, KnowledgeCore } from './split';
import type { KnowledgeBundle } from './types';

export interface KnowledgeSource {
  /** Search, detection and article headers: the guide is ready once it has these. */
  readonly core: KnowledgeCore | Promise<KnowledgeCore>;
  /** An article's details, when they are in memory. */
  detail(id: string): ArticleDetail | undefined;
  /**
   * Brings these articles' details into memory; unknown ids are skipped. Rejects when a
   * shard cannot be fetched (offline before the service worker stored it); a later call
   * tries again.
   */
  load(ids: readonly string[]): Promise<void>;
}

export function isKnowledgeSource(value: unknown): value is KnowledgeSource {
  return typeof value === 'object' && value !== null && 'core' in value && 'load' in value;
}

/** The whole bundle, now or later: details are in memory as soon as the bundle is. */
export function bundleSource(kb: KnowledgeBundle | Promise<KnowledgeBundle>): KnowledgeSource {
  let articles: Map<string, ArticleDetail> | undefined;
  const index = (bundle: KnowledgeBundle) => {
    articles ??= new Map(bundle.articles.map((a) => [a.id, a]));
    return bundle;
  };
  const core = kb instanceof Promise ? kb.then(index) : index(kb);
  return {
    core,
    detail: (id) => articles?.get(id),
    load: async () => {
      await core;
    },
  };
}

type Load<T> = () => Promise<{ default: T }>;

export interface SplitFiles {
  parts: readonly Load<CorePart>[];
  shards: readonly Load<ArticleShard>[];
  shardStarts: readonly number[];
}

/**
 * A guide whose details fit in this many shards loads them once the core is in and the page
 * is idle, so opening an article never waits; a bigger one loads only what is opened.
 */
const WARM_SHARDS = 1;

/** The core's parts are all fetched at once and joined; a shard is fetched when first needed. */
export function splitSource(files: SplitFiles): KnowledgeSource {
  const core = Promise.all(files.parts.map((load) => load())).then(
    (modules) => joinParts(modules.map((m) => m.default)) as KnowledgeCore,
  );
  const details = new Map<string, ArticleDetail>();
  const pending = new Map<number, Promise<void>>();
  let position: Map<string, number> | undefined;

  const loadShard = (n: number): Promise<void> => {
    let loading = pending.get(n);
    if (!loading) {
      loading = files.shards[n]!().then(
        (m) => {
          for (const d of m.default) details.set(d.id, d);
        },
        (error: unknown) => {
          // Forget the failure, so the next call fetches again.
          pending.delete(n);
          throw error;
        },
      );
      pending.set(n, loading);
    }
    return loading;
  };

  if (files.shards.length <= WARM_SHARDS) {
    const warm = () => {
      // A failure here is reported when an article asks for the shard.
      for (let n = 0; n < files.shards.length; n++) loadShard(n).catch(() => {});
    };
    // A core that fails to load is the guide's failure, reported by whoever awaits it.
    core.then(
      () => ('requestIdleCallback' in globalThis ? requestIdleCallback(warm) : setTimeout(warm, 200)),
      () => {},
    );
  }

  return {
    core,
    detail: (id) => details.get(id),
    async load(ids) {
      const kb = await core;
      position ??= new Map(kb.search.docs.map((d, i) => [d.id, i]));
      const shards = new Set<number>();
      for (const id of ids) {
        const at = position.get(id);
        if (at !== undefined && !details.has(id)) shards.add(shardOf(files.shardStarts, at));
      }
      await Promise.all([...shards].map(loadShard));
    },
  };
}
