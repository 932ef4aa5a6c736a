import { useEffect, useState } from 'preact/hooks';
import type { KnowledgeBundle } from '../../kb/types';
import { buildKnowledge, buildKnowledgeInSteps } from './knowledge';
import type { Knowledge } from './knowledge';

export type KnowledgeState =
  { state: 'loading' } | { state: 'ready'; knowledge: Knowledge } | { state: 'failed'; error: unknown };

/** Resolves the bundle and builds its engines after the first paint, so the shell shows at once. */
export function useKnowledge(source: KnowledgeBundle | Promise<KnowledgeBundle>): KnowledgeState {
  const [state, setState] = useState<KnowledgeState>(() =>
    source instanceof Promise ? { state: 'loading' } : { state: 'ready', knowledge: buildKnowledge(source) },
  );
  useEffect(() => {
    if (!(source instanceof Promise)) return;
    let live = true;
    source.then(buildKnowledgeInSteps).then(
      (knowledge) => live && setState({ state: 'ready', knowledge }),
      (error: unknown) => live && setState({ state: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [source]);
  return state;
}
