import type { ComponentChildren } from 'preact';
import type { KnowledgeBundle } from '../../kb/types';
import type { KeyValueStore } from '../storage/key-value-store';

export interface AppProps {
  /** The bundle, or a promise of it: the PWA loads it lazily so the shell paints first. */
  kb: KnowledgeBundle | Promise<KnowledgeBundle>;
  /** Device storage for saved articles, recents, marks and checklists (default: localStorage). */
  storage?: KeyValueStore;
  /** Host notices in the header (the PWA's "ready offline" / "update available"). */
  status?: ComponentChildren;
}

export function App(_props: AppProps) {
  return <main class="sf-app">SyncFix is loading.</main>;
}
