/**
 * What a content script tells the background about its frame: how many known errors it
 * marked, per article, and how the scan went. Checked on receipt like every message.
 */
import { array, integer, number, object, oneOf, optional, string } from './shape';
import type { Infer } from './shape';

export const ARTICLE_ID = /^[a-z0-9][a-z0-9-]{0,119}$/;
export const articleId = () => string({ max: 120, pattern: ARTICLE_ID });

export const SCAN_STATES = ['scanning', 'done', 'backed-off', 'paused'] as const;
export const BACKOFF_REASONS = ['too-many-nodes', 'too-much-text', 'too-many-findings', 'too-many-changes'] as const;

const COUNT = { max: 10_000_000 };

export const articleCountShape = object({
  article: articleId(),
  kind: oneOf('error', 'info'),
  count: integer({ min: 1, ...COUNT }),
});

export const frameReportShape = object({
  state: oneOf(...SCAN_STATES),
  reason: optional(oneOf(...BACKOFF_REASONS)),
  errors: integer(COUNT),
  info: integer(COUNT),
  articles: array(articleCountShape, { max: 2_000 }),
  stats: object({
    marker: oneOf('highlight', 'overlay'),
    textNodes: integer(COUNT),
    chars: integer({ max: 1e12 }),
    slices: integer(COUNT),
    longestSliceMs: number({ min: 0, max: 1e9 }),
    totalMs: number({ min: 0, max: 1e12 }),
  }),
});

export type FrameReport = Infer<typeof frameReportShape>;
export type ArticleCount = Infer<typeof articleCountShape>;
export type ScanState = FrameReport['state'];
export type BackoffReason = NonNullable<FrameReport['reason']>;

/** What the popup shows for a tab: all frames together. */
export interface TabSummary {
  state: ScanState | 'not-scanned';
  reason?: BackoffReason;
  errors: number;
  info: number;
  /** Errors first, then by count. */
  articles: ArticleCount[];
  frames: number;
  longestSliceMs: number;
  slices: number;
  marker?: FrameReport['stats']['marker'];
}

const STATE_WEIGHT: Record<ScanState, number> = { done: 0, scanning: 1, paused: 2, 'backed-off': 3 };

export function summarise(frames: readonly FrameReport[]): TabSummary {
  if (!frames.length)
    return { state: 'not-scanned', errors: 0, info: 0, articles: [], frames: 0, longestSliceMs: 0, slices: 0 };
  const byArticle = new Map<string, ArticleCount>();
  let worst = frames[0]!;
  const summary: TabSummary = {
    state: 'done',
    errors: 0,
    info: 0,
    articles: [],
    frames: frames.length,
    longestSliceMs: 0,
    slices: 0,
  };
  for (const f of frames) {
    if (STATE_WEIGHT[f.state] > STATE_WEIGHT[worst.state]) worst = f;
    summary.errors += f.errors;
    summary.info += f.info;
    summary.slices += f.stats.slices;
    summary.longestSliceMs = Math.max(summary.longestSliceMs, f.stats.longestSliceMs);
    summary.marker ??= f.stats.marker;
    for (const a of f.articles) {
      const seen = byArticle.get(a.article);
      if (seen) seen.count += a.count;
      else byArticle.set(a.article, { ...a });
    }
  }
  summary.state = worst.state;
  if (worst.reason) summary.reason = worst.reason;
  summary.articles = [...byArticle.values()].sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === 'error' ? -1 : 1) || b.count - a.count || a.article.localeCompare(b.article),
  );
  return summary;
}

/** The toolbar badge: known errors in the tab ("999+" past three digits), nothing at zero. */
export function badgeText(errors: number): string {
  if (errors <= 0) return '';
  return errors > 999 ? '999+' : String(errors);
}

export const BACKOFF_MESSAGES: Record<BackoffReason, string> = {
  'too-many-nodes': 'This page is too large to scan in full; SyncFix stopped to keep it responsive.',
  'too-much-text': 'This page holds too much text to scan in full; SyncFix stopped to keep it responsive.',
  'too-many-findings': 'This page repeats known errors too many times; only the first ones are marked.',
  'too-many-changes': 'This page changes too fast to follow; marks show the page as it was.',
};
