/** The knowledge the built extension carries, compiled again here to state what cards must say. */
import { buildBundle } from '../../../shared/compiler/vite-plugin-kb';
import { toDetectKit } from '../../../shared/kb/detect-kit';
import type { DetectKit } from '../../../shared/kb/detect-kit';
import type { KnowledgeBundle } from '../../../shared/kb/types';
import { ROOT } from './harness';

let cached: { kb: KnowledgeBundle; kit: DetectKit } | undefined;

export function knowledge(): { kb: KnowledgeBundle; kit: DetectKit } {
  if (!cached) {
    const kb = buildBundle(ROOT);
    cached = { kb, kit: toDetectKit(kb) };
  }
  return cached;
}

export function markKindOf(article: string): 'error' | 'info' {
  return knowledge().kb.articles.find((a) => a.id === article)?.kind === 'problem' ? 'error' : 'info';
}
