import { useEffect, useState } from 'preact/hooks';
import type { KnowledgeSource } from '../../kb/knowledge-source';
import { buildKnowledge, buildKnowledgeInSteps } from './knowledge';
import type { Knowledge } from './knowledge';

export type KnowledgeState =
  { state: 'loading' } | { state: 'ready'; knowledge: Knowledge } | { state: 'failed'; error: unknown };

/** Resolves the core and builds its engines after the first paint, so the shell shows at once. */
export function useKnowledge(source: KnowledgeSource): KnowledgeState {
  const [state, setState] = useState<KnowledgeState>(() =>
    source.core instanceof Promise
      ? { state: 'loading' }
      : { state: 'ready', knowledge: buildKnowledge(source.core, source) },
  );
  useEffect(() => {
    if (!(source.core instanceof Promise)) return;
    let live = true;
    source.core
      .then((core) => buildKnowledgeInSteps(core, source))
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
