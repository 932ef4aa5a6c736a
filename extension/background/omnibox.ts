/** Omnibox keyword `sf`: the guide's search from the address bar; Enter opens the article or the results. */
import browser from 'webextension-polyfill';
import type { Omnibox } from 'webextension-polyfill';
import kb from 'virtual:kb';
import { KnowledgeSearch } from '../../shared/search/search';
import { POSSIBLE_MATCHES } from '../../shared/search/verdict';
import { PRODUCT_LABELS } from '../../shared/kb/types';
import { guideUrl } from '../common/guide-url';
import { openGuide } from './open-guide';
import { articleFromEntry, defaultSuggestion, describeSuggestion, suggestionContent } from './omnibox-text';

const SUGGESTIONS = 6;
let engine: KnowledgeSearch | undefined;
const known = new Set(kb.articles.map((a) => a.id));
const markup = () => typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo !== 'function';

export function setUpOmnibox(): void {
  browser.omnibox.setDefaultSuggestion({ description: defaultSuggestion(markup()) });
  browser.omnibox.onInputChanged.addListener((text, suggest) => suggest(suggestionsFor(text)));
  browser.omnibox.onInputEntered.addListener((text, disposition) => void onOmniboxEntered(text, disposition));
}

export function suggestionsFor(text: string): Omnibox.SuggestResult[] {
  if (!text.trim()) return [];
  engine ??= new KnowledgeSearch(kb);
  const response = engine.search(text, { limit: SUGGESTIONS });
  // Not sure: the best three, each marked as a possible match, as in the guide and the popup.
  const hits = response.confident ? response.results : response.results.slice(0, POSSIBLE_MATCHES);
  return hits.map((hit) => ({
    content: suggestionContent(hit.id),
    description: describeSuggestion(hit.title, PRODUCT_LABELS[hit.product], markup(), !response.confident),
  }));
}

export async function onOmniboxEntered(text: string, disposition: Omnibox.OnInputEnteredDisposition): Promise<void> {
  const article = articleFromEntry(text, (id) => known.has(id));
  const target = article ? { article } : { query: text.trim().slice(0, 500) };
  if (disposition === 'currentTab') {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const url = guideUrl(browser.runtime.getURL('guide.html'), target);
    if (tab?.id !== undefined) await browser.tabs.update(tab.id, { url });
    else await browser.tabs.create({ url });
    return;
  }
  await openGuide(target);
}
