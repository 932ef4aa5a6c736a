import { isStringArray } from '../storage/stored';

export const SAVED_KEY = 'saved-articles';
export const SAVED_LABEL = 'saved articles';
export const isSavedList = isStringArray;

export function toggleSaved(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [id, ...list];
}
