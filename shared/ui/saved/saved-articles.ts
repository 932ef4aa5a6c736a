import { isStringArray } from '../storage/stored';

export const SAVED_KEY = 'saved-articles';
export const SAVED_LABEL = 'saved articles';
export const isSavedList = isStringArray;

export function toggleSaved(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [id, ...list];
}

/**
 * The saved list with merged articles' old ids replaced by the article that absorbed them
 * (once, keeping the first place it had), or undefined when nothing needs to change.
 */
export function migrateSaved(list: readonly string[], redirects: ReadonlyMap<string, string>): string[] | undefined {
  if (!list.some((id) => redirects.has(id))) return undefined;
  return [...new Set(list.map((id) => redirects.get(id) ?? id))];
}
