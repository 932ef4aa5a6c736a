/**
 * The one split of every real-world test set into a half we tune on and a half we only check.
 * Items are split by their source (a page or an issue thread), so that two lines from one
 * thread never sit on both sides; the seed is fixed so the halves never move.
 */
export type Half = 'tuning' | 'checking';

export const SPLIT_SEED = 'syncfix-2026-12';

/** FNV-1a over the seed and the key: stable across machines and Node versions. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (const ch of SPLIT_SEED + '\u0000' + key) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function halfOf(sourceKey: string): Half {
  return hash(sourceKey) % 2 === 0 ? 'tuning' : 'checking';
}

/** Items without a source (synthetic queries) are split by their own text. */
export function splitKey(item: { source?: string; query?: string; file?: string }): string {
  return item.source ?? item.file ?? item.query ?? '';
}
