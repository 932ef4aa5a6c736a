import { isStringArray } from '../storage/stored';

export const RECENT_KEY = 'recent-searches';
export const RECENT_LABEL = 'recent searches';
const MAX_RECENT = 8;
/** Longer queries are pasted logs, not searches anyone wants to repeat. */
const MAX_RECENT_LENGTH = 120;

export const isRecentList = isStringArray;

export function addRecent(list: readonly string[], query: string): string[] {
  const q = query.trim().replace(/\s+/g, ' ');
  if (!q || q.length > MAX_RECENT_LENGTH) return [...list];
  return [q, ...list.filter((x) => x.toLowerCase() !== q.toLowerCase())].slice(0, MAX_RECENT);
}
