import kb from 'virtual:kb';
import { describe, expect, it, vi } from 'vitest';
import { bundleSource, splitSource } from './knowledge-source';
import { SPLIT_LIMITS, splitKnowledge } from './split';
import type { ArticleShard, CorePart } from './split';

/** The real knowledge cut small, served by import thunks that count their calls and can fail. */
function files() {
  const split = splitKnowledge(kb, { partBytes: 40_000, shardBytes: 30_000 });
  const fetched: string[] = [];
  const offline = new Set<number>();
  const thunk =
    <T>(name: string, value: T, failing?: () => boolean) =>
    async () => {
      fetched.push(name);
      if (failing?.()) throw new TypeError('Failed to fetch dynamically imported module');
      return { default: structuredClone(value) };
    };
  return {
    split,
    fetched,
    offline,
    files: {
      parts: split.parts.map((p, n) => thunk<CorePart>(`part ${n}`, p)),
      shards: split.shards.map((s, n) => thunk<ArticleShard>(`shard ${n}`, s, () => offline.has(n))),
      shardStarts: split.shardStarts,
    },
  };
}

describe('the split knowledge source (the PWA)', () => {
  it('fetches every core part at once and joins them into the core', async () => {
    const f = files();
    const source = splitSource(f.files);
    expect(f.fetched).toEqual(f.split.parts.map((_, n) => `part ${n}`));
    const core = await source.core;
    expect(core.version).toBe(kb.version);
    expect(core.search).toEqual(kb.search);
    expect(core.signatures).toEqual(kb.signatures);
  });

  it('fetches only the shards of the articles asked for, once, and has nothing of the others', async () => {
    const f = files();
    expect(f.split.shards.length).toBeGreaterThan(3);
    const source = splitSource(f.files);
    const last = kb.search.docs.at(-1)!.id;
    expect(source.detail(last)).toBeUndefined();
    await source.load([last, 'no-such-article']);
    await source.load([last]);
    expect(f.fetched.filter((name) => name.startsWith('shard'))).toEqual([`shard ${f.split.shards.length - 1}`]);
    expect(source.detail(last)?.causes).toEqual(kb.articles.find((a) => a.id === last)!.causes);
    expect(source.detail(kb.search.docs[0]!.id)).toBeUndefined();
  });

  it('rejects when a shard cannot be fetched, and fetches it again on the next try', async () => {
    const f = files();
    const source = splitSource(f.files);
    const first = kb.search.docs[0]!.id;
    f.offline.add(0);
    await expect(source.load([first])).rejects.toThrow(/Failed to fetch/);
    expect(source.detail(first)).toBeUndefined();
    f.offline.clear();
    await source.load([first]);
    expect(source.detail(first)?.id).toBe(first);
    expect(f.fetched.filter((name) => name === 'shard 0')).toHaveLength(2);
  });

  it('loads a knowledge base whose details fit in one shard as soon as it is idle, before any article is opened', async () => {
    // Shards big enough for the whole real guide, whatever its size today.
    const split = splitKnowledge(kb, { ...SPLIT_LIMITS, shardBytes: 64 * 2 ** 20 });
    expect(split.shards).toHaveLength(1);
    const shard = vi.fn(async () => ({ default: split.shards[0]! }));
    const source = splitSource({
      parts: split.parts.map((p) => async () => ({ default: p })),
      shards: [shard],
      shardStarts: split.shardStarts,
    });
    await source.core;
    await vi.waitFor(() => expect(source.detail(kb.articles[0]!.id)).toBeDefined());
    expect(shard).toHaveBeenCalledTimes(1);
  });
});

describe('the whole-bundle source (the extension)', () => {
  it('has the core and every article’s details at once', async () => {
    const now = bundleSource(kb);
    expect(now.core).toBe(kb);
    expect(now.detail(kb.articles[3]!.id)).toBe(kb.articles[3]);
    const later = bundleSource(Promise.resolve(kb));
    expect(later.detail(kb.articles[3]!.id)).toBeUndefined();
    await later.load([kb.articles[3]!.id]);
    expect(later.detail(kb.articles[3]!.id)).toBe(kb.articles[3]);
  });
});
