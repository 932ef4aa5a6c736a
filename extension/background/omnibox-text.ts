/**
 * Omnibox suggestion text. Chrome parses descriptions as XML (`<match>`, `<dim>`), so an
 * article title with `&` or `<` must be escaped or the suggestion is dropped; Firefox shows
 * the text as is.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const ARTICLE_PREFIX = 'a/';

export function suggestionContent(articleId: string): string {
  return `${ARTICLE_PREFIX}${articleId}`;
}

/** The article id an omnibox entry names, when it is one of our suggestions. */
export function articleFromEntry(text: string, known: (id: string) => boolean): string | undefined {
  const t = text.trim();
  if (!t.startsWith(ARTICLE_PREFIX)) return undefined;
  const id = t.slice(ARTICLE_PREFIX.length);
  return known(id) ? id : undefined;
}

/** One suggestion's line; `possible` when the search is not sure it is the answer. */
export function describeSuggestion(title: string, product: string, markup: boolean, possible = false): string {
  const lead = possible ? 'Possible match: ' : '';
  return markup ? `${lead}${escapeXml(title)} <dim>· ${escapeXml(product)}</dim>` : `${lead}${title} · ${product}`;
}

export function defaultSuggestion(markup: boolean): string {
  return markup ? 'Search the SyncFix guide for <match>%s</match>' : 'Search the SyncFix guide for %s';
}
