import { useEffect, useState } from 'preact/hooks';
import type { KnowledgeSource } from '../../kb/knowledge-source';
import type { Knowledge } from './knowledge';

export type KnowledgeState =
  { state: 'loading' } | { state: 'ready'; knowledge: Knowledge } | { state: 'failed'; error: unknown };

/**
 * The engines' code (search with fuse.js, detection) is loaded beside the knowledge, not
 * before the first paint: the shell shows at once on a slow phone, and the PWA's start-up
 * JavaScript stays in its budget.
 */
const engines = () => import('./knowledge');

/** Resolves the core and builds its engines after the first paint, so the shell shows at once. */
export function useKnowledge(source: KnowledgeSource): KnowledgeState {
  const [state, setState] = useState<KnowledgeState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const core = source.core;
    Promise.all([engines(), core])
      .then(([{ buildKnowledge, buildKnowledgeInSteps }, resolved]) =>
        // A core already in memory (the extension) is built at once; one still coming (the
        // PWA) is built one engine per task, so a slow phone never sees one long task.
        core instanceof Promise ? buildKnowledgeInSteps(resolved, source) : buildKnowledge(resolved, source),
      )
      .then(
        (knowledge) => live && setState({ state: 'ready', knowledge }),
        (error: unknown) => live && setState({ state: 'failed', error }),
      );
    return () => {
      live = false;
    };
  }, [source]);
  return state;
}
