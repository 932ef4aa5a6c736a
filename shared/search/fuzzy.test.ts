import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { compileContent } from '../compiler/compile';
import { readContent } from '../compiler/read-content';
import { KnowledgeSearch } from './search';
import type * as FuseModule from 'fuse.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { bundle } = compileContent(readContent(`${root}/content`, root));
const QUERIES = [
  'partnership access denied',
  'enterprise activaton',
  'f5 timeout',
  'wipe handhled',
  'notifysync outbox',
];
const answers = (engine: KnowledgeSearch) => QUERIES.map((q) => engine.search(q).results.map((r) => [r.id, r.score]));

// fuse.js as the search may use it: a constructor and `search`, nothing else of an instance.
vi.mock('fuse.js', async () => {
  const real = (await vi.importActual<typeof FuseModule>('fuse.js')).default;
  const next = (await import('fuse-next')).default;
  class PublicOnly {
    static use = real;
    constructor(list: unknown[], options: object) {
      const fuse = new PublicOnly.use(list as never[], options);
      return new Proxy(fuse, {
        get(target, key) {
          if (key !== 'search') throw new Error(`fuse.js used beyond its public search API: ${String(key)}`);
          return target.search.bind(target);
        },
        set() {
          throw new Error('fuse.js written to');
        },
      });
    }
  }
  return { default: PublicOnly, next };
});

describe('fuse.js as the fuzzy scorer', () => {
  it('is used through its public API only', async () => {
    const engine = new KnowledgeSearch(bundle!);
    expect(answers(engine).every((r) => r.length > 0)).toBe(true);
  });

  it('ranks the same with the next fuse.js 7.x release (7.6.0-beta.0) as with the one shipped', async () => {
    const mocked = (await import('fuse.js')) as unknown as { default: { use: unknown }; next: unknown };
    const shipped = answers(new KnowledgeSearch(bundle!));
    const real = mocked.default.use;
    mocked.default.use = mocked.next;
    try {
      expect(answers(new KnowledgeSearch(bundle!))).toEqual(shipped);
    } finally {
      mocked.default.use = real;
    }
  });
});
