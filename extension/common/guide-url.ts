/**
 * Addresses of the guide page (the shared App inside the extension). Routes are the App's:
 * `#/a/<id>` an article, `#/?q=` a search, `?text=` opens Explain with that text.
 */
export type GuideTarget = { article: string } | { query: string } | { explain: string } | Record<string, never>;

/** Selected text kept at most (a whole log selected by accident stays a usable URL). */
export const EXPLAIN_MAX_CHARS = 20_000;

export function guideUrl(base: string, target: GuideTarget): string {
  if ('article' in target) return `${base}#/a/${encodeURIComponent(target.article)}`;
  if ('query' in target) return `${base}#/?q=${encodeURIComponent(target.query)}`;
  if ('explain' in target)
    return `${base}?text=${encodeURIComponent(target.explain.slice(0, EXPLAIN_MAX_CHARS))}#/explain`;
  return base;
}
