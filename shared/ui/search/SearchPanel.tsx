import type { ComponentChildren } from 'preact';
import type { KnowledgeSearch } from '../../search/search';

export interface SearchPanelProps {
  /** The engine; `undefined` while the knowledge is still loading (typing is kept). */
  search: KnowledgeSearch | undefined;
  onOpen(id: string): void;
  autoFocus?: boolean;
  /** Shown above the results when the box is empty (entry points, recent searches). */
  leading?: ComponentChildren;
}

export function SearchPanel(_props: SearchPanelProps) {
  return <div class="sf-search">Search is coming.</div>;
}
