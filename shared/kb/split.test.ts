import kb from 'virtual:kb';
import { parts, shards, shardStarts } from 'virtual:kb/split';
import { describe, expect, it } from 'vitest';
import { generateKnowledge } from '../../test/bench/generate-kb';
import { compileContent } from '../compiler/compile';
import { coreOf, cutValue, detailOf, joinParts, moduleBytes, shardOf, splitKnowledge } from './split';
import type { KnowledgeBundle } from './types';

/** What the module text of a part or shard weighs: the plugin writes `export default JSON.parse("…")`. */
const written = (value: unknown) => Buffer.byteLength(JSON.stringify(JSON.stringify(value)));

function generated(count: number): KnowledgeBundle {
  const { bundle, problems } = compileContent(generateKnowledge(count), { date: '2024-01-01' });
  if (!bundle) throw new Error(JSON.stringify(problems));
  return bundle;
}

describe('cutting a value into parts', () => {
  it('gives back the same value, with long lists and strings spread over parts of about the target size', () => {
    const value = {
      version: 'v1',
      list: Array.from({ length: 500 }, (_, i) => ({ n: i, text: `item "${i}" \\ é ✓ 😀`.repeat(3) })),
      nested: { words: 'abc😀 '.repeat(40_000), empty: [], none: null, flag: false },
    };
    const parts = cutValue(value, 20_000);
    expect(parts.length).toBeGreaterThan(5);
    expect(joinParts(JSON.parse(JSON.stringify(parts)))).toEqual(value);
    // Only a part holding one string slice (64 Ki characters, up to 4 bytes each) may exceed the target.
    for (const part of parts) {
      if (part.length > 1 || typeof part[0]![1] !== 'string') expect(written(part)).toBeLessThanOrEqual(20_000);
    }
  });

  it('estimates the written size exactly, escapes and multi-byte characters included', () => {
    for (const value of [{ a: 'plain' }, ['"quoted" \\ back'], 'é ✓ 😀 \u2028', [1, null, true]]) {
      expect(moduleBytes(value)).toBe(written(value) - 2);
    }
  });

  it('finds the shard of a search record from the shards’ first records', () => {
    const starts = [0, 3, 7];
    expect([0, 2, 3, 6, 7, 100].map((i) => shardOf(starts, i))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(shardOf([0], 5)).toBe(0);
  });
});

describe('the knowledge split for the PWA', () => {
  it('keeps everything search, detection and lists need in the core, and each article’s details in one shard', () => {
    const bundle = generated(400);
    const split = splitKnowledge(bundle, { partBytes: 100_000, shardBytes: 50_000 });
    expect(split.parts.length).toBeGreaterThan(2);
    expect(split.shards.length).toBeGreaterThan(5);
    expect(joinParts(split.parts)).toEqual(coreOf(bundle));

    const byId = new Map(bundle.articles.map((a) => [a.id, a]));
    bundle.search.docs.forEach((doc, i) => {
      const n = shardOf(split.shardStarts, i);
      expect(split.shards[n]![i - split.shardStarts[n]!]).toEqual(detailOf(byId.get(doc.id)!));
    });
    expect(split.shards.flat()).toHaveLength(bundle.articles.length);
    for (const part of split.parts) expect(written(part)).toBeLessThanOrEqual(100_000);
    for (const shard of split.shards) expect(written(shard)).toBeLessThanOrEqual(50_000);
  });

  it('leaves out of a shard what the core already has and what the guide never shows', () => {
    const article = kb.articles.find((a) => a.causes.length && a.text)!;
    const detail = detailOf(article);
    expect(Object.keys(detail).sort()).toEqual(
      Object.keys(article)
        .filter((k) => !['title', 'product', 'kind', 'summary', 'text', 'source', 'aliases', 'tags'].includes(k))
        .sort(),
    );
    expect(detail.causes).toEqual(article.causes);
    expect(detail.html).toBe(article.html);
  });

  it('ships the real knowledge base as one small core part and one shard, each far under 2 MiB', async () => {
    expect(parts).toHaveLength(1);
    expect(shards.length).toBeGreaterThanOrEqual(1);
    expect(shardStarts[0]).toBe(0);
    const core = joinParts(await Promise.all(parts.map(async (load) => (await load()).default)));
    expect(core).toEqual(coreOf(kb));
    const details = (await Promise.all(shards.map(async (load) => (await load()).default))).flat();
    expect(details.map((d) => d.id)).toEqual(kb.search.docs.map((d) => d.id));
    expect(written(details)).toBeLessThan(2 ** 20);
  });
});
