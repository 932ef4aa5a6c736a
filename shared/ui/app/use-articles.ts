import { useEffect, useState } from 'preact/hooks';
import type { ShownArticle } from '../../kb/split';
import type { Knowledge } from './knowledge';

export interface ArticlesState {
  /** In the order of the ids asked for; undefined for an unknown id, or while loading. */
  articles: (ShownArticle | undefined)[];
  /** `loading` while a known article's details are on their way; `failed` if they could not be fetched. */
  status: 'ready' | 'loading' | 'failed';
  retry(): void;
}

/** Whole articles for a view, loading the details not yet in memory (the PWA's shards). */
export function useArticles(knowledge: Knowledge, ids: readonly string[]): ArticlesState {
  const key = ids.join('\n');
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<{ key: string; attempt: number; ok: boolean }>();
  const articles = ids.map((id) => knowledge.article(id));
  const missing = ids.some((id, i) => !articles[i] && knowledge.headers.has(id));
  useEffect(() => {
    if (!missing) return;
    let live = true;
    knowledge.load(key.split('\n')).then(
      () => live && setOutcome({ key, attempt, ok: true }),
      () => live && setOutcome({ key, attempt, ok: false }),
    );
    return () => {
      live = false;
    };
  }, [knowledge, key, attempt, missing]);
  const failed = missing && outcome?.key === key && outcome.attempt === attempt && !outcome.ok;
  return {
    articles,
    status: !missing ? 'ready' : failed ? 'failed' : 'loading',
    retry: () => setAttempt((n) => n + 1),
  };
}
